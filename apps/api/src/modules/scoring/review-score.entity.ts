import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../rubrics/review-rubric.entity';

/** A 採点票's status (not an application state): a draft until the reviewer submits it. */
export const SCORE_SHEET_STATUS = { draft: 'draft', submitted: 'submitted' } as const;
export type ScoreSheetStatus = (typeof SCORE_SHEET_STATUS)[keyof typeof SCORE_SHEET_STATUS];

/** 採点票: one reviewer's scores of one application (one per review assignment), draft until submitted. */
@Entity('review_score')
export class ReviewScore {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @Column({ name: 'rubric_id', type: 'uuid' }) rubricId!: string;
  /** criterion code → points */
  @Column({ type: 'jsonb' }) scores!: Record<string, number>;
  /** criterion code → comment */
  @Column({ type: 'jsonb' }) comments!: Record<string, string>;
  /** codes of the applicant's claimed 加点項目 the reviewer confirms */
  @Column({ name: 'confirmed_bonus', type: 'jsonb' }) confirmedBonus!: string[];
  @Column({ name: 'overall_comment', type: 'text', nullable: true }) overallComment!: string | null;
  /** weighted total, set on submission */
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn }) total!: number | null;
  @Column({ type: 'text' }) status!: ScoreSheetStatus;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true }) reopenedAt!: Date | null;
  @Column({ name: 'reopened_by', type: 'uuid', nullable: true }) reopenedBy!: string | null;
  @Column({ name: 'reopen_reason', type: 'text', nullable: true }) reopenReason!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
