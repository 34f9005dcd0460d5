import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListQuery } from '../../common/list-query';
import { advancePaidSql } from './advance-paid.sql';
import { openBatchIdSql } from './open-batch.sql';
import { managerOf, SqlWhere, sqlPage, workflowStateSql, type Transaction } from '../../database';

export interface PaymentBatchFilter {
  id?: string[];
  roundId?: string;
  status?: string;
}

/** An application of the round whose state awaits payment, with what its line needs (null: missing). */
export interface PayableCandidate {
  applicationId: string;
  receiptNumber: string | null;
  applicantName: string;
  categoryKind: string;
  quotedAmount: number;
  fixedAmount: number | null;
  /** the application's state and definition: a state tagged awaitsAdvancePayment pays the 概算払 requested */
  status: string;
  workflowCode: string;
  workflowVersion: number;
  advanceRequestedAmount: number | null;
  /** the 概算払 already paid (paid batches' advance lines): the 確定額's payment is what is left */
  advancePaidAmount: number;
  bankCode: string | null;
  branchCode: string | null;
  depositType: string | null;
  accountNumber: string | null;
  accountHolderKana: string | null;
  /** the open batch it is already in, if any */
  openBatchId: string | null;
}

/** What a line pays: a 概算払, or the 確定額 (less any 概算払) / the 給付額. */
export type LineKind = 'advance' | 'final';

export interface NewLine {
  applicationId: string;
  kind: LineKind;
  amount: number;
  bankCode: string;
  branchCode: string;
  depositType: string;
  accountNumber: string;
  accountHolderKana: string;
}

export interface BatchLineView extends NewLine {
  id: string;
  position: number;
  receiptNumber: string | null;
  applicantName: string;
  status: string;
}

// the round named with its programme, as the rounds' `title` (「事業再構築補助金 第12回公募」: a round's own name is not unique)
const BATCH_COLUMNS = `p.id, p.round_id AS "roundId", concat_ws(' ', pg.name, r.name) AS "roundName", p.status, to_char(p.transfer_date, 'YYYY-MM-DD') AS "transferDate",
  p.requester, p.total_count AS "totalCount", p.total_amount::float8 AS "totalAmount", p.excluded,
  p.created_by AS "createdBy", c.name AS "createdByName", p.created_at AS "createdAt",
  to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn", p.confirmed_by AS "confirmedBy", p.confirmed_at AS "confirmedAt",
  p.cancelled_by AS "cancelledBy", p.cancelled_at AS "cancelledAt"`;
const BATCH_FROM = `FROM payment_batch p JOIN round r ON r.id = p.round_id JOIN program pg ON pg.id = r.program_id LEFT JOIN staff_user c ON c.id = p.created_by`;
const SORT: Record<string, string> = { id: 'p.id', createdAt: 'p.created_at', transferDate: 'p.transfer_date', totalAmount: 'p.total_amount' };

export type PaymentBatchView = {
  id: string;
  roundId: string;
  roundName: string;
  status: 'open' | 'paid' | 'cancelled';
  transferDate: string;
  requester: Record<string, string>;
  totalCount: number;
  totalAmount: number;
  excluded: unknown[];
  createdAt: Date;
  paidOn: string | null;
};

