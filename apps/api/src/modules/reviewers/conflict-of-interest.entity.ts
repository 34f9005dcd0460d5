import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ConflictKind = 'corporateNumber' | 'organisation';

/** 利益相反の申告: a reviewer must not review this company (法人番号) or organisation. */
@Entity('conflict_of_interest')
export class ConflictOfInterest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @Column({ type: 'text' }) kind!: ConflictKind;
  @Column({ type: 'text' }) value!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'declared_by', type: 'uuid', nullable: true }) declaredBy!: string | null;
  @Column({ name: 'declared_at', type: 'timestamptz', default: () => 'now()' }) declaredAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy!: string | null;
}
