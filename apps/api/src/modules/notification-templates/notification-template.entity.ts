import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of a notification template; a new edit is a new version, sent mails keep theirs. Owned (written)
 * by this module; the notifications module reads the latest version when it renders a mail.
 */
@Entity('notification_template')
export class NotificationTemplate {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
