import { YEN_MAX } from '@jimukyoku/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { SingleLine } from '../../../common/single-line.decorator';
import { IsYen } from '../../../common/is-yen.decorator';

/** A calendar month, YYYY-MM. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PARTICIPANT_COUNT = 'applicant.participantCount (参加事業者数) は1〜10000の整数で指定してください';
const PREFECTURE_COUNT = 'applicant.prefectureCount (活動地域の都道府県数) は1〜47の整数で指定してください';

export class MonthlySalesDto {
  @ApiProperty({ example: '2021-04' }) @Matches(MONTH, { message: 'month は YYYY-MM で指定してください' }) month!: string;
  @ApiProperty({ example: 12_000_000 }) @IsYen('amount') amount!: number;
}

export class QuoteApplicantDto {
  @ApiPropertyOptional({ enum: ['corporation', 'soleProprietor'] })
  @IsOptional()
  @IsIn(['corporation', 'soleProprietor'], { message: 'applicant.kind は corporation (法人) か soleProprietor (個人事業者) です' })
  kind?: 'corporation' | 'soleProprietor';
  @ApiPropertyOptional({ enum: ['smallBusiness', 'sme', 'midsize', 'large'] })
  @IsOptional()
  @IsIn(['smallBusiness', 'sme', 'midsize', 'large'], { message: 'applicant.sizeClass は smallBusiness, sme, midsize, large のいずれかです' })
  sizeClass?: 'smallBusiness' | 'sme' | 'midsize' | 'large';
  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt({ message: 'applicant.employeeCount (従業員数) は0以上の整数で指定してください' })
  @Min(0, { message: 'applicant.employeeCount (従業員数) は0以上の整数で指定してください' })
  @Max(10_000_000)
  employeeCount?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsYen('applicant.capital', { max: YEN_MAX * 100 })
  capital?: number;
  @ApiPropertyOptional({ enum: ['manufacturing', 'wholesale', 'retail', 'service', 'other'] })
  @IsOptional()
  @IsIn(['manufacturing', 'wholesale', 'retail', 'service', 'other'])
  industry?: 'manufacturing' | 'wholesale' | 'retail' | 'service' | 'other';
  @ApiPropertyOptional()
  @IsOptional()
  @IsYen('applicant.annualRevenue', { max: YEN_MAX * 100 })
  annualRevenue?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'applicant.lossMaking (赤字か) は true か false で指定してください' })
  lossMaking?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'applicant.inRehabilitation (再生事業者か) は true か false で指定してください' })
  inRehabilitation?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: PARTICIPANT_COUNT })
  @Min(1, { message: PARTICIPANT_COUNT })
  @Max(10_000, { message: PARTICIPANT_COUNT })
  participantCount?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: PREFECTURE_COUNT })
  @Min(1, { message: PREFECTURE_COUNT })
  @Max(47, { message: PREFECTURE_COUNT })
  prefectureCount?: number;
  @ApiPropertyOptional({ type: [MonthlySalesDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @EachIsObject('monthlySales')
  @ValidateNested({ each: true })
  @Type(() => MonthlySalesDto)
  monthlySales?: MonthlySalesDto[];
}

export class ExpenseLineDto {
  @ApiProperty({ example: 'machinery' }) @IsString({ message: 'expenseType (経費区分) を指定してください' }) @MaxLength(100) expenseType!: string;
  @ApiProperty({ example: 15_000_000 }) @IsYen('amount') amount!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'description (経費の内容) は文字列で指定してください' })
  @MaxLength(500, { message: 'description (経費の内容) は500文字以内です' })
  description?: string;
  @ApiPropertyOptional({
    example: 'itTool',
    description: 'IT導入補助金: 品目 (itTool ITツール / pc PC・タブレット等 / register レジ・券売機等)。ハードウェアは必須',
  })
  @IsOptional()
  @IsString({ message: 'itemKind (品目) は itTool / pc / register で指定してください' })
  @MaxLength(50, { message: 'itemKind (品目) は itTool / pc / register で指定してください' })
  itemKind?: string;
  @ApiPropertyOptional({ example: ['generalPurpose'] })
  @IsOptional()
  @IsArray({ message: 'flags (経費の属性) はコードの配列で指定してください' })
  @ArrayMaxSize(50, { message: 'flags (経費の属性) は50件までです' })
  @IsString({ each: true, message: 'flags (経費の属性) はコードの配列で指定してください' })
  @MaxLength(100, { each: true, message: 'flags (経費の属性) の各コードは100文字以内です' })
  flags?: string[];
  @ApiPropertyOptional({ description: '複数社連携IT導入類型: 基盤導入経費の参加事業者 (事業者名)' })
  @IsOptional()
  @IsString({ message: 'participant (参加事業者) は事業者名の文字列で指定してください' })
  @MaxLength(100, { message: 'participant (参加事業者) は100文字以内です' })
  participant?: string;
}

export class BenefitRequestDto {
  @ApiProperty({ enum: ['corporation', 'soleProprietor'] })
  @IsIn(['corporation', 'soleProprietor'], { message: 'benefit.applicantKind は corporation か soleProprietor です' })
  applicantKind!: 'corporation' | 'soleProprietor';
  @ApiProperty({ example: '2022-01' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'benefit.targetMonth (対象月) は YYYY-MM で指定してください' })
  targetMonth!: string;
  @ApiProperty({ example: 1_000_000 })
  @IsYen('benefit.targetMonthSales')
  targetMonthSales!: number;
  @ApiProperty({ enum: ['2018-11', '2019-11', '2020-11'] })
  @IsIn(['2018-11', '2019-11', '2020-11'], { message: 'benefit.basePeriod (基準期間) は 2018-11, 2019-11, 2020-11 のいずれかです' })
  basePeriod!: '2018-11' | '2019-11' | '2020-11';
  @ApiProperty({
    type: 'integer',
    isArray: true,
    description: '基準期間5か月の売上高 (11月から順に5つ)',
    example: [3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000],
  })
  @IsArray({ message: 'benefit.basePeriodSales は5か月分の売上高の配列で指定してください' })
  @IsYen('benefit.basePeriodSales', { each: true })
  basePeriodSales!: number[];
  @ApiPropertyOptional()
  @IsOptional()
  @IsYen('benefit.annualRevenue', { max: YEN_MAX * 100 })
  annualRevenue?: number;
}

const monthMessage = (field: string) => ({ message: `context.claimedMonths.${field} は YYYY-MM の月で指定してください`, each: true });

/** 認定経営革新等支援機関 as the eligibility checks read it (libs/domain CertifiedAdvisor); intake requires it whole. */
export class CertifiedAdvisorDto {
  @ApiProperty({ example: '北海道経営支援センター' })
  @IsString({ message: 'certifiedAdvisor.name (認定支援機関名) を入力してください' })
  @SingleLine('certifiedAdvisor.name (認定支援機関名)')
  @MaxLength(200, { message: 'certifiedAdvisor.name (認定支援機関名) は200文字以内です' })
  name!: string;
  @ApiProperty({ example: '106213000000' })
  @IsString({ message: 'certifiedAdvisor.id (認定支援機関ID) を入力してください' })
  @SingleLine('certifiedAdvisor.id (認定支援機関ID)')
  @MaxLength(50, { message: 'certifiedAdvisor.id (認定支援機関ID) は50文字以内です' })
  id!: string;
  @ApiPropertyOptional({ description: '認定支援機関が金融機関でもある (補助金額3,000万円超の金融機関の確認を兼ねる)' })
  @IsOptional()
  @IsBoolean({ message: 'certifiedAdvisor.isFinancialInstitution (認定支援機関は金融機関か) は true か false で指定してください' })
  isFinancialInstitution?: boolean;
}

