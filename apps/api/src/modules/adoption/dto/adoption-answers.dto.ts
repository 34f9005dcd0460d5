import { ApiProperty } from '@nestjs/swagger';
import { RANKING_OUTCOME } from '../ranking.service';

/**
 * What the ranking and decision routes answer on success, as OpenAPI describes it (ranking.service.ts `answer`,
 * adoption.service.ts `commit` and `decisionsOf`, the committed pages of adoption.repository.ts).
 */
const OUTCOMES = Object.values(RANKING_OUTCOME);

export class RankingLimitsDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '予算 (円)。null は上限なし' }) budget!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '採択件数の上限。null は上限なし' }) quota!: number | null;
  @ApiProperty({ type: 'integer', description: '補欠の件数' }) waitlistCount!: number;
}

export class AdoptionTotalsDto {
  @ApiProperty({ type: 'integer', description: '判定の対象 (審査完了) の件数' }) applied!: number;
  @ApiProperty({ type: 'integer' }) adopted!: number;
  @ApiProperty({ type: 'integer' }) waitlisted!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer', description: '採択額の合計 (円)' }) adoptedAmount!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '予算 (円)' }) budget!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '予算の残り (円)' }) remainingBudget!: number | null;
  @ApiProperty({ description: '採択率 (小数4桁)' }) adoptionRate!: number;
}

export class AdoptionBreakdownDto {
  @ApiProperty({ description: '都道府県または企業規模' }) key!: string;
  @ApiProperty({ type: 'integer' }) applied!: number;
  @ApiProperty({ type: 'integer' }) adopted!: number;
  @ApiProperty({ type: 'integer', description: '円' }) adoptedAmount!: number;
}

export class AdoptionCutDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '最後に採択となる順位' }) cutoffRank!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '採択ラインの合計点' }) cutoffScore!: number | null;
  @ApiProperty({ enum: ['budget', 'quota', 'exhausted'], description: '採択を止めた上限 (exhausted は全件採択)' }) stoppedBy!: string;
  @ApiProperty({ type: AdoptionTotalsDto }) totals!: AdoptionTotalsDto;
  @ApiProperty({ type: [AdoptionBreakdownDto] }) byPrefecture!: AdoptionBreakdownDto[];
  @ApiProperty({ type: [AdoptionBreakdownDto] }) bySizeClass!: AdoptionBreakdownDto[];
}

export class ReviewerTotalDto {
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ description: '合計点' }) raw!: number;
  @ApiProperty({ description: '標準化した合計点' }) normalised!: number;
}

export class RankedApplicationDto {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ description: '合計点 (審査点の平均＋加点)' }) finalScore!: number;
  @ApiProperty({ description: '審査点の平均' }) mean!: number;
  @ApiProperty({ description: '加点' }) bonus!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '受付日時 (UTC)' }) receivedAt!: string | null;
  @ApiProperty({ type: 'integer', description: '申請額 (円)' }) quotedAmount!: number;
  @ApiProperty() prefecture!: string;
  @ApiProperty() sizeClass!: string;
  @ApiProperty({ type: [ReviewerTotalDto] }) reviewerTotals!: ReviewerTotalDto[];
  @ApiProperty({ description: '審査員間の合計点の差' }) spread!: number;
  @ApiProperty() disagreement!: boolean;
  @ApiProperty({ type: 'integer', description: '審査完了の後に再開された採点票 (再提出まで判定できない)' }) pendingReviews!: number;
  @ApiProperty({ enum: OUTCOMES }) outcome!: string;
}

export class RankingChartDto {
  @ApiProperty({ type: [Number], description: '全件の合計点 (順位順)' }) finalScores!: number[];
  @ApiProperty({ type: [Number], description: '全件の申請額 (円、順位順)' }) quotedAmounts!: number[];
}

