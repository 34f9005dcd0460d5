import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** メモ: a staff member's internal memo on an application (never shown to the applicant); a thread only appended to. */
@Entity('application_memo')
export class ApplicationMemo {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column({ type: 'text' }) body!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
