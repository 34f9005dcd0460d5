import { BENEFIT_CAP_BRACKET_LABELS, BENEFIT_CAPS } from '@jimukyoku/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What POST /api/quotes answers (quotes.service.ts `compute`): the category, then either the subsidy's quote
 * (libs/domain QuoteResult and EligibilityReport) or the benefit's (libs/domain BenefitResult). Money is integer yen.
 * administration-answers.e2e.ts checks real answers against these schemas.
 */
export class QuoteCategoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'restructuring.standard' }) code!: string;
  @ApiProperty({ example: '通常枠' }) name!: string;
  @ApiProperty({ enum: ['subsidy', 'benefit', 'contract'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: '制度設計中の注意書き (見込みが変わりうる)' }) caveat!: string | null;
}

/** A fraction: 補助率 2/3 is { numerator: 2, denominator: 3 }. */
export class FractionDto {
  @ApiProperty({ type: 'integer' }) numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
}

export class QuoteRateStepDto {
  @ApiProperty({ type: FractionDto, description: '補助率' }) rate!: FractionDto;
  @ApiProperty({ type: 'integer', description: 'この補助率の経費 (円)' }) expenses!: number;
  @ApiProperty({ type: 'integer', description: 'この補助率の補助金額 (円)' }) amount!: number;
  @ApiProperty({ type: 'integer', description: '補助金額の帯の始まり (円)' }) fromSubsidy!: number;
  @ApiPropertyOptional({ type: 'integer', description: '補助金額の帯の終わり (円)' }) upToSubsidy?: number;
}

export class QuoteCapDto {
  @ApiProperty({ type: 'integer', description: '上限額 (円)' }) amount!: number;
  @ApiProperty({ description: 'この上限が適用される理由 (例 従業員101人以上)' }) reason!: string;
  @ApiProperty({ description: '上限で金額が下がった' }) binding!: boolean;
}

export class QuotePartDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ description: '連携申請の参加事業者' }) participant?: string;
  @ApiProperty({ type: 'integer' }) expenseTotal!: number;
  @ApiProperty({ description: '補助率の対象 (例 中小企業)' }) rateLabel!: string;
  @ApiProperty({ type: [QuoteRateStepDto] }) steps!: QuoteRateStepDto[];
  @ApiProperty({ type: 'integer', description: '上限適用前' }) computed!: number;
  @ApiProperty({ type: QuoteCapDto, nullable: true }) cap!: QuoteCapDto | null;
  @ApiProperty({ type: 'integer' }) amount!: number;
}

export class QuoteShareLimitDto {
  @ApiProperty() label!: string;
  @ApiProperty({ type: FractionDto, description: '補助金額に占める割合の上限' }) maxShare!: FractionDto;
  @ApiProperty({ type: 'integer' }) limitedSubsidy!: number;
  @ApiProperty({ type: 'integer' }) allowedLimitedSubsidy!: number;
}

export class QuoteFloorDto {
  @ApiProperty({ type: 'integer', description: '下限額 (円)' }) amount!: number;
  @ApiProperty({ description: '下限を満たす' }) met!: boolean;
  @ApiProperty({ type: 'integer', description: '補助率と上限から計算した額' }) computed!: number;
}

export class QuoteExcludedLineDto {
  @ApiProperty({ type: 'integer', description: 'expenses の位置 (0から)' }) index!: number;
  @ApiProperty({ description: '対象外とした理由' }) reason!: string;
}

export class QuoteProblemDto {
  @ApiProperty() code!: string;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class QuoteIneligibilityDto {
  @ApiProperty({ description: '理由のコード (libs/domain IneligibilityCode: sizeClassNotAdmitted, belowFloor など)' }) code!: string;
  @ApiProperty() message!: string;
}

/** A requirement (or a 給付金 condition) the applicant does not meet. */
export class CheckFailedDto {
  @ApiProperty({ description: '常に false' }) ok!: boolean;
  @ApiProperty() code!: string;
  @ApiProperty({ description: '日本語の説明' }) message!: string;
  @ApiPropertyOptional({ description: '関係する入力項目' }) field?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '判定に使った値' }) details?: Record<string, unknown>;
}

