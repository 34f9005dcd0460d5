import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { violatedUniqueConstraint } from '../../database/unique-violation';
import { GrantAmount } from './grant-amount.entity';
import { PostAwardFiling } from './post-award-filing.entity';
import { advancePaidSql, finalPaidSql } from '../payment-batches/advance-paid.sql';

/** A 年度's 事業化状況報告 is filed once per application (migration FiscalYearReportedOnce). */
const FISCAL_YEAR_ONCE = 'post_award_filing_fiscal_year_once';

/** All SQL of the post-award tables (post_award_filing, grant_amount): this module owns them. */
@Injectable()
export class PostAwardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /**
   * Writes a filing; null when it is a 事業化状況報告 of a 年度 the application has reported (FISCAL_YEAR_ONCE, met
   * only if the check before it was passed by a concurrent filing): the transaction is then aborted and must end.
   */
  async insertFiling(row: Omit<PostAwardFiling, 'id' | 'filedAt'>, tx: Transaction): Promise<PostAwardFiling | null> {
    try {
      return await this.m(tx).save(this.m(tx).create(PostAwardFiling, row));
    } catch (e) {
      if (violatedUniqueConstraint(e) === FISCAL_YEAR_ONCE) return null;
      throw e;
    }
  }

  /** When the application's 事業化状況報告 of `fiscalYear` was filed, if it was. */
  async fiscalYearReportedAt(applicationId: string, fiscalYear: number, tx: Transaction): Promise<Date | null> {
    const [row] = await this.m(tx).query(
      `SELECT filed_at FROM post_award_filing WHERE application_id = $1 AND step = 'commercializationReport' AND details->>'fiscalYear' = $2 LIMIT 1`,
      [applicationId, String(fiscalYear)],
    );
    return row ? (row.filed_at as Date) : null;
  }

  filingsOf(applicationId: string, tx?: Transaction): Promise<PostAwardFiling[]> {
    return this.m(tx).find(PostAwardFiling, { where: { applicationId }, order: { filedAt: 'ASC', id: 'ASC' } });
  }

  /** The amounts, locked for the transaction's change when `lock`. */
  findAmount(applicationId: string, tx?: Transaction, lock = false): Promise<GrantAmount | null> {
    return this.m(tx).findOne(GrantAmount, { where: { applicationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The 交付申請's expenses and their quote (a later 交付申請 of the same application replaces them before the 交付決定). */
  async saveGrantApplication(
    w: Pick<GrantAmount, 'applicationId' | 'adoptedAmount' | 'grantExpenses' | 'grantQuote' | 'requestedAmount'>,
    tx: Transaction,
  ): Promise<void> {
    await this.m(tx).query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
       ON CONFLICT (application_id) DO UPDATE
          SET adopted_amount = EXCLUDED.adopted_amount, grant_expenses = EXCLUDED.grant_expenses,
              grant_quote = EXCLUDED.grant_quote, requested_amount = EXCLUDED.requested_amount, updated_at = now()`,
      [w.applicationId, w.adoptedAmount, JSON.stringify(w.grantExpenses), JSON.stringify(w.grantQuote), w.requestedAmount],
    );
  }

  async setGrantAmount(applicationId: string, amount: number, tx: Transaction): Promise<void> {
    await this.m(tx).query(`UPDATE grant_amount SET grant_amount = $2, grant_decided_at = now(), updated_at = now() WHERE application_id = $1`, [
      applicationId,
      amount,
    ]);
  }

  /** A (new) 実績報告: its actual expenses; an earlier inspection of a returned report no longer applies. */
  async setActualExpenses(applicationId: string, expenses: unknown[], tx: Transaction): Promise<void> {
    await this.m(tx).query(
      `UPDATE grant_amount SET actual_expenses = $2::jsonb, inspection = NULL, inspected_by = NULL, inspected_at = NULL, updated_at = now()
        WHERE application_id = $1`,
      [applicationId, JSON.stringify(expenses)],
    );
  }

  async setInspection(applicationId: string, lines: unknown[], inspectedBy: string, tx: Transaction): Promise<void> {
    await this.m(tx).query(
      `UPDATE grant_amount SET inspection = $2::jsonb, inspected_by = $3, inspected_at = now(), updated_at = now() WHERE application_id = $1`,
      [applicationId, JSON.stringify(lines), inspectedBy],
    );
  }

  async setFixedAmount(applicationId: string, amount: number, quote: Record<string, unknown>, tx: Transaction): Promise<void> {
    await this.m(tx).query(
      `UPDATE grant_amount SET fixed_amount = $2, fixed_quote = $3::jsonb, amount_fixed_at = now(), updated_at = now() WHERE application_id = $1`,
      [applicationId, amount, JSON.stringify(quote)],
    );
  }

  /** A 概算払 requested: its amount, paid by the next payment batch (docs/post-award.md "概算払"). */
  async setAdvanceRequested(applicationId: string, amount: number, tx: Transaction): Promise<void> {
    await this.m(tx).query(`UPDATE grant_amount SET advance_requested_amount = $2, updated_at = now() WHERE application_id = $1`, [applicationId, amount]);
  }

  /** Whether the application's round allows 概算払 (a manager's setting of the round). */
  async advancePaymentAllowed(roundId: string, tx: Transaction): Promise<boolean> {
    const [row] = await this.m(tx).query(`SELECT advance_payment_allowed AS allowed FROM round WHERE id = $1`, [roundId]);
    return row?.allowed === true;
  }

  /** What was paid in advance: the 概算払 lines of the application's paid payment batches (docs/payments.md). */
  async advancePaid(applicationId: string, tx?: Transaction): Promise<number> {
    const [row] = await this.m(tx).query(`SELECT ${advancePaidSql('$1')} AS paid`, [applicationId]);
    return Number(row.paid);
  }

  /** What the paid payment batches transferred to the application: its 概算払 and its 支払 (the 返還額's basis). */
  async paidByBatches(applicationId: string, tx?: Transaction): Promise<{ advance: number; final: number }> {
    const [row] = await this.m(tx).query(`SELECT ${advancePaidSql('$1')} AS advance, ${finalPaidSql('$1')} AS final`, [applicationId]);
    return { advance: Number(row.advance), final: Number(row.final) };
  }
}
