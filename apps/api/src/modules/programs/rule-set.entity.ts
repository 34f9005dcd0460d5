import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 予算 / edition (令和3年度補正 …), versioned: a locked version is never edited, a new one is made. */
@Entity('rule_set')
export class RuleSet {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) edition!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId!: string | null;
  /** set when the first application is submitted under it; from then on it is read-only */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true }) lockedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) assumption!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
