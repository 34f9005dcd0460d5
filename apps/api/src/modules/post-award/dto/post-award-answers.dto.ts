import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExpenseLineDto } from '../../quotes/dto/quote-request.dto';
import { ADVANCE_EXCESS, REVOCATION_GROUNDS } from '../repayment.entity';
import { POST_AWARD_STEPS } from '../post-award-steps';

/**
 * What the post-award routes answer on success, as OpenAPI describes it: the view of post-award-view.service.ts
 * (`PostAwardView.of`, with amounts-view.ts and repayment-view.ts) that GET /api/applications/:id/post-award and every
 * step of it answer, and the list of 事業化状況報告. award-answers.e2e.ts checks real answers against them.
 */
export class InspectedLineDto {
  @ApiProperty({ type: 'integer', description: '実績報告の経費明細の番号 (0から)' }) index!: number;
  @ApiProperty({ example: 'machinery' }) expenseType!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: 'integer', description: '報告額 (円)' }) reported!: number;
  @ApiProperty({ type: 'integer', description: '認めた額 (円)' }) accepted!: number;
  @ApiProperty({ type: String, nullable: true, description: '減額の理由' }) reason!: string | null;
}

/** The amounts after 採択, each computed by the rules (grant-amount.entity.ts); GET /api/applications/:id shows them as `postAward`. */
export class GrantAmountsDto {
  @ApiProperty({ type: 'integer', description: '採択額 (円): 交付決定額の上限' }) adoptedAmount!: number;
  @ApiProperty({ type: [ExpenseLineDto], description: '交付申請の経費' }) grantExpenses!: ExpenseLineDto[];
  @ApiProperty({ type: 'integer', description: '交付申請額 (円、交付申請の経費から規則で算定)' }) requestedAmount!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '交付決定額 (円)' }) grantAmount!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) grantDecidedAt!: string | null;
  @ApiProperty({ type: [ExpenseLineDto], nullable: true, description: '実績報告の経費' }) actualExpenses!: ExpenseLineDto[] | null;
  @ApiProperty({ type: [InspectedLineDto], nullable: true, description: '確定検査' }) inspection!: InspectedLineDto[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) inspectedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '確定額 (円)' }) fixedAmount!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) amountFixedAt!: string | null;
}

export class PostAwardAmountsDto extends GrantAmountsDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '最後に請求された概算払の額 (円)' }) advanceRequestedAmount!: number | null;
  @ApiProperty({ type: 'integer', description: '支払バッチで支払済みの概算払 (円)' }) advancePaidAmount!: number;
}

export class OpenPaymentBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date', description: '振込指定日' }) transferDate!: string;
}

export class ReceivedRepaymentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date', description: '入金日 (日本時間)' }) receivedOn!: string;
  @ApiProperty({ type: 'integer', description: '入金額 (円)' }) amount!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class RepaymentDto {
  @ApiProperty({ type: 'integer', description: '返還額 (円)' }) amount!: number;
  @ApiProperty({ type: 'integer', description: '取消のときに支払済みだった額 (円)' }) paidAmount!: number;
  @ApiProperty({ enum: [...REVOCATION_GROUNDS, ADVANCE_EXCESS], description: '返還を求める根拠' }) ground!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '納期限 (日本時間)。返還額がないときは null' }) dueDate!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) revokedAt!: string;
  @ApiProperty({ type: 'integer', description: '入金済みの合計 (円)' }) repaidTotal!: number;
  @ApiProperty({ type: 'integer', description: '未返還額 (円)' }) outstanding!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '返還済になった日時' }) repaidAt!: string | null;
  @ApiProperty({ type: [ReceivedRepaymentDto] }) received!: ReceivedRepaymentDto[];
}

export class CommercializationReportDueDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: '何回目の報告 (1〜5)' }) sequence!: number;
  @ApiProperty({ format: 'date', description: '提出期限 (日本時間)' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '督促した日時' }) remindedAt!: string | null;
}

export class PostAwardFilingAnswerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: POST_AWARD_STEPS }) step!: string;
  @ApiProperty({ description: '手続の表示名 (例 実績報告)' }) stepLabel!: string;
  @ApiProperty({ type: [ExpenseLineDto], nullable: true }) expenses!: ExpenseLineDto[] | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '経費のほかに手続が運ぶもの (理由・内容・年度・売上高など)' })
  details!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: '電子申請で添えた書類の ID' }) attachmentIds!: string[];
  @ApiProperty({ type: [String], nullable: true, description: '紙で受け取った書類の種類' }) documentsOnPaper!: string[] | null;
  @ApiProperty({ type: String, nullable: true, description: '紙の届出の受領の記録' }) note!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '電子申請の窓口' }) channelId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '紙の届出を記録した職員' }) recordedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) filedAt!: string;
}

/** The post-award routes this user may use now (the admin's buttons). */
export class PostAwardActionsDto {
  @ApiProperty() decideGrant!: boolean;
  @ApiProperty() inspect!: boolean;
  @ApiProperty() fixAmount!: boolean;
  @ApiProperty() revokeGrant!: boolean;
  @ApiProperty() recordRepayment!: boolean;
  @ApiProperty({ enum: POST_AWARD_STEPS, isArray: true, description: '紙で記録できる手続' }) paperSteps!: string[];
}

export class PostAwardViewDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ description: '申請の状態 (コード)' }) status!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: PostAwardAmountsDto, nullable: true, description: '交付申請より前は null' }) amounts!: PostAwardAmountsDto | null;
  @ApiProperty({ description: 'false: この手続定義は金額を記録しない (subsidy@1 など)' }) amountsKept!: boolean;
  @ApiProperty({ type: OpenPaymentBatchDto, nullable: true, description: '申請を含む未確定の支払バッチ' }) paymentBatch!: OpenPaymentBatchDto | null;
  @ApiProperty({ type: RepaymentDto, nullable: true, description: '交付決定取消または概算払の超過による返還 (なければ null)' }) repayment!: RepaymentDto | null;
  @ApiProperty({ description: '報告期間が終わった (取消・返還済・事業廃止など)' }) reportingEnded!: boolean;
  @ApiProperty({ type: [CommercializationReportDueDto] }) commercializationReports!: CommercializationReportDueDto[];
  @ApiProperty({ type: [PostAwardFilingAnswerDto] }) filings!: PostAwardFilingAnswerDto[];
  @ApiProperty({ type: PostAwardActionsDto }) actions!: PostAwardActionsDto;
}

/** A row of the 事業化状況報告 list. */
export class CommercializationReportRowDto extends CommercializationReportDueDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() roundName!: string;
  @ApiProperty({ description: '申請の状態 (コード)' }) status!: string;
}
