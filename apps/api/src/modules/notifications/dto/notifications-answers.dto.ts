import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_STATUSES } from '../notification.entity';

/**
 * A notification as the notifications routes answer it (notification.entity.ts, every column).
 * administration-answers.e2e.ts checks real answers against it.
 */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '申請 (申請に関係しない通知は null)' }) applicationId!: string | null;
  @ApiProperty({ description: 'テンプレートの名前 (例 received)' }) template!: string;
  @ApiProperty({ type: String, nullable: true, description: '本文を作ったテンプレートのコード (例 benefit.received)。作る前は null' }) templateCode!:
    string | null;
  @ApiProperty({ description: '宛先のメールアドレス' }) recipient!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES, description: '送信の状態 (uncertain: 送信済みか不明で要確認)' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'この日時より前には送らない' }) sendAfter!: string | null;
  @ApiProperty({ description: '採択発表まで保留' }) heldUntilAnnouncement!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '差し込みに使う値' }) payload!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: '通知のもとになった監査ログの ID' }) auditId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '本文を作ったテンプレートの版' }) templateVersion!: number | null;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyText!: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyHtml!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Message-ID (再試行でも同じ)' }) messageId!: string | null;
  @ApiProperty({ type: 'integer', description: '送信を試みた回数' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SMTP サーバーの応答' }) smtpResponse!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) queuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sendStartedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '中断した送信が受け付け済みだと確かめた日時' }) reconciledAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}
