import type { ExpenseLine } from '@jimukyoku/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PostAwardStep } from './post-award-steps';

/**
 * One filing of the applicant after 採択 (docs/post-award.md): through the portal (`channelId`, its attachments)
 * or recorded by staff from paper (`recordedBy`, the documents received and the note).
 */
@Entity('post_award_filing')
export class PostAwardFiling {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ type: 'text' }) step!: PostAwardStep;
  @Column({ type: 'jsonb', nullable: true }) expenses!: ExpenseLine[] | null;
  /** reason, description, fiscalYear, sales: what the step carries besides expenses */
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  @Column({ name: 'attachment_ids', type: 'uuid', array: true }) attachmentIds!: string[];
  @Column({ name: 'documents_on_paper', type: 'jsonb', nullable: true }) documentsOnPaper!: string[] | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'channel_id', type: 'uuid', nullable: true }) channelId!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ name: 'filed_at', type: 'timestamptz' }) filedAt!: Date;
}
