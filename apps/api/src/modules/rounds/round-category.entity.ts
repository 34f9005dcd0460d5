import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A category a round offers, with its optional budget (yen) and adoption quota. */
@Entity('round_category')
export class RoundCategory {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @PrimaryColumn({ name: 'category_id', type: 'uuid' }) categoryId!: string;
  /** integer yen; bigint comes back from pg as a string, so it is converted on read */
  @Column({ type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  budget!: number | null;
  @Column({ name: 'adoption_quota', type: 'integer', nullable: true }) adoptionQuota!: number | null;
}
