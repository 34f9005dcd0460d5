import { fiscalYearOf } from '@jimukyoku/domain';
import type { DataSource } from 'typeorm';
import { todayJst } from './payment-fixtures';

/** The 年度 today is in (JST): the one a project whose amount was fixed today may report (docs/post-award.md). */
export const currentFiscalYear = () => fiscalYearOf(todayJst());

/**
 * Lets `years` years pass since the application's 額の確定 (its stamp and its grant_amount row), so that its
 * 事業化状況報告 may name the 年度 from then on (a report names a 年度 from that of the 額の確定 to the current).
 */
export async function amountFixedYearsAgo(db: DataSource, applicationId: string, years: number): Promise<void> {
  await db.query(
    `UPDATE application SET stamps = jsonb_set(stamps, '{amountFixedAt}', to_jsonb((stamps->>'amountFixedAt')::timestamptz - make_interval(years => $2)))
      WHERE id = $1`,
    [applicationId, years],
  );
  await db.query(`UPDATE grant_amount SET amount_fixed_at = amount_fixed_at - make_interval(years => $2) WHERE application_id = $1`, [applicationId, years]);
}
