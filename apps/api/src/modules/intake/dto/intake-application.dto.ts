import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EachIsObject } from '../../../common/each-object.decorator';
import { normalizeInvoiceNumber, YEN_MAX } from '@jimukyoku/domain';
import { BenefitRequestDto, CertifiedAdvisorDto, ExpenseLineDto, FinancialInstitutionDto, MonthlySalesDto } from '../../quotes/dto/quote-request.dto';
import { SingleLine } from '../../../common/single-line.decorator';
import { IsYen } from '../../../common/is-yen.decorator';
import { HasText } from '../../../common/has-text.decorator';

/** A nested part sent as a list or a value (ValidateNested alone checks each element of a list and passes [] through). */
const objectOf = (field: string) => ({ message: `${field} は項目名と値の組 (オブジェクト) で指定してください` });
const participantCountMessage = 'applicant.participantCount (参加事業者数) は1〜10000の整数で入力してください';
const prefectureCountMessage = 'applicant.prefectureCount (活動地域の都道府県数) は1〜47の整数で入力してください';

export class IntakeApplicantDto {
  @ApiProperty({ enum: ['corporation', 'soleProprietor'] })
  @IsIn(['corporation', 'soleProprietor'], { message: 'applicant.kind は corporation (法人) か soleProprietor (個人事業者) です' })
  kind!: 'corporation' | 'soleProprietor';
  @ApiProperty({ example: '株式会社さくら精機' })
  @IsString({ message: 'applicant.name (事業者名) を入力してください' })
  @HasText('applicant.name (事業者名) を入力してください')
  @SingleLine('applicant.name (事業者名)')
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional({ example: '1180301018771', description: '法人番号 (13桁、法人は必須)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  corporateNumber?: string;
  @ApiProperty({ enum: ['smallBusiness', 'sme', 'midsize', 'large'] })
  @IsIn(['smallBusiness', 'sme', 'midsize', 'large'], { message: 'applicant.sizeClass は smallBusiness, sme, midsize, large のいずれかです' })
  sizeClass!: 'smallBusiness' | 'sme' | 'midsize' | 'large';
  @ApiProperty({ example: 30 })
  @IsInt({ message: 'applicant.employeeCount (従業員数) は0以上の整数で入力してください' })
  @Min(0, { message: 'applicant.employeeCount (従業員数) は0以上の整数で入力してください' })
  @Max(10_000_000)
  employeeCount!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsYen('applicant.capital', { max: YEN_MAX * 100 })
  capital?: number;
  @ApiProperty({ example: '北海道' }) @IsString({ message: 'applicant.prefecture (都道府県) を入力してください' }) @MaxLength(10) prefecture!: string;
  @ApiPropertyOptional({ enum: ['manufacturing', 'wholesale', 'retail', 'service', 'other'] })
  @IsOptional()
  @IsIn(['manufacturing', 'wholesale', 'retail', 'service', 'other'], {
    message: 'applicant.industry (業種) は manufacturing (製造業), wholesale (卸売業), retail (小売業), service (サービス業), other (その他) のいずれかです',
  })
  industry?: 'manufacturing' | 'wholesale' | 'retail' | 'service' | 'other';
  @ApiProperty({ example: 'info@example.jp' })
  @IsString({ message: 'applicant.email (連絡先メールアドレス) を入力してください' })
  @MaxLength(254)
  email!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactPerson?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsYen('applicant.annualRevenue', { max: YEN_MAX * 100 })
  annualRevenue?: number;
  @ApiPropertyOptional({
    description: '前年度の事業年度が赤字 (課税所得がゼロ)。ものづくり 回復型賃上げ・雇用拡大枠の要件、持続化 成長・分配強化枠の補助率3/4',
  })
  @IsOptional()
  @IsBoolean({ message: 'applicant.lossMaking (赤字か) は true か false で指定してください' })
  lossMaking?: boolean;
  @ApiPropertyOptional({ description: '再生事業者 (ものづくり 通常枠の補助率2/3)' })
  @IsOptional()
  @IsBoolean({ message: 'applicant.inRehabilitation (再生事業者か) は true か false で指定してください' })
  inRehabilitation?: boolean;
  @ApiPropertyOptional({ example: 10, description: 'グループ申請の参加事業者数 (申請者を含む)。複数社連携IT導入類型は10者以上' })
  @IsOptional()
  @IsInt({ message: participantCountMessage })
  @Min(1, { message: participantCountMessage })
  @Max(10_000, { message: participantCountMessage })
  participantCount?: number;
  @ApiPropertyOptional({ example: 2, description: '地域DX促進活動支援事業: 活動地域の都道府県数 (A類型 1、B類型 2、C類型 3以上)' })
  @IsOptional()
  @IsInt({ message: prefectureCountMessage })
  @Min(1, { message: prefectureCountMessage })
  @Max(47, { message: prefectureCountMessage })
  prefectureCount?: number;
  @ApiPropertyOptional({ type: [MonthlySalesDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @EachIsObject('monthlySales')
  @ValidateNested({ each: true })
  @Type(() => MonthlySalesDto)
  monthlySales?: MonthlySalesDto[];
  // what matches the applicant's 申請履歴 besides the 法人番号 (docs/applicant-history.md); all optional
  @ApiPropertyOptional({ example: 'T1180301018771', description: 'インボイス登録番号 (T + 13桁)。申請履歴の照合に使う (法人は T + 法人番号)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeInvoiceNumber(value) ?? value) : value))
  @Matches(/^T\d{13}$/, { message: 'applicant.invoiceNumber (インボイス登録番号) は T に続く13桁の数字で入力してください' })
  invoiceNumber?: string;
  @ApiPropertyOptional({
    example: '北海道札幌市中央区北1条西2丁目3番4号',
    description: '所在地・住所。個人事業者は事業者名・生年月日とあわせて申請履歴の照合に使う (推定一致)',
  })
  @IsOptional()
  @IsString({ message: 'applicant.address (住所) は文字列で入力してください' })
  @SingleLine('applicant.address (住所)')
  @MaxLength(300, { message: 'applicant.address (住所) は300文字以内で入力してください' })
  address?: string;
  @ApiPropertyOptional({ example: '1980-04-01', description: '生年月日 (個人事業者、YYYY-MM-DD)。申請履歴の照合に使う (推定一致)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'applicant.birthDate (生年月日) は YYYY-MM-DD で入力してください' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'applicant.birthDate (生年月日) は YYYY-MM-DD で入力してください' })
  birthDate?: string;
}

export class PlanDto {
  @ApiProperty({ example: 'EV向け部品への新分野展開' })
  @IsString({ message: 'plan.title (事業計画名) を入力してください' })
  @SingleLine('plan.title (事業計画名)')
  @MaxLength(200)
  title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) summary?: string;
}

/** 事業復活支援金: the 事前確認 a 登録確認機関 gave the applicant. */
export class PreCheckDto {
  @ApiProperty({ example: 'JK0123456789', description: '事前確認通知番号' })
  @IsString({ message: 'preCheck.confirmationNumber (事前確認通知番号) を入力してください' })
  @HasText('preCheck.confirmationNumber (事前確認通知番号) を入力してください')
  @SingleLine('preCheck.confirmationNumber (事前確認通知番号)')
  @MaxLength(50, { message: 'preCheck.confirmationNumber (事前確認通知番号) は50文字以内です' })
  confirmationNumber!: string;
  @ApiProperty({ example: '北海道商工会連合会', description: '事前確認を行った登録確認機関の名称' })
  @IsString({ message: 'preCheck.agencyName (登録確認機関名) を入力してください' })
  @HasText('preCheck.agencyName (登録確認機関名) を入力してください')
  @SingleLine('preCheck.agencyName (登録確認機関名)')
  @MaxLength(200, { message: 'preCheck.agencyName (登録確認機関名) は200文字以内です' })
  agencyName!: string;
}

/** What an intake channel hands over: the whole application, as the e-application portal collected it. */
export class IntakeApplicationDto {
  @ApiProperty({ description: '公募回のID' }) @IsUUID('4', { message: 'roundId は公募回のIDを指定してください' }) roundId!: string;
  @ApiProperty({ example: 'restructuring.standard' }) @IsString({ message: 'categoryCode (類型) を指定してください' }) @MaxLength(100) categoryCode!: string;
  @ApiProperty({ type: IntakeApplicantDto })
  @IsDefined({ message: 'applicant (申請者の情報) を入力してください' })
  @IsObject(objectOf('applicant (申請者の情報)'))
  @ValidateNested()
  @Type(() => IntakeApplicantDto)
  applicant!: IntakeApplicantDto;
  @ApiPropertyOptional({ type: PlanDto }) @IsOptional() @IsObject(objectOf('plan (事業計画)')) @ValidateNested() @Type(() => PlanDto) plan?: PlanDto;
  @ApiPropertyOptional({ type: CertifiedAdvisorDto })
  @IsOptional()
  @IsObject(objectOf('certifiedAdvisor (認定支援機関)'))
  @ValidateNested()
  @Type(() => CertifiedAdvisorDto)
  certifiedAdvisor?: CertifiedAdvisorDto;
  @ApiPropertyOptional({ type: FinancialInstitutionDto })
  @IsOptional()
  @IsObject(objectOf('financialInstitution (金融機関)'))
  @ValidateNested()
  @Type(() => FinancialInstitutionDto)
  financialInstitution?: FinancialInstitutionDto;
  @ApiPropertyOptional({ type: [ExpenseLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @EachIsObject('expenses')
  @ValidateNested({ each: true })
  @Type(() => ExpenseLineDto)
  expenses?: ExpenseLineDto[];
  @ApiPropertyOptional({
    description: '申請額 (円)。計算上の補助金額を超えてはならない。それより少なければ、この額が申請の額 (見込み額・採択額) になる。省略: 計算上の補助金額',
  })
  @IsOptional()
  @IsYen('requestedAmount (申請額)', { min: 1 })
  requestedAmount?: number;
  @ApiPropertyOptional({ type: BenefitRequestDto, description: '事業復活支援金の売上高 (給付金の公募回では必須)' })
  @IsOptional()
  @IsObject(objectOf('benefit (売上高)'))
  @ValidateNested()
  @Type(() => BenefitRequestDto)
  benefit?: BenefitRequestDto;
  @ApiPropertyOptional({
    type: PreCheckDto,
    description: '事業復活支援金: 登録確認機関による事前確認の結果。previousRecipient: true とどちらか一方が必須 (補助金の公募回では指定不可)',
  })
  @IsOptional()
  @IsObject({ message: 'preCheck は { confirmationNumber (事前確認通知番号), agencyName (登録確認機関名) } で指定してください' })
  @ValidateNested()
  @Type(() => PreCheckDto)
  preCheck?: PreCheckDto;
  @ApiPropertyOptional({
    description: '事業復活支援金: 一時支援金・月次支援金の受給者は true (事前確認が不要)。preCheck とどちらか一方が必須 (補助金の公募回では指定不可)',
  })
  @IsOptional()
  @IsBoolean({ message: 'previousRecipient (一時支援金・月次支援金の受給者か) は true か false で指定してください' })
  previousRecipient?: boolean;
  @ApiPropertyOptional({
    type: [String],
    example: ['wageIncreaseBonus'],
    description: '申請者が申告する加点項目 (公募回・類型の審査基準の加点項目コード、GET /api/review-rubrics)。審査基準にないコードは 422。審査員が確認する',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true, message: 'bonusItems には加点項目のコードを指定してください' })
  @MaxLength(50, { each: true })
  bonusItems?: string[];
  @ApiPropertyOptional({ type: [String], description: 'POST /api/intake/attachments で登録した添付書類のID' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: 'attachmentIds には添付書類のIDを指定してください' })
  attachmentIds?: string[];
}
