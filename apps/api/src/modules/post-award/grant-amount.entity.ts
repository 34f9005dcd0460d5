import type { ExpenseLine } from '@jimukyoku/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** bigint yen columns come back from pg as strings; amounts stay far below 2^53. */
const yen = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One line of the 確定検査: what was reported, what the inspector accepted, and why when it is less. */
export interface InspectionLine {
  index: number;
  expenseType: string;
  description?: string;
  reported: number;
  accepted: number;
  reason: string | null;
}

/**
 * An application's amounts after 採択 (docs/post-award.md), each computed by the rules (quote() via
 * application-quote.ts), never typed: 採択額 (the ceiling of the 交付決定額), the 交付申請's expenses and their quote,
 * the 交付決定額, the 実績報告's actual expenses, the 確定検査's lines and the 確定額 (never above the 交付決定額).
 */
@Entity('grant_amount')
export class GrantAmount {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  /** the quoted amount when it was adopted (採択額): the 交付決定額 never exceeds it */
  @Column({ name: 'adopted_amount', type: 'bigint', transformer: yen }) adoptedAmount!: number;
  @Column({ name: 'grant_expenses', type: 'jsonb' }) grantExpenses!: ExpenseLine[];
  @Column({ name: 'grant_quote', type: 'jsonb' }) grantQuote!: Record<string, unknown>;
  /** the quote of the 交付申請's expenses: what the 交付決定 will decide */
  @Column({ name: 'requested_amount', type: 'bigint', transformer: yen }) requestedAmount!: number;
  /** 交付決定額 */
  @Column({ name: 'grant_amount', type: 'bigint', nullable: true, transformer: yen }) grantAmount!: number | null;
  @Column({ name: 'grant_decided_at', type: 'timestamptz', nullable: true }) grantDecidedAt!: Date | null;
  @Column({ name: 'actual_expenses', type: 'jsonb', nullable: true }) actualExpenses!: ExpenseLine[] | null;
  @Column({ type: 'jsonb', nullable: true }) inspection!: InspectionLine[] | null;
  @Column({ name: 'inspected_by', type: 'uuid', nullable: true }) inspectedBy!: string | null;
  @Column({ name: 'inspected_at', type: 'timestamptz', nullable: true }) inspectedAt!: Date | null;
  @Column({ name: 'fixed_quote', type: 'jsonb', nullable: true }) fixedQuote!: Record<string, unknown> | null;
  /** 確定額 */
  @Column({ name: 'fixed_amount', type: 'bigint', nullable: true, transformer: yen }) fixedAmount!: number | null;
  @Column({ name: 'amount_fixed_at', type: 'timestamptz', nullable: true }) amountFixedAt!: Date | null;
  /** the 概算払 last requested (the rules' quote of the expenses paid by then, within the 交付決定額 not yet paid in advance) */
  @Column({ name: 'advance_requested_amount', type: 'bigint', nullable: true, transformer: yen }) advanceRequestedAmount!: number | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
