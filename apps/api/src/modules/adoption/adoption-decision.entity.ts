import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { yenColumn } from '../applications/application.entity';
import { numericColumn } from '../rubrics/review-rubric.entity';

/** A committed 採択/補欠/不採択 decision of a round × category, with the ranking it was made on. */
@Entity('adoption_decision')
export class AdoptionDecision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId!: string;
  @Column({ type: 'bigint', nullable: true, transformer: yenColumn }) budget!: number | null;
  @Column({ type: 'integer', nullable: true }) quota!: number | null;
  @Column({ name: 'waitlist_count', type: 'integer' }) waitlistCount!: number;
  @Column({ type: 'boolean' }) normalise!: boolean;
  @Column({ name: 'applied_count', type: 'integer' }) appliedCount!: number;
  @Column({ name: 'adopted_count', type: 'integer' }) adoptedCount!: number;
  @Column({ name: 'waitlisted_count', type: 'integer' }) waitlistedCount!: number;
  @Column({ name: 'rejected_count', type: 'integer' }) rejectedCount!: number;
  @Column({ name: 'adopted_amount', type: 'bigint', transformer: yenColumn }) adoptedAmount!: number;
  @Column({ name: 'cutoff_score', type: 'numeric', nullable: true, transformer: numericColumn }) cutoffScore!: number | null;
  /** rank, id, final score (with its 審査点 and 加点: absent from decisions committed before they were kept) and outcome of every application, as committed */
  @Column({ type: 'jsonb' }) ranking!: { rank: number; applicationId: string; finalScore: number; mean?: number; bonus?: number; outcome: string }[];
  @Column({ name: 'committed_by', type: 'uuid' }) committedBy!: string;
  @Column({ name: 'committed_at', type: 'timestamptz', default: () => 'now()' }) committedAt!: Date;
}
