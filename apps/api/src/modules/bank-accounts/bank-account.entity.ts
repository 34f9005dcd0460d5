import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DepositType } from '@jimukyoku/domain';

/** The payee's bank account of an application (one per application), in the form the 全銀 file takes (docs/payments.md). */
@Entity('bank_account')
export class BankAccountRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'bank_code', type: 'text' }) bankCode!: string;
  @Column({ name: 'branch_code', type: 'text' }) branchCode!: string;
  @Column({ name: 'deposit_type', type: 'text' }) depositType!: DepositType;
  @Column({ name: 'account_number', type: 'text' }) accountNumber!: string;
  @Column({ name: 'account_holder_kana', type: 'text' }) accountHolderKana!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