export class FinancialInstitutionDto {
  @ApiProperty({ example: '東西銀行', description: '事業計画を確認した金融機関の名称 (補助金額が3,000万円を超える場合に必要)' })
  @IsString({ message: 'financialInstitution.name (金融機関名) を入力してください' })
  @SingleLine('financialInstitution.name (金融機関名)')
  @MaxLength(200, { message: 'financialInstitution.name (金融機関名) は200文字以内です' })
  name!: string;
}

/**
 * The same two as a quote's context reads them: any part may be missing (the checks say which), but a
 * part that is given follows intake's rule, so one rule stands in one place.
 */
export class QuoteCertifiedAdvisorDto extends PartialType(CertifiedAdvisorDto) {}
export class QuoteFinancialInstitutionDto extends PartialType(FinancialInstitutionDto) {}

/** The months the applicant named for the sales-decline tests (libs/domain ClaimedMonths). */
export class ClaimedMonthsDto {
  @ApiPropertyOptional({ type: [String], example: ['2021-11', '2021-12', '2022-01'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @Matches(MONTH, monthMessage('salesDecline10pct'))
  salesDecline10pct?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @Matches(MONTH, monthMessage('salesDecline5pctSince202010'))
  salesDecline5pctSince202010?: string[];
  @ApiPropertyOptional({ example: '2021-11' })
  @IsOptional()
  @IsString()
  @Matches(MONTH, { message: 'context.claimedMonths.recoverySalesDecline30pct は YYYY-MM の月で指定してください' })
  recoverySalesDecline30pct?: string;
}

/**
 * What the eligibility checks read besides the applicant (libs/domain EligibilityContext), typed: a number
 * where a name belongs is a 400 naming the field, not a crash in the checks.
 */
export class QuoteContextDto {
  @ApiPropertyOptional({ description: '申請する補助金額 (円)。省略すると見込み額' })
  @IsOptional()
  @IsYen('subsidyAmount')
  subsidyAmount?: number;
  @ApiPropertyOptional({ type: QuoteCertifiedAdvisorDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuoteCertifiedAdvisorDto)
  certifiedAdvisor?: QuoteCertifiedAdvisorDto;
  @ApiPropertyOptional({ type: QuoteFinancialInstitutionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuoteFinancialInstitutionDto)
  financialInstitution?: QuoteFinancialInstitutionDto;
  @ApiPropertyOptional({ description: 'グループ申請の最少社数 (申請者を含む)' }) @IsOptional() @IsInt() @Min(1) @Max(10_000) minParticipants?: number;
  @ApiPropertyOptional({ type: ClaimedMonthsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimedMonthsDto)
  claimedMonths?: ClaimedMonthsDto;
}

export class QuoteRequestDto {
  @ApiPropertyOptional({ description: '類型のID (または roundId + categoryCode)' })
  @IsOptional()
  @IsUUID('4', { message: 'categoryId は類型のIDを指定してください' })
  categoryId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'roundId は公募回のIDを指定してください' }) roundId?: string;
  @ApiPropertyOptional({ example: 'restructuring.standard' }) @IsOptional() @IsString() @MaxLength(100) categoryCode?: string;
  @ApiPropertyOptional({ type: QuoteApplicantDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => QuoteApplicantDto) applicant?: QuoteApplicantDto;
  @ApiPropertyOptional({ type: [ExpenseLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @EachIsObject('expenses')
  @ValidateNested({ each: true })
  @Type(() => ExpenseLineDto)
  expenses?: ExpenseLineDto[];
  @ApiPropertyOptional({ type: BenefitRequestDto, description: '事業復活支援金の売上高 (給付金の類型のとき)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BenefitRequestDto)
  benefit?: BenefitRequestDto;
  @ApiPropertyOptional({ type: QuoteContextDto, description: '要件確認の材料: 認定支援機関、金融機関、売上減少の対象月など' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuoteContextDto)
  context?: QuoteContextDto;
}
