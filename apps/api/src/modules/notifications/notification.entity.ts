import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * `sending`: an attempt has begun talking to the SMTP server (from `sendStartedAt`), so the mail may
 * have been accepted; a later attempt that finds it so reconciles before sending again.
 * `uncertain`: such an attempt could not be reconciled (no delivery lookup); a person checks and resends.
 */
export type NotificationStatus = 'held' | 'pending' | 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'cancelled';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['held', 'pending', 'queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'];

/**
 * 通知: one message to an applicant. Written as an outbox row in the same transaction as the state
 * change that causes it; the notifications worker delivers it.
 */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  /** the template name the transition or job gave (`received`), as the workflow definitions notify(...) it */
  @Column({ type: 'text' }) template!: string;
  /** once rendered: the catalogue code the text came from, the name's variant for the programme's workflow kind (`benefit.received`) or the name itself */
  @Column({ name: 'template_code', type: 'text', nullable: true }) templateCode!: string | null;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ name: 'send_after', type: 'timestamptz', nullable: true }) sendAfter!: Date | null;
  @Column({ name: 'held_until_announcement', type: 'boolean' }) heldUntilAnnouncement!: boolean;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ name: 'audit_id', type: 'bigint', nullable: true }) auditId!: string | null;
  /** the version of `templateCode` the text was rendered from, and the text as sent */
  @Column({ name: 'template_version', type: 'integer', nullable: true }) templateVersion!: number | null;
  @Column({ type: 'text', nullable: true }) subject!: string | null;
  @Column({ name: 'body_text', type: 'text', nullable: true }) bodyText!: string | null;
  @Column({ name: 'body_html', type: 'text', nullable: true }) bodyHtml!: string | null;
  /** fixed before the first attempt, so every attempt carries the same Message-ID */
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'smtp_response', type: 'text', nullable: true }) smtpResponse!: string | null;
  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true }) queuedAt!: Date | null;
  /** when the latest attempt began the SMTP conversation (written before the server is contacted) */
  @Column({ name: 'send_started_at', type: 'timestamptz', nullable: true }) sendStartedAt!: Date | null;
  /** when an interrupted attempt was found, by asking the mail server, to have been accepted already */
  @Column({ name: 'reconciled_at', type: 'timestamptz', nullable: true }) reconciledAt!: Date | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
