import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 公募: one call for applications, bound to one rule set and one workflow version. Times are UTC instants. */
@Entity('round')
export class Round {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId!: string;
  @Column({ name: 'rule_set_id', type: 'uuid' }) ruleSetId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'opens_at', type: 'timestamptz' }) opensAt!: Date;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt!: Date;
  @Column({ name: 'announcement_from', type: 'timestamptz', nullable: true }) announcementFrom!: Date | null;
  @Column({ name: 'announcement_to', type: 'timestamptz', nullable: true }) announcementTo!: Date | null;
  @Column({ name: 'announcement_label', type: 'text', nullable: true }) announcementLabel!: string | null;
  @Column({ name: 'workflow_version', type: 'integer' }) workflowVersion!: number;
  /** 補正期間: days a returned application has for its correction */
  @Column({ name: 'correction_period_days', type: 'integer', default: 10 }) correctionPeriodDays!: number;
  /** 概算払 may be requested after 交付決定 (docs/post-award.md "概算払"): off unless the 公募要領 provides for it */
  @Column({ name: 'advance_payment_allowed', type: 'boolean', default: false }) advancePaymentAllowed!: boolean;
  /** 締切延長: minutes after closesAt in which submissions are still accepted (and marked as such) */
  @Column({ name: 'grace_minutes', type: 'integer', default: 0 }) graceMinutes!: number;
  /** 受付番号 prefix; null = derived from the programme code and round number */
  @Column({ name: 'receipt_prefix', type: 'text', nullable: true }) receiptPrefix!: string | null;
  @Column({ type: 'text', nullable: true }) assumption!: string | null;
  /** when the scheduler closed the round (closesAt + grace passed); null while open, or reopened by a later deadline */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
