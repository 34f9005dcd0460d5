import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORMAL_CHECK_OUTCOMES } from './formal-check.dto';

/** What the 要件確認 routes answer on success, as OpenAPI describes it (formal-check.service.ts `view` and `complete`). */
export class FailedRequirementDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: '要件の文言' }) label!: string;
  @ApiProperty({ description: '自動判定の説明' }) message!: string;
}

export class FormalCheckItemAnswerDto {
  @ApiProperty({ example: 'document.businessPlan' }) code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['document', 'eligibility', 'advisor', 'declaration'] }) source!: string;
  @ApiProperty({ type: String, enum: ['pass', 'fail', null], nullable: true, description: 'システムの判定 (null は人が判断する)' }) suggestion!: string | null;
  @ApiPropertyOptional() hint?: string;
  @ApiPropertyOptional({ type: [FailedRequirementDto], description: '自動判定で満たしていない要件' }) failedRequirements?: FailedRequirementDto[];
  @ApiPropertyOptional({ type: [String], description: '人が判断する要件' }) manualRequirements?: string[];
  @ApiPropertyOptional({ description: '適とするには理由 (overrideReason) が必要' }) passNeedsReason?: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: '保存済みの回答 (null は未回答)' }) passed!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, nullable: true }) overrideReason!: string | null;
}

export class FormalCheckOutcomeOfferDto {
  @ApiProperty({ enum: FORMAL_CHECK_OUTCOMES }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, description: '実行する遷移 (null は適を記録するだけ)' }) transition!: string | null;
  @ApiProperty({ description: 'ボタンの表示名' }) label!: string;
}

export class FormalCheckAnswerViewDto {
  @ApiProperty({ format: 'uuid', description: '申請のID' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ description: '申請の状態 (コード)' }) status!: string;
  @ApiProperty({ description: '要件確認を受け付けている' }) open!: boolean;
  @ApiProperty({ type: [FormalCheckOutcomeOfferDto], description: 'この手続で選べる結果' }) outcomes!: FormalCheckOutcomeOfferDto[];
  @ApiProperty() completed!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: '完了した要件確認の結果 (未完了は null)' }) passed!: boolean | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '確認した職員' }) checkedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt!: string | null;
  @ApiProperty({ type: [FormalCheckItemAnswerDto] }) items!: FormalCheckItemAnswerDto[];
}

export class FiredTransitionDto {
  @ApiProperty({ description: '遷移の名前' }) name!: string;
  @ApiProperty({ description: '遷移の表示名' }) label!: string;
  @ApiProperty({ description: '遷移前の状態 (コード)' }) from!: string;
  @ApiProperty({ description: '遷移後の状態 (コード)' }) to!: string;
}

export class FormalCheckCompletionDto {
  @ApiProperty({ type: FiredTransitionDto, nullable: true, description: '実行した遷移 (null は適を記録しただけ)' }) transition!: FiredTransitionDto | null;
  @ApiProperty({ type: FormalCheckAnswerViewDto }) formalCheck!: FormalCheckAnswerViewDto;
}