export class EligibilityFailureDto extends CheckFailedDto {
  @ApiProperty({ description: '要件のコード' }) requirement!: string;
}

export class RequirementOutcomeDto {
  @ApiProperty({ description: '要件のコード' }) requirement!: string;
  @ApiProperty({ enum: ['passed', 'failed', 'manual'], description: '満たす・満たさない・職員が確認する' }) status!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'passed: 判定に使った値' }) details?: Record<string, unknown>;
  @ApiPropertyOptional({ type: EligibilityFailureDto, description: 'failed: 満たさない理由' }) failure?: EligibilityFailureDto;
}

export class EligibilityReportDto {
  @ApiProperty({ description: '自動判定の要件をすべて満たす (職員の確認は残りうる)' }) ok!: boolean;
  @ApiProperty({ type: [EligibilityFailureDto] }) failures!: EligibilityFailureDto[];
  @ApiProperty({ type: [String], description: '職員が確認する要件' }) manual!: string[];
  @ApiProperty({ type: [RequirementOutcomeDto] }) outcomes!: RequirementOutcomeDto[];
}

/** A subsidy's quote: 補助金額（見込み） with the steps a reviewer can follow. */
export class SubsidyQuoteDto {
  @ApiProperty({ type: QuoteCategoryDto }) category!: QuoteCategoryDto;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ type: String, nullable: true }) caveat!: string | null;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: 'integer', description: '補助金額（見込み、円）。対象外なら 0' }) amount!: number;
  @ApiProperty({ type: 'integer', description: '補助対象経費の合計 (円)' }) eligibleExpenseTotal!: number;
  @ApiProperty({ type: [QuotePartDto] }) parts!: QuotePartDto[];
  @ApiProperty({ type: QuoteCapDto, nullable: true }) cap!: QuoteCapDto | null;
  @ApiProperty({ type: QuoteShareLimitDto, nullable: true }) shareLimit!: QuoteShareLimitDto | null;
  @ApiProperty({ type: QuoteFloorDto, nullable: true }) floor!: QuoteFloorDto | null;
  @ApiProperty({ type: [QuoteExcludedLineDto] }) excludedLines!: QuoteExcludedLineDto[];
  @ApiProperty({ type: [QuoteProblemDto], description: '入力の誤り (誤りがあれば 400 になるため、成功の応答では空)' }) problems!: QuoteProblemDto[];
  @ApiProperty({ type: [QuoteIneligibilityDto], description: '申請できない理由' }) ineligibility!: QuoteIneligibilityDto[];
  @ApiProperty({ type: [String], description: '計算の説明 (日本語)' }) explanation!: string[];
  @ApiProperty({ type: EligibilityReportDto }) eligibility!: EligibilityReportDto;
}

export class BenefitResultDto {
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: String, enum: [...Object.keys(BENEFIT_CAPS), null], nullable: true, description: '売上高減少率の区分' }) band!: string | null;
  @ApiProperty({ type: FractionDto, nullable: true, description: '(基準月 − 対象月) ÷ 基準月' }) declineRate!: FractionDto | null;
  @ApiProperty({ type: String, nullable: true, description: '基準月 (YYYY-MM)' }) baseMonth!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '基準期間の売上高 (円)' }) basePeriodTotal!: number | null;
  @ApiProperty({ type: 'integer', description: '基準期間の売上高 − 対象月の売上高 × 5 (円)' }) formulaAmount!: number;
  @ApiProperty({ type: String, enum: [...Object.keys(BENEFIT_CAP_BRACKET_LABELS), null], nullable: true }) capBracket!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '上限額 (円)' }) cap!: number | null;
  @ApiProperty({ type: 'integer', description: '給付額 (円)。対象外なら 0' }) amount!: number;
  @ApiProperty({ type: [String] }) explanation!: string[];
  @ApiProperty({ type: [CheckFailedDto], description: '対象外の理由 (対象なら空)' }) failures!: CheckFailedDto[];
}

/** A benefit's quote: 給付額 (事業復活支援金). */
export class BenefitQuoteDto {
  @ApiProperty({ type: QuoteCategoryDto }) category!: QuoteCategoryDto;
  @ApiProperty({ type: BenefitResultDto }) benefit!: BenefitResultDto;
}
