import { ApiProperty } from '@nestjs/swagger';

/**
 * The notification templates routes' answers (notification-templates.service.ts: TemplateView, the versions, a
 * preview). administration-answers.e2e.ts checks real answers against these schemas.
 */
export class TemplateVariantDto {
  @ApiProperty({ enum: ['subsidy', 'benefit', 'itSubsidy'] }) workflowKind!: string;
  @ApiProperty({ example: 'benefit.received' }) code!: string;
}

export class TemplateVariableDto {
  @ApiProperty({ example: 'receiptNumber' }) name!: string;
  @ApiProperty({ example: '受付番号' }) label!: string;
}

/** One template: `id` is its code, the text that of its latest version. */
export class NotificationTemplateDto {
  @ApiProperty({ description: 'テンプレートのコード', example: 'received' }) id!: string;
  @ApiProperty({ example: 'received' }) code!: string;
  @ApiProperty({ example: '受付' }) label!: string;
  @ApiProperty({ enum: ['applicant', 'reviewer', 'manager'], description: '宛先 (申請者・審査員・事務局)' }) audience!: string;
  @ApiProperty({ description: 'ワークフローが通知に使う名前 (benefit.received なら received)' }) name!: string;
  @ApiProperty({
    type: String,
    enum: ['subsidy', 'benefit', 'itSubsidy', null],
    nullable: true,
    description: 'この文面の事業の種類 (null: どの種類にも使う既定の文面)',
  })
  workflowKind!: string | null;
  @ApiProperty({ type: [TemplateVariantDto], description: '既定の文面の、事業の種類ごとの文面' }) variants!: TemplateVariantDto[];
  @ApiProperty({ type: 'integer', description: '最新の版 (0: 組み込みの文面、未保存)' }) version!: number;
  @ApiProperty() subject!: string;
  @ApiProperty() bodyText!: string;
  @ApiProperty({ type: 'integer' }) versionCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedById!: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedByName!: string | null;
  @ApiProperty({ type: [TemplateVariableDto], description: '使える差し込み項目' }) variables!: TemplateVariableDto[];
}

/** One saved version (newest first), with how many notifications were rendered from it. */
export class NotificationTemplateVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() subject!: string;
  @ApiProperty() bodyText!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ type: 'integer', description: 'この版から作った通知の件数' }) notificationCount!: number;
  @ApiProperty({ description: 'テンプレートの表示名' }) label!: string;
}

export class PreviewApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
}

export class TemplatePreviewDto {
  @ApiProperty() subject!: string;
  @ApiProperty({ description: '本文 (テキスト)' }) text!: string;
  @ApiProperty({ description: '本文 (HTML)' }) html!: string;
  @ApiProperty({ type: PreviewApplicationDto, nullable: true, description: '差し込んだ申請 (null: 見本の値)' }) application!: PreviewApplicationDto | null;
}
