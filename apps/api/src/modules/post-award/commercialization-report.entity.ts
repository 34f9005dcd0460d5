import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** How many yearly 事業化状況報告 follow the 額の確定 (docs/post-award.md "事業化状況報告の予定"). */
export const COMMERCIALIZATION_REPORT_YEARS = 5;

/** One due yearly 事業化状況報告: its due date (JST), when it was filed, when its reminder went out. */
@Entity('commercialization_report')
export class CommercializationReport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  /** 1..5: the n-th year's report */
  @Column({ type: 'int' }) sequence!: number;
  /** YYYY-MM-DD in JST */
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true }) reportedAt!: Date | null;
  @Column({ name: 'filing_id', type: 'uuid', nullable: true }) filingId!: string | null;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
}
