import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, OmitType } from '@nestjs/swagger';
import { ASSIGNMENT_PURPOSE } from '../../assignments/application-assignment.entity';
import { AuditLogEntryDto } from '../../audit/dto/audit-answers.dto';
import { PreCheckDto } from '../../intake/dto/intake-application.dto';
import { GrantAmountsDto, OpenPaymentBatchDto } from '../../post-award/dto/post-award-answers.dto';
import { BenefitResultDto, EligibilityReportDto, SubsidyQuoteDto } from '../../quotes/dto/quote-answers.dto';
import { ExpenseLineDto, FinancialInstitutionDto, MonthlySalesDto, QuoteCertifiedAdvisorDto } from '../../quotes/dto/quote-request.dto';

/**
 * What the application routes answer on success, as OpenAPI describes it: a row of the list
 * (application-list.repository.ts `APPLICATION_LIST_FIELDS`), the whole application (applications.service.ts `show`),
 * a transition, one in bulk, a 再審査 and the applicant's history. case-answers.e2e.ts checks real answers against them.
 */
export class ApplicationRowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '再審査で移る前の類型' }) reconsideredFromCategoryId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '受付番号 (下書きは null)' }) receiptNumber!: string | null;
  @ApiProperty({ description: '状態 (コード)' }) status!: string;
  @ApiProperty({ description: '状態の表示名' }) statusLabel!: string;
  @ApiProperty({ example: 'subsidy' }) workflowCode!: string;
  @ApiProperty({ type: 'integer' }) workflowVersion!: number;
  @ApiProperty({ type: 'integer', description: '楽観ロックの版 (遷移ごとに増える)' }) version!: number;
  @ApiProperty({ enum: ['corporation', 'soleProprietor'] }) applicantKind!: string;
  @ApiProperty({ description: '事業者名' }) applicantName!: string;
  @ApiProperty({ type: String, nullable: true, description: '法人番号' }) corporateNumber!: string | null;
  @ApiProperty({ example: 'sme' }) sizeClass!: string;
  @ApiProperty({ example: '北海道' }) prefecture!: string;
  @ApiProperty({ type: 'integer', description: '申請額 (円)' }) quotedAmount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '受付日時' }) receivedAt!: string | null;
  @ApiProperty({ description: '締切後の猶予時間内に受け付けた' }) receivedInGrace!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '補正期限' }) correctionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '電子申請の窓口 (紙の申請は null)' }) channelId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

/** The quote stored with the application when it was last submitted: a subsidy's (without the category and eligibility the quote route adds) or a benefit's. */
export class StoredSubsidyQuoteDto extends OmitType(SubsidyQuoteDto, ['category', 'eligibility'] as const) {}

export class ReasonDto {
  @ApiProperty() message!: string;
}

/** A benefit's application not yet given its sales (application-quote.ts `quoteApplication`): no 給付額, and why. */
export class UnquotedBenefitDto {
  @ApiProperty({ description: '常に false' }) eligible!: boolean;
  @ApiProperty({ type: [ReasonDto] }) ineligibility!: ReasonDto[];
}

export class FormalCheckRecordDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: 未回答' }) passed!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'システムの判定と異なり適としたときの理由' }) overrideReason?: string | null;
}

/** The 要件確認 as stored (draft answers until completed). */
export class FormalCheckOutcomeDto {
  @ApiProperty() passed!: boolean;
  @ApiPropertyOptional({ type: [String], description: '不適の項目のコード' }) failedItems?: string[];
  @ApiPropertyOptional({ description: '完了した' }) completed?: boolean;
  @ApiPropertyOptional({ type: [FormalCheckRecordDto] }) items?: FormalCheckRecordDto[];
  @ApiPropertyOptional({ format: 'uuid' }) checkedBy?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) checkedAt?: string;
}

/** The 類型's 予算 as it stands, when a decision (採択/補欠/不採択) is on offer. */
export class BudgetEffectDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '予算 (円)。null は設定なし' }) budget!: number | null;
  @ApiProperty({ type: 'integer', description: '採択済みの合計 (円)' }) adoptedAmount!: number;
  @ApiProperty({ type: 'integer', description: 'この申請の額 (円)' }) amount!: number;
}

