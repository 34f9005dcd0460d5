import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type NotificationStatus = 'held' | 'pending' | 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

/**
 * 通知: one message to an applicant. Written as an outbox row in the same transaction as the state
 * change that causes it; the notifications worker delivers it.
 */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ name: 'send_after', type: 'timestamptz', nullable: true }) sendAfter!: Date | null;
  @Column({ name: 'held_until_announcement', type: 'boolean' }) heldUntilAnnouncement!: boolean;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ name: 'audit_id', type: 'bigint', nullable: true }) auditId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
