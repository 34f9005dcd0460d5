import { ATTACHMENT_KINDS } from '@jimukyoku/domain';
import { ApiProperty } from '@nestjs/swagger';
import { POST_AWARD_STEPS } from '../../post-award/post-award-steps';
import { ATTACHMENT_CONTENT_TYPES } from '../attachment-upload';

/**
 * What the channel API answers on success, as OpenAPI describes it to the portal that integrates with it (the
 * services build the bodies: intake.service.ts `receipt`, post-award-intake.service.ts, IntakeController.upload).
 * intake-answers.e2e.ts checks the real answers against these schemas.
 */
export class IntakeReceiptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: '受付番号 (例 RES05-00012345)', example: 'RES05-00012345' }) receiptNumber!: string | null;
  @ApiProperty({ description: '手続の状態 (コード)。表示名は GET /api/workflows', example: 'submitted' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '受付日時 (UTC)' }) receivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '受付日時 (日本時間の表示)', example: '2022年3月24日(木) 17:59:58' }) receivedAtJst!: string | null;
  @ApiProperty({ description: '締切後の猶予時間内に受け付けた' }) receivedInGrace!: boolean;
  @ApiProperty({ type: 'integer', description: '申請額 (円)' }) quotedAmount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '補正期限 (UTC): 差戻しで補正を待つ間だけ' }) correctionDueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '補正期限 (日本時間の表示)', example: '2022年4月3日(日) 23:59:59' }) correctionDueAtJst!:
    string | null;
  @ApiProperty({ description: '申請者が状況を確かめるページの URL (期限付き)' }) statusUrl!: string;
}

export class IntakeAttachmentDto {
  @ApiProperty({ format: 'uuid', description: '申請の attachmentIds に指定する ID' }) id!: string;
  @ApiProperty({ enum: Object.keys(ATTACHMENT_KINDS) }) kind!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ATTACHMENT_CONTENT_TYPES, description: '内容から判定した形式' }) contentType!: string;
  @ApiProperty({ type: 'integer' }) sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 (16進)' }) sha256!: string;
}

export class PostAwardFilingReceiptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: '受付番号' }) receiptNumber!: string | null;
  @ApiProperty({ enum: POST_AWARD_STEPS, description: '受け付けた手続' }) step!: string;
  @ApiProperty({ description: '手続の表示名 (例 実績報告)' }) stepLabel!: string;
  @ApiProperty({ description: '受付後の状態 (コード)' }) status!: string;
  @ApiProperty({ description: '受付後の状態の表示名' }) statusLabel!: string;
  @ApiProperty({ type: [String], description: 'この手続に添えた書類の ID' }) attachmentIds!: string[];
  @ApiProperty({ description: '申請者が状況を確かめるページの URL (期限付き)' }) statusUrl!: string;
}