/** A transition this user may fire now (a button). */
export class OfferedTransitionDto {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: '遷移先の状態 (コード)' }) to!: string;
  @ApiPropertyOptional({ description: '遷移先の状態の表示名' }) toLabel?: string;
  @ApiProperty() requiresReason!: boolean;
  @ApiProperty({ type: [String], description: '理由を求めるわけ (応募締切前・予算超過の採択など、マネージャーが理由を付けて行う)' }) overrideReasons!: string[];
}

export class ApplicationAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ type: String, nullable: true, description: '審査員の氏名' }) reviewerName!: string | null;
  @ApiProperty({ enum: Object.values(ASSIGNMENT_PURPOSE) }) purpose!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revokedBy!: string | null;
}

export class CategoryRefDto {
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ description: '類型名' }) name!: string;
}

export class ReconsiderationTargetDto extends CategoryRefDto {
  @ApiProperty() code!: string;
}

@ApiExtraModels(StoredSubsidyQuoteDto, BenefitResultDto, UnquotedBenefitDto)
export class ApplicationDto extends ApplicationRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'インボイス登録番号' }) invoiceNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '所在地 / 住所' }) address!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '生年月日 (個人事業者)' }) birthDate!: string | null;
  @ApiProperty({ type: 'integer' }) employeeCount!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '資本金 (円)' }) capital!: number | null;
  @ApiProperty({ type: String, nullable: true }) industry!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) contactPerson!: string | null;
  @ApiProperty({ type: QuoteCertifiedAdvisorDto, nullable: true }) certifiedAdvisor!: QuoteCertifiedAdvisorDto | null;
  @ApiProperty({ type: FinancialInstitutionDto, nullable: true }) financialInstitution!: FinancialInstitutionDto | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '年間売上高 (円)' }) annualRevenue!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '前年度は赤字' }) lossMaking!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '再生事業者' }) inRehabilitation!: boolean | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '参加事業者数' }) participantCount!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '活動地域の都道府県数' }) prefectureCount!: number | null;
  @ApiProperty({ type: String, nullable: true }) planTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) planSummary!: string | null;
  @ApiProperty({ type: [ExpenseLineDto] }) expenses!: ExpenseLineDto[];
  @ApiProperty({ type: [MonthlySalesDto] }) monthlySales!: MonthlySalesDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '給付金の申請内容' }) benefitInput!: Record<string, unknown> | null;
  @ApiProperty({ type: PreCheckDto, nullable: true, description: '事前確認 (事業復活支援金)' }) preCheck!: PreCheckDto | null;
  @ApiProperty({ description: '一時支援金・月次支援金の受給者 (事前確認が不要)' }) previousRecipient!: boolean;
  @ApiProperty({
    nullable: true,
    oneOf: [{ $ref: getSchemaPath(StoredSubsidyQuoteDto) }, { $ref: getSchemaPath(BenefitResultDto) }, { $ref: getSchemaPath(UnquotedBenefitDto) }],
    description: '最後の提出のときの見積 (補助金、給付金、または売上高の入力がない給付金の申請)',
  })
  quote!: StoredSubsidyQuoteDto | BenefitResultDto | UnquotedBenefitDto | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '申請者が求めた申請額 (円)' }) requestedAmount!: number | null;
  @ApiProperty({ type: EligibilityReportDto, nullable: true, description: '要件の自動判定' }) eligibility!: EligibilityReportDto | null;
  @ApiProperty({ type: FormalCheckOutcomeDto, nullable: true, description: '要件確認' }) formalCheck!: FormalCheckOutcomeDto | null;
  @ApiProperty({ type: [String], description: '申請者が求める加点項目' }) claimedBonusItems!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '一括登録' }) importId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date-time' },
    description: '遷移が記録した日時 (submittedAt, decidedAt など)',
  })
  stamps!: Record<string, string>;
  @ApiProperty({ type: BudgetEffectDto, nullable: true }) budgetEffect!: BudgetEffectDto | null;
  @ApiProperty({ description: 'この職員が紙の補正を記録できる' }) paperResubmission!: boolean;
  @ApiProperty({ type: OpenPaymentBatchDto, nullable: true, description: '申請を含む未確定の支払バッチ (その間は操作なし)' })
  paymentBatch!: OpenPaymentBatchDto | null;
  @ApiProperty({ type: [OfferedTransitionDto] }) transitions!: OfferedTransitionDto[];
  @ApiProperty({ type: [AuditLogEntryDto], description: '監査ログの履歴' }) timeline!: AuditLogEntryDto[];
  @ApiProperty({ type: GrantAmountsDto, nullable: true, description: '採択後の金額 (交付申請より前は null)' }) postAward!: GrantAmountsDto | null;
  @ApiProperty({ type: [ApplicationAssignmentDto] }) assignments!: ApplicationAssignmentDto[];
  @ApiProperty({ type: [ReconsiderationTargetDto], description: 'この職員が再審査で移せる類型' }) reconsiderationTargets!: ReconsiderationTargetDto[];
  @ApiProperty({ type: CategoryRefDto, nullable: true, description: '再審査で移る前の類型' }) reconsideredFrom!: CategoryRefDto | null;
}

