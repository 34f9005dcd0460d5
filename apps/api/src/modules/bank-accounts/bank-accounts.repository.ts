import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BankAccount, DepositType } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import type { ListQuery } from '../../common/list-query';
import { managerOf, SqlWhere, sqlPage, type Transaction } from '../../database';

export interface BankAccountFilter {
  id?: string[];
  applicationId?: string;
  bankCode?: string;
}

/** An account as the API answers it: with the application's 受付番号 and 事業者名, and who entered and last changed it. */
export interface BankAccountView {
  id: string;
  applicationId: string;
  receiptNumber: string | null;
  applicantName: string;
  bankCode: string;
  branchCode: string;
  depositType: DepositType;
  accountNumber: string;
  accountHolderKana: string;
  createdBy: string;
  createdByName: string | null;
  updatedBy: string;
  updatedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const SORT: Record<string, string> = { id: 'b.id', createdAt: 'b.created_at', updatedAt: 'b.updated_at', receiptNumber: 'a.receipt_number' };

const COLUMNS = `b.id, b.application_id AS "applicationId", a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName",
  b.bank_code AS "bankCode", b.branch_code AS "branchCode", b.deposit_type AS "depositType", b.account_number AS "accountNumber",
  b.account_holder_kana AS "accountHolderKana", b.created_by AS "createdBy", c.name AS "createdByName", b.updated_by AS "updatedBy",
  u.name AS "updatedByName", b.created_at AS "createdAt", b.updated_at AS "updatedAt"`;
const FROM = `FROM bank_account b JOIN application a ON a.id = b.application_id
  LEFT JOIN staff_user c ON c.id = b.created_by LEFT JOIN staff_user u ON u.id = b.updated_by`;

/** bank_account: the payee's account of each application (docs/payments.md). */
@Injectable()
export class BankAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery<BankAccountFilter>): Promise<[BankAccountView[], number]> {
    const w = new SqlWhere();
    const f = query.filter;
    if (f.id) w.add((p) => `b.id = ANY(${p}::uuid[])`, f.id);
    if (f.applicationId) w.add((p) => `b.application_id = ${p}`, f.applicationId);
    if (f.bankCode) w.add((p) => `b.bank_code = ${p}`, f.bankCode);
    return sqlPage(this.dataSource.manager, {
      columns: COLUMNS,
      from: `${FROM} ${w.sql}`,
      where: w,
      order: { column: SORT[query.sortField] ?? 'b.created_at', direction: query.sortOrder, tieBreak: 'b.id' },
      offset: query.offset,
      limit: query.limit,
    });
  }

  async find(id: string, tx?: Transaction): Promise<BankAccountView | null> {
    const [row] = await managerOf(tx, this.dataSource).query(`SELECT ${COLUMNS} ${FROM} WHERE b.id = $1`, [id]);
    return row ?? null;
  }

  /** Locks the account's row for the rest of the transaction (an update reads what it replaces). */
  async findForUpdate(id: string, tx: Transaction): Promise<BankAccountView | null> {
    const m = managerOf(tx, this.dataSource);
    const [locked] = await m.query(`SELECT id FROM bank_account WHERE id = $1 FOR UPDATE`, [id]);
    return locked ? this.find(id, tx) : null;
  }

  async idOfApplication(applicationId: string, tx: Transaction): Promise<string | null> {
    const [row] = await managerOf(tx, this.dataSource).query(`SELECT id FROM bank_account WHERE application_id = $1`, [applicationId]);
    return row?.id ?? null;
  }

  /** Inserts the application's account; null when the application already has one (the unique application_id). */
  async insert(applicationId: string, account: BankAccount, staffId: string, tx: Transaction): Promise<string | null> {
    const [row] = await managerOf(tx, this.dataSource).query(
      `INSERT INTO bank_account (application_id, bank_code, branch_code, deposit_type, account_number, account_holder_kana, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (application_id) DO NOTHING
       RETURNING id`,
      [applicationId, account.bankCode, account.branchCode, account.depositType, account.accountNumber, account.accountHolderKana, staffId],
    );
    return row?.id ?? null;
  }

  async update(id: string, account: BankAccount, staffId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(
      `UPDATE bank_account SET bank_code = $2, branch_code = $3, deposit_type = $4, account_number = $5, account_holder_kana = $6,
         updated_by = $7, updated_at = now()
       WHERE id = $1`,
      [id, account.bankCode, account.branchCode, account.depositType, account.accountNumber, account.accountHolderKana, staffId],
    );
  }
}
