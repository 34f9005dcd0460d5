import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BonusItemAnswerDto, CriterionAnswerDto } from '../../rubrics/dto/rubric-answers.dto';

/**
 * What the score sheet routes answer on success, as OpenAPI describes it (score-sheets.service.ts `view` and
 * `reviewsOf`). The score sheets' list answers the assignment board's rows (assignments/dto/assignment-answers.dto.ts).
 */
const SHEET_STATUSES = ['notStarted', 'draft', 'submitted'];
const POINTS_BY_CODE = { type: 'object', additionalProperties: { type: 'number' }, description: '審査項目のコード → 点数' } as const;
const COMMENTS_BY_CODE = { type: 'object', additionalProperties: { type: 'string' }, description: '審査項目のコード → コメント' } as const;

export class SheetRubricDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [CriterionAnswerDto] }) criteria!: CriterionAnswerDto[];
  @ApiProperty({ type: [BonusItemAnswerDto] }) bonusItems!: BonusItemAnswerDto[];
  @ApiProperty({ description: '審査項目が満点のときの合計点 (重み付き)' }) maxTotal!: number;
  @ApiProperty({ description: '最初の採点で確定した' }) frozen!: boolean;
}

export class SheetExpenseDto {
  @ApiProperty({ example: 'machinery' }) expenseType!: string;
  @ApiProperty({ description: '経費区分の名称 (類型の設定による)' }) expenseTypeLabel!: string;
  @ApiProperty({ type: 'integer', description: '金額 (円、税抜)' }) amount!: number;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ description: '品目 (IT導入補助金)' }) itemKind?: string;
  @ApiPropertyOptional({ type: [String] }) flags?: string[];
  @ApiPropertyOptional({ description: '参加事業者 (複数社連携)' }) participant?: string;
}

export class SheetApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '申請の状態 (コード)' }) status!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty() categoryName!: string;
  @ApiProperty({ type: String, nullable: true, description: '事業計画名' }) planTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '事業計画の概要' }) planSummary!: string | null;
  @ApiProperty({ type: 'integer', description: '申請額 (円)' }) quotedAmount!: number;
  @ApiProperty() prefecture!: string;
  @ApiProperty({ description: '企業規模 (コード)' }) sizeClass!: string;
  @ApiProperty({ type: 'integer' }) employeeCount!: number;
  @ApiProperty({ type: String, nullable: true, description: '認定支援機関名' }) certifiedAdvisorName!: string | null;
  @ApiProperty({ type: [SheetExpenseDto], description: '事業計画の経費' }) expenses!: SheetExpenseDto[];
  @ApiProperty({ type: [BonusItemAnswerDto], description: '申請者が申告した加点項目' }) claimedBonusItems!: BonusItemAnswerDto[];
}

export class ScoreSheetAnswerDto {
  @ApiProperty({ format: 'uuid', description: '割当のID' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '審査期限 (UTC)' }) dueAt!: string | null;
  @ApiProperty({ description: '割当が取り消された' }) revoked!: boolean;
  @ApiProperty({ enum: SHEET_STATUSES }) status!: string;
  @ApiProperty(POINTS_BY_CODE) scores!: Record<string, number>;
  @ApiProperty(COMMENTS_BY_CODE) comments!: Record<string, string>;
  @ApiProperty({ type: [String], description: '確認した加点項目のコード' }) confirmedBonus!: string[];
  @ApiProperty({ type: String, nullable: true, description: '総評' }) overallComment!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '重み付きの合計点 (提出で確定)' }) total!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '管理者が再開した日時' }) reopenedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reopenReason!: string | null;
  @ApiProperty({ description: 'この利用者がいま編集できる' }) editable!: boolean;
  @ApiProperty({ type: SheetRubricDto }) rubric!: SheetRubricDto;
  @ApiProperty({ type: SheetApplicationDto }) application!: SheetApplicationDto;
}

export class SubmittedScoreSheetDto extends ScoreSheetAnswerDto {
  @ApiProperty({
    enum: ['pending', 'completed', 'extraReviewer'],
    description: 'pending = ほかの審査員の提出待ち、completed = 書面審査が完了、extraReviewer = 乖離のため審査員を追加',
  })
  completion!: string;
}

export class ReviewSheetDto {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty(POINTS_BY_CODE) scores!: Record<string, number>;
  @ApiProperty(COMMENTS_BY_CODE) comments!: Record<string, string>;
  @ApiProperty({ type: [String] }) confirmedBonus!: string[];
  @ApiProperty({ type: String, nullable: true }) overallComment!: string | null;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reopenedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reopenReason!: string | null;
}

export class ReviewsRubricDto {
  @ApiProperty({ type: [CriterionAnswerDto] }) criteria!: CriterionAnswerDto[];
  @ApiProperty({ type: [BonusItemAnswerDto] }) bonusItems!: BonusItemAnswerDto[];
  @ApiProperty() maxTotal!: number;
}

export class ReviewsSummaryDto {
  @ApiProperty({ type: 'integer', description: '提出済みの採点票' }) submitted!: number;
  @ApiProperty({ type: Number, nullable: true, description: '合計点の平均 (提出がなければ null)' }) mean!: number | null;
  @ApiProperty({ type: [String], description: '審査員の多数が確認した加点項目' }) confirmedBonus!: string[];
  @ApiProperty({ description: '加点' }) bonus!: number;
  @ApiProperty({ description: '合計点の最大−最小' }) spread!: number;
  @ApiProperty({ description: '乖離の閾値を超えた' }) disagreement!: boolean;
}

export class ApplicationReviewsDto {
  @ApiProperty({ format: 'uuid', description: '申請のID' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: ReviewsRubricDto }) rubric!: ReviewsRubricDto;
  @ApiProperty({ type: [ReviewSheetDto], description: '審査員の採点票 (審査員には提出済みのみ)' }) sheets!: ReviewSheetDto[];
  @ApiProperty({ description: '提出済みの採点をいま再開できる (採択の判定まで)' }) reopenable!: boolean;
  @ApiProperty({ type: ReviewsSummaryDto }) summary!: ReviewsSummaryDto;
}
