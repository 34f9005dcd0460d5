import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A 総合振込 batch (docs/payments.md "Payment batches"): open until confirmed (paid) or cancelled. */
@Entity('payment_batch')
export class PaymentBatchRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text' }) status!: 'open' | 'paid' | 'cancelled';
  @Column({ name: 'transfer_date', type: 'date' }) transferDate!: string;
  @Column({ type: 'jsonb' }) requester!: Record<string, string>;
  @Column({ name: 'total_count', type: 'integer' }) totalCount!: number;
  @Column({ name: 'total_amount', type: 'bigint' }) totalAmount!: string;
  @Column({ type: 'jsonb' }) excluded!: unknown[];
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'paid_on', type: 'date', nullable: true }) paidOn!: string | null;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy!: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy!: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
}

/** One application's transfer in a batch: its 支払額 and the payee's account as it went into the file. */
@Entity('payment_batch_line')
export class PaymentBatchLineRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  /** advance: a 概算払; final: the 確定額 less the 概算払 paid, or a 給付額 */
  @Column({ type: 'text' }) kind!: 'advance' | 'final';
  @Column({ type: 'bigint' }) amount!: string;
  @Column({ name: 'bank_code', type: 'text' }) bankCode!: string;
  @Column({ name: 'branch_code', type: 'text' }) branchCode!: string;
  @Column({ name: 'deposit_type', type: 'text' }) depositType!: string;
  @Column({ name: 'account_number', type: 'text' }) accountNumber!: string;
  @Column({ name: 'account_holder_kana', type: 'text' }) accountHolderKana!: string;
  @Column({ type: 'boolean' }) open!: boolean;
}
