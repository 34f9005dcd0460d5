import { ApiProperty } from '@nestjs/swagger';

/**
 * Programmes, rule sets and categories as their routes answer them (rules.service.ts: the rows, a category read with its
 * programme and summary). administration-answers.e2e.ts checks real answers against these schemas.
 */
export class ProgramDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'restructuring' }) code!: string;
  @ApiProperty({ example: '事業再構築補助金' }) name!: string;
  @ApiProperty({ enum: ['subsidy', 'benefit', 'contract'], description: '補助金・給付金・委託' }) kind!: string;
  @ApiProperty({ enum: ['subsidy', 'benefit', 'itSubsidy'], description: '申請が従うワークフローの種類' }) workflowKind!: string;
  @ApiProperty({ type: String, nullable: true, description: '制度設計上の前提・注意書き' }) assumption!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class RuleSetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty({ example: 'restructuring.r3-sup' }) code!: string;
  @ApiProperty({ example: 'r3-sup' }) edition!: string;
  @ApiProperty({ example: '令和3年度補正' }) label!: string;
  @ApiProperty({ type: 'integer', description: '版 (1から)' }) version!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'この版が引き継いだ前の版' }) supersedesId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '最初の申請で固定された日時 (以後は新しい版で変更)' }) lockedAt!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) assumption!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

/** A category as written (create, update, delete answer the row). */
export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ruleSetId!: string;
  @ApiProperty({ example: 'restructuring.standard' }) code!: string;
  @ApiProperty({ example: '通常枠' }) name!: string;
  @ApiProperty({ enum: ['subsidy', 'benefit', 'contract'] }) kind!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '類型の設定 (上限・補助率・下限・経費区分など。libs/domain の CategoryConfig、POST/PUT で送ったもの)',
  })
  config!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

/** The category's rules in words (libs/domain describeCategory), as the admin lists them. */
export class CategorySummaryDto {
  @ApiProperty({ description: '上限', example: '従業員20人以下 2,000万円' }) cap!: string;
  @ApiProperty({ description: '補助率', example: '中小企業 2/3' }) rate!: string;
  @ApiProperty({ type: String, nullable: true, description: '下限' }) floor!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '制度設計中の注意書き' }) caveat!: string | null;
}

/** A category as read (list, one): with its programme and its summary. */
export class CategoryViewDto extends CategoryDto {
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty({ type: CategorySummaryDto }) summary!: CategorySummaryDto;
}
