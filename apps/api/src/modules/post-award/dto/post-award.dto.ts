import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ATTACHMENT_KINDS } from '@jimukyoku/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EachIsObject } from '../../../common/each-object.decorator';
import { ExpenseLineDto } from '../../quotes/dto/quote-request.dto';
import { POST_AWARD_STEPS, type PostAwardStep } from '../post-award-steps';
import { HasText } from '../../../common/has-text.decorator';
import { IsYen } from '../../../common/is-yen.decorator';

const DOCUMENT_KINDS = Object.keys(ATTACHMENT_KINDS);

/**
 * What the applicant files after 採択 (docs/post-award.md), the same body through the portal and on paper; which
 * fields a step needs is checked by the step (PostAwardService): 交付申請 and 実績報告 carry their expenses,
 * 事業廃止 and 取下げ a reason, 計画変更 what changes, 事業化状況報告 its year.
 */
export class PostAwardFilingDto {
  @ApiPropertyOptional({
    type: [ExpenseLineDto],
    description: '経費の明細。交付申請は契約する予定の経費、実績報告は実際に支払った経費（交付申請の明細と同じ順）。補助金額は規則から算定します',
  })
  @IsOptional()
  @IsArray({ message: 'expenses (経費の明細) は配列で指定してください' })
  @ArrayMaxSize(200)
  @EachIsObject('expenses')
  @ValidateNested({ each: true })
  @Type(() => ExpenseLineDto)
  expenses?: ExpenseLineDto[];

  @ApiPropertyOptional({ example: '主要設備の機種を変更するため', description: '理由（事業廃止・取下げは必須）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'reason (理由) は2000文字以内で入力してください' })
  reason?: string;

  @ApiPropertyOptional({ example: '導入する機械装置を同等品に変更する', description: '計画変更の内容（計画変更は必須）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'description (変更の内容) は2000文字以内で入力してください' })
  description?: string;

  @ApiPropertyOptional({ example: 2026, description: '事業化状況報告の対象年度（事業化状況報告は必須）' })
  @IsOptional()
  @IsInt({ message: 'fiscalYear (対象年度) は西暦の整数で指定してください' })
  @Min(2000, { message: 'fiscalYear (対象年度) は西暦の整数で指定してください' })
  @Max(2100, { message: 'fiscalYear (対象年度) は西暦の整数で指定してください' })
  fiscalYear?: number;

  @ApiPropertyOptional({ example: 12_000_000, description: '事業化状況報告: 補助事業に係る売上高（円）' })
  @IsOptional()
  @IsYen('sales (売上高)')
  sales?: number;

  @ApiPropertyOptional({ type: [String], description: '添付書類のID（POST /api/intake/attachments で登録したもの。実績報告は証拠書類が必須）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: 'attachmentIds には添付書類のIDを指定してください' })
  attachmentIds?: string[];
}

/**
 * A post-award step received on paper, recorded by staff on the applicant's behalf (audited): the documents received
 * (`documents`, `note`) stand for the portal's uploads, so `attachmentIds` is not taken (it was dropped unseen).
 */
export class PaperFilingDto extends OmitType(PostAwardFilingDto, ['attachmentIds'] as const) {
  @ApiProperty({ enum: POST_AWARD_STEPS, example: 'performanceReport', description: '記録する手続' })
  @IsIn(POST_AWARD_STEPS, { message: `step (手続) は ${POST_AWARD_STEPS.join(', ')} のいずれかです` })
  step!: PostAwardStep;

  @ApiProperty({ type: [String], enum: DOCUMENT_KINDS, example: ['other'], description: '郵送などで受け取った書類の種類 (1件以上)' })
  @IsArray({ message: 'documents (受け取った書類) を1件以上指定してください' })
  @ArrayMinSize(1, { message: 'documents (受け取った書類) を1件以上指定してください' })
  @ArrayMaxSize(20)
  @IsIn(DOCUMENT_KINDS, { each: true, message: `documents には書類の種類 (${DOCUMENT_KINDS.join(', ')}) を指定してください` })
  documents!: string[];

  @ApiProperty({ example: '3月2日 簡易書留で実績報告書を受領', description: '受領の記録 (受領日・方法など)。監査ログに残る' })
  @IsString({ message: 'note (受領の記録) を入力してください' })
  @HasText('note (受領の記録) を入力してください')
  @MaxLength(1000, { message: 'note (受領の記録) は1000文字以内で入力してください' })
  note!: string;
}

/** One line of the 確定検査: the amount accepted of the reported actual expense, and why when it is less. */
export class InspectionLineDto {
  @ApiProperty({ example: 0, description: '実績報告の経費明細の番号 (0から)' })
  @IsInt({ message: 'lines[].index (経費明細の番号) は0以上の整数で指定してください' })
  @Min(0, { message: 'lines[].index (経費明細の番号) は0以上の整数で指定してください' })
  @Max(199)
  index!: number;

  @ApiProperty({ example: 9_000_000, description: '認める額 (円、報告額以下)' })
  @IsYen('lines[].acceptedAmount (認める額)')
  acceptedAmount!: number;

  @ApiPropertyOptional({ example: '領収書のない送料を除外', description: '減額の理由 (報告額より少なく認めるときは必須)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'lines[].reason (減額の理由) は1000文字以内で入力してください' })
  reason?: string;
}

/** The 確定検査's adjustments: the lines not named are accepted as reported. */
export class FinalInspectionDto {
  @ApiProperty({ type: [InspectionLineDto], description: '調整する経費明細 (記載のない明細は報告額どおり認める)' })
  @IsArray({ message: 'lines (調整する経費明細) は配列で指定してください' })
  @ArrayMaxSize(200)
  @EachIsObject('lines')
  @ValidateNested({ each: true })
  @Type(() => InspectionLineDto)
  lines!: InspectionLineDto[];
}