export class FiredTransitionRefDto {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class TransitionAnswerDto {
  @ApiProperty({ type: FiredTransitionRefDto }) transition!: FiredTransitionRefDto;
  @ApiProperty({ type: ApplicationDto, description: '遷移後の申請' }) application!: ApplicationDto;
}

export class BulkItemResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: '成功: 遷移後の状態' }) status?: string;
  @ApiPropertyOptional({ description: '失敗: エラーのコード' }) code?: string;
  @ApiPropertyOptional({ description: '失敗: 理由' }) message?: string;
}

export class BulkTransitionAnswerDto {
  @ApiProperty() transition!: string;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) succeeded!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: [BulkItemResultDto] }) results!: BulkItemResultDto[];
}

export class ReconsiderationAnswerDto extends TransitionAnswerDto {
  @ApiProperty({ type: CategoryRefDto, description: '移る前の類型' }) from!: CategoryRefDto;
  @ApiProperty({ type: CategoryRefDto, description: '移った類型' }) to!: CategoryRefDto;
  @ApiProperty({ type: 'integer', description: '移った類型で再計算した申請額 (円)' }) quotedAmount!: number;
}

export class HistoryBasisDto {
  @ApiProperty({ enum: ['corporateNumber', 'invoiceNumber', 'nameAddressBirthDate'] }) basis!: string;
  @ApiProperty() value!: string;
}

export class ApplicantHistoryEntryDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'この職員が開けない申請は null' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty() programName!: string;
  @ApiProperty() roundName!: string;
  @ApiProperty() categoryName!: string;
  @ApiProperty() status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() adopted!: boolean;
  @ApiProperty({ type: 'integer', description: '申請額 (採択後は採択額、円)' }) amount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ enum: ['exact', 'probable'] }) match!: string;
  @ApiProperty({ enum: ['corporateNumber', 'invoiceNumber', 'nameAddressBirthDate'] }) basis!: string;
}

/** A warning for the reviewer: the same expense already subsidised, or an adoption in an overlapping programme. */
export class HistoryFlagDto {
  @ApiProperty({ enum: ['expenseAlreadySubsidised', 'overlappingAdoption'] }) kind!: string;
  @ApiProperty({ description: '開けない申請は空文字列 (受付番号だけで示す)' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty({ enum: ['exact', 'probable'] }) match!: string;
  @ApiPropertyOptional({ description: 'expenseAlreadySubsidised: 経費区分' }) expenseType?: string;
  @ApiPropertyOptional({ description: 'expenseAlreadySubsidised: 経費の内容' }) description?: string;
  @ApiPropertyOptional({ description: 'overlappingAdoption: 採択された事業' }) programCode?: string;
  @ApiProperty() message!: string;
}

export class ApplicantHistoryDto {
  @ApiProperty({ type: [HistoryBasisDto], description: '照合に使った事業者の情報 (空: 情報がなく履歴なし)' }) bases!: HistoryBasisDto[];
  @ApiProperty({ type: [ApplicantHistoryEntryDto] }) entries!: ApplicantHistoryEntryDto[];
  @ApiProperty({ type: [HistoryFlagDto] }) flags!: HistoryFlagDto[];
}