export class CategoryStandingDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '類型の予算 (円)' }) categoryBudget!: number | null;
  @ApiProperty({ type: 'integer', description: '採択済 (採択枠を占める状態) の件数' }) adopted!: number;
  @ApiProperty({ type: 'integer', description: '採択済の申請額の合計 (円)' }) adoptedAmount!: number;
  @ApiProperty({ type: 'integer', description: '要件確認中 (待ちを含む) の件数' }) inFormalCheck!: number;
  @ApiProperty({ type: 'integer', description: '書面審査中の件数' }) inReview!: number;
}

export class AdoptionDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '予算 (円)' }) budget!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) quota!: number | null;
  @ApiProperty({ type: 'integer' }) waitlistCount!: number;
  @ApiProperty() normalise!: boolean;
  @ApiProperty({ type: 'integer' }) appliedCount!: number;
  @ApiProperty({ type: 'integer' }) adoptedCount!: number;
  @ApiProperty({ type: 'integer' }) waitlistedCount!: number;
  @ApiProperty({ type: 'integer' }) rejectedCount!: number;
  @ApiProperty({ type: 'integer', description: '採択額の合計 (円)' }) adoptedAmount!: number;
  @ApiProperty({ type: Number, nullable: true }) cutoffScore!: number | null;
  @ApiProperty({ format: 'uuid', description: '確定した職員' }) committedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) committedAt!: string;
}

export class CommittedDecisionDto extends AdoptionDecisionDto {
  @ApiProperty({ type: AdoptionTotalsDto }) totals!: AdoptionTotalsDto;
}

export class CommittedEntryDto {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty() finalScore!: number;
  @ApiProperty({ type: Number, nullable: true, description: '審査点 (この値を記録する前に確定した判定では null)' }) mean!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '加点 (同上)' }) bonus!: number | null;
  @ApiProperty({ type: 'integer', description: '申請額 (円)' }) quotedAmount!: number;
  @ApiProperty() prefecture!: string;
  @ApiProperty() sizeClass!: string;
  @ApiProperty({ enum: OUTCOMES }) outcome!: string;
}

export class CommittedChartDto {
  @ApiProperty({ type: [Number] }) finalScores!: number[];
}

export class CommittedRankingDto {
  @ApiProperty({ type: AdoptionDecisionDto }) decision!: AdoptionDecisionDto;
  @ApiProperty({ type: 'integer' }) entryCount!: number;
  @ApiProperty({ type: 'integer' }) entryOffset!: number;
  @ApiProperty({ type: [CommittedEntryDto], description: '確定した順位の1ページ' }) entries!: CommittedEntryDto[];
  @ApiProperty({ type: CommittedChartDto }) chart!: CommittedChartDto;
}

export class RankingAnswerDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '公募回・類型の予算 (円)' }) categoryBudget!: number | null;
  @ApiProperty({ type: String, format: 'date-time', description: '応募締切 (猶予を含む)。これより前は判定を確定できない' }) roundDeadline!: string;
  @ApiProperty() roundStillOpen!: boolean;
  @ApiProperty({ format: 'uuid' }) rubricId!: string;
  @ApiProperty() normalise!: boolean;
  @ApiProperty({ type: RankingLimitsDto, description: '試算に使った上限' }) limits!: RankingLimitsDto;
  @ApiProperty({ type: [String], description: '同点の順位の決め方' }) tieBreak!: string[];
  @ApiProperty({ description: '確定 (POST …/decisions) に渡す識別子' }) fingerprint!: string;
  @ApiProperty({ type: AdoptionCutDto }) simulation!: AdoptionCutDto;
  @ApiProperty({ type: 'integer', description: '順位の全件数' }) entryCount!: number;
  @ApiProperty({ type: 'integer' }) entryOffset!: number;
  @ApiProperty({ type: [RankedApplicationDto], description: 'offset/limit の1ページ' }) entries!: RankedApplicationDto[];
  @ApiProperty({ type: RankingChartDto }) chart!: RankingChartDto;
  @ApiProperty({ type: CategoryStandingDto }) standing!: CategoryStandingDto;
  @ApiProperty({ type: CommittedRankingDto, nullable: true, description: '確定済みの最新の判定 (なければ null)' }) committed!: CommittedRankingDto | null;
}
