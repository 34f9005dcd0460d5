import { EFFECT_TYPES, GUARD_NAMES, ROLES, STATE_TAGS, STATE_TONES } from '@jimukyoku/workflow';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * A round as its routes answer it (rounds.service.ts RoundView: the row, its status, the *Jst display strings, the
 * categories it offers) and the workflow definition it runs on. administration-answers.e2e.ts checks real answers
 * against these schemas.
 */
export class RoundCategoryAnswerDto {
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '予算 (円)' }) budget!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '採択枠 (件)' }) adoptionQuota!: number | null;
}

export class RoundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'restructuring.round7' }) code!: string;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty({ format: 'uuid' }) ruleSetId!: string;
  @ApiProperty({ type: 'integer', description: '第何回' }) number!: number;
  @ApiProperty({ example: '第7回公募' }) name!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '公募開始 (UTC)' }) opensAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '応募締切 (UTC)' }) closesAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '採択発表の期間の始まり' }) announcementFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '採択発表の期間の終わり' }) announcementTo!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '採択発表の予定の表示', example: '令和4年11月下旬頃（予定）' }) announcementLabel!: string | null;
  @ApiProperty({ type: 'integer', description: '申請が従うワークフローの版' }) workflowVersion!: number;
  @ApiProperty({ type: 'integer', description: '補正期間 (日)' }) correctionPeriodDays!: number;
  @ApiProperty({ description: '交付決定後の概算払を認める' }) advancePaymentAllowed!: boolean;
  @ApiProperty({ type: 'integer', description: '締切後に受け付ける猶予 (分)' }) graceMinutes!: number;
  @ApiProperty({ type: String, nullable: true, description: '受付番号の接頭辞 (null: 事業のコードと回から)' }) receiptPrefix!: string | null;
  @ApiProperty({ type: String, nullable: true }) assumption!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '締切 (猶予を含む) の経過で閉じた日時' }) closedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ example: '事業再構築補助金' }) programName!: string;
  @ApiProperty({ description: '事業と回の名前', example: '事業再構築補助金 第7回公募' }) title!: string;
  @ApiProperty({ enum: ['upcoming', 'open', 'closed'], description: '公募前・公募中・締切後' }) status!: string;
  @ApiProperty({ description: '公募開始 (日本時間の表示)', example: '2022年7月1日(金) 0:00:00' }) opensAtJst!: string;
  @ApiProperty({ description: '応募締切 (日本時間の表示)', example: '2022年9月30日(金) 18:00:00' }) closesAtJst!: string;
  @ApiProperty({ type: [RoundCategoryAnswerDto], description: '募集する類型' }) categories!: RoundCategoryAnswerDto[];
}

export class WorkflowApplicantTextDto {
  @ApiProperty({ description: '申請者にとっての意味' }) meaning!: string;
  @ApiProperty({ description: 'これから起こること' }) next!: string;
  @ApiPropertyOptional({ description: '概算払で確定額を支払い済みのときの「これから起こること」' }) nextWhenPaidInAdvance?: string;
  @ApiPropertyOptional({ enum: ['estimate', 'decided', 'repayment', 'none'], description: '金額の見せ方 (見込み・決定額・返還額と納期限・なし)' })
  amount?: string;
}

export class WorkflowDefinitionStateDto {
  @ApiProperty({ description: '状態コード (application.status)' }) code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['initial', 'active', 'terminal'] }) kind!: string;
  @ApiProperty({ enum: STATE_TONES }) tone!: string;
  @ApiPropertyOptional({ enum: STATE_TAGS, isArray: true }) tags?: string[];
  @ApiPropertyOptional({ type: WorkflowApplicantTextDto, description: '申請状況ページの説明' }) applicant?: WorkflowApplicantTextDto;
}

export class WorkflowEffectDto {
  @ApiProperty({ enum: EFFECT_TYPES }) type!: string;
  @ApiPropertyOptional({ description: 'notifyApplicant: 通知テンプレート' }) template?: string;
  @ApiPropertyOptional({ description: 'stamp: 日時を記録する項目' }) field?: string;
}

export class WorkflowDefinitionTransitionDto {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [String] }) from!: string[];
  @ApiProperty() to!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiPropertyOptional({ enum: GUARD_NAMES, isArray: true, description: 'すべて満たす必要のある条件' }) guards?: string[];
  @ApiPropertyOptional({ enum: GUARD_NAMES, isArray: true, description: '理由を添えれば満たさなくてもよい条件' }) overridableGuards?: string[];
  @ApiPropertyOptional({ type: [WorkflowEffectDto] }) effects?: WorkflowEffectDto[];
}

export class WorkflowFormalCheckDto {
  @ApiPropertyOptional() start?: string;
  @ApiPropertyOptional() pass?: string;
  @ApiProperty() return!: string;
  @ApiPropertyOptional() ineligible?: string;
}

/** libs/workflow AmountTerms: the flow's own words for its amounts. */
export class WorkflowAmountTermsDto {
  @ApiProperty({ example: '交付申請額', description: '申請時の見込みの額の呼び名 (補助金: 補助金額（見込み）)' }) quote!: string;
  @ApiProperty({ type: 'string', nullable: true, description: '採択の額の呼び名; null: 採択の段階がない (IT導入: 交付決定が決定)' }) adopted!: string | null;
}

/** libs/workflow WorkflowDefinition, as data. */
export class WorkflowDefinitionDto {
  @ApiProperty({ example: 'subsidy' }) code!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [WorkflowDefinitionStateDto] }) states!: WorkflowDefinitionStateDto[];
  @ApiProperty({ type: [WorkflowDefinitionTransitionDto] }) transitions!: WorkflowDefinitionTransitionDto[];
  @ApiPropertyOptional({ type: WorkflowFormalCheckDto, description: '要件確認の結果が発火する遷移' }) formalCheck?: WorkflowFormalCheckDto;
  @ApiPropertyOptional({ type: WorkflowAmountTermsDto, description: '金額の呼び名 (なし: 補助金の呼び名)' }) amountTerms?: WorkflowAmountTermsDto;
}

export class RoundWorkflowDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: WorkflowDefinitionDto }) definition!: WorkflowDefinitionDto;
  @ApiProperty({ description: 'Mermaid の状態遷移図' }) mermaid!: string;
}