/** payment_batch and payment_batch_line (docs/payments.md "Payment batches"): this module owns them. */
@Injectable()
export class PaymentBatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery<PaymentBatchFilter>): Promise<[PaymentBatchView[], number]> {
    const w = new SqlWhere();
    const f = query.filter;
    if (f.id) w.add((p) => `p.id = ANY(${p}::uuid[])`, f.id);
    if (f.roundId) w.add((p) => `p.round_id = ${p}`, f.roundId);
    if (f.status) w.add((p) => `p.status = ${p}`, f.status);
    return sqlPage(this.dataSource.manager, {
      columns: BATCH_COLUMNS,
      from: `${BATCH_FROM} ${w.sql}`,
      where: w,
      order: { column: SORT[query.sortField] ?? 'p.created_at', direction: query.sortOrder, tieBreak: 'p.id' },
      offset: query.offset,
      limit: query.limit,
    });
  }

  async find(id: string, tx?: Transaction, lock = false): Promise<PaymentBatchView | null> {
    const m = managerOf(tx, this.dataSource);
    if (lock) await m.query(`SELECT id FROM payment_batch WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await m.query(`SELECT ${BATCH_COLUMNS} ${BATCH_FROM} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  lines(batchId: string, tx?: Transaction): Promise<BatchLineView[]> {
    return managerOf(tx, this.dataSource).query(
      `SELECT l.id, l.position, l.application_id AS "applicationId", a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName",
              a.status, l.kind, l.amount::float8 AS amount, l.bank_code AS "bankCode", l.branch_code AS "branchCode", l.deposit_type AS "depositType",
              l.account_number AS "accountNumber", l.account_holder_kana AS "accountHolderKana"
         FROM payment_batch_line l JOIN application a ON a.id = l.application_id
        WHERE l.batch_id = $1 ORDER BY l.position`,
      [batchId],
    );
  }

  async roundExists(roundId: string, tx: Transaction): Promise<boolean> {
    const [row] = await managerOf(tx, this.dataSource).query(`SELECT 1 FROM round WHERE id = $1`, [roundId]);
    return !!row;
  }

  /**
   * The round's applications in a state awaiting payment (`payableStates`: workflowStateKey values of the
   * states tagged awaitsPayment), or just `applicationIds` among them, with their amounts and accounts. Their rows
   * are held (FOR SHARE, in the order a confirmation fires them) until the batch commits: a state change out of
   * the payment state at the same moment waits, then sees the batch and is refused (TransitionsService), or went
   * first and its application is no longer among them.
   */
  payable(roundId: string, payableStates: string[], applicationIds: string[] | null, tx: Transaction): Promise<PayableCandidate[]> {
    return managerOf(tx, this.dataSource).query(
      `SELECT a.id AS "applicationId", a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName", c.kind AS "categoryKind",
              a.quoted_amount::float8 AS "quotedAmount", g.fixed_amount::float8 AS "fixedAmount",
              a.status, a.workflow_code AS "workflowCode", a.workflow_version AS "workflowVersion",
              g.advance_requested_amount::float8 AS "advanceRequestedAmount",
              ${advancePaidSql('a.id')} AS "advancePaidAmount",
              b.bank_code AS "bankCode", b.branch_code AS "branchCode", b.deposit_type AS "depositType",
              b.account_number AS "accountNumber", b.account_holder_kana AS "accountHolderKana",
              ${openBatchIdSql('a.id')} AS "openBatchId"
         FROM application a
         JOIN category c ON c.id = a.category_id
         LEFT JOIN grant_amount g ON g.application_id = a.id
         LEFT JOIN bank_account b ON b.application_id = a.id
        WHERE a.round_id = $1 AND ${workflowStateSql('a')} = ANY($2::text[]) AND ($3::uuid[] IS NULL OR a.id = ANY($3::uuid[]))
        ORDER BY a.receipt_number NULLS LAST, a.id
          FOR SHARE OF a`,
      [roundId, payableStates, applicationIds],
    );
  }

  async insertBatch(
    b: { roundId: string; transferDate: string; requester: object; totalCount: number; totalAmount: number; excluded: unknown[]; createdBy: string },
    lines: NewLine[],
    tx: Transaction,
  ): Promise<string | null> {
    const m = managerOf(tx, this.dataSource);
    const [{ id }] = await m.query(
      `INSERT INTO payment_batch (round_id, transfer_date, requester, total_count, total_amount, excluded, created_by)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7) RETURNING id`,
      [b.roundId, b.transferDate, JSON.stringify(b.requester), b.totalCount, b.totalAmount, JSON.stringify(b.excluded), b.createdBy],
    );
    try {
      await m.query(
        `INSERT INTO payment_batch_line (batch_id, position, application_id, kind, amount, bank_code, branch_code, deposit_type, account_number, account_holder_kana)
       SELECT $1, x.position, x."applicationId", x.kind, x.amount, x."bankCode", x."branchCode", x."depositType", x."accountNumber", x."accountHolderKana"
         FROM jsonb_to_recordset($2::jsonb) AS x(position int, "applicationId" uuid, kind text, amount bigint, "bankCode" text, "branchCode" text,
              "depositType" text, "accountNumber" text, "accountHolderKana" text)`,
        [id, JSON.stringify(lines.map((l, i) => ({ ...l, position: i + 1 })))],
      );
    } catch (e) {
      // another batch took one of the applications meanwhile (the one-open-batch index): the caller answers 409
      if ((e as { driverError?: { constraint?: string } }).driverError?.constraint === 'payment_batch_line_open_uq') return null;
      throw e;
    }
    return id;
  }

  async markPaid(id: string, paidOn: string, staffId: string, tx: Transaction): Promise<void> {
    const m = managerOf(tx, this.dataSource);
    await m.query(`UPDATE payment_batch SET status = 'paid', paid_on = $2, confirmed_by = $3, confirmed_at = now() WHERE id = $1`, [id, paidOn, staffId]);
    await m.query(`UPDATE payment_batch_line SET open = false WHERE batch_id = $1`, [id]);
  }

  async markCancelled(id: string, staffId: string, tx: Transaction): Promise<void> {
    const m = managerOf(tx, this.dataSource);
    await m.query(`UPDATE payment_batch SET status = 'cancelled', cancelled_by = $2, cancelled_at = now() WHERE id = $1`, [id, staffId]);
    await m.query(`UPDATE payment_batch_line SET open = false WHERE batch_id = $1`, [id]);
  }
}
