import type { BonusItem, Criterion } from '@jimukyoku/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const numericColumn = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** 審査基準 of one round × category: criteria, 加点項目 and how the review is run. Frozen once scoring starts. */
@Entity('review_rubric')
export class ReviewRubric {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId!: string;
  @Column({ type: 'jsonb' }) criteria!: Criterion[];
  @Column({ name: 'bonus_items', type: 'jsonb' }) bonusItems!: BonusItem[];
  /** N reviewers per application */
  @Column({ name: 'reviewers_per_application', type: 'integer' }) reviewersPerApplication!: number;
  /** days from assignment to the review's due date */
  @Column({ name: 'review_days', type: 'integer' }) reviewDays!: number;
  /** z-score normalisation per reviewer before averaging */
  @Column({ type: 'boolean' }) normalise!: boolean;
  /** spread of reviewers' totals that flags disagreement; null = never */
  @Column({ name: 'disagreement_threshold', type: 'numeric', nullable: true, transformer: numericColumn }) disagreementThreshold!: number | null;
  /** a flagged application gets one more reviewer automatically */
  @Column({ name: 'extra_reviewer_on_disagreement', type: 'boolean' }) extraReviewerOnDisagreement!: boolean;
  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true }) frozenAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

export { numericColumn };
