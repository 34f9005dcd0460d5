import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 年度 is reported once per application (docs/post-award.md "事業化状況報告の予定"): the filing locks its application
 * before it checks (README "Two requests at once"); this unique index is the backstop, answered as the same 409
 * FISCAL_YEAR_ALREADY_REPORTED. A database already holding two reports of one 年度 (filed at once before that lock)
 * must have one of them corrected first: the migration stops, naming each, and runs once they are.
 */
export class FiscalYearReportedOnce1764600800000 implements MigrationInterface {
  name = 'FiscalYearReportedOnce1764600800000';

  async up(q: QueryRunner): Promise<void> {
    // the index would fail on them with a bare unique violation: name what to correct instead
    const twice: { application_id: string; fiscal_year: string; reports: number }[] = await q.query(
      `SELECT application_id, details->>'fiscalYear' AS fiscal_year, count(*)::int AS reports FROM post_award_filing
        WHERE step = 'commercializationReport' GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 1, 2`,
    );
    if (twice.length > 0) {
      const listed = twice.map((r) => `application ${r.application_id} 年度 ${r.fiscal_year} (${r.reports} reports)`).join('; ');
      throw new Error(
        `${twice.length} 事業化状況報告 年度 reported more than once, filed at once before the filing locked its application: ${listed}. ` +
          `Correct the 年度 in the details of all but one of each (post_award_filing), then run the migrations again.`,
      );
    }
    await q.query(
      `CREATE UNIQUE INDEX post_award_filing_fiscal_year_once ON post_award_filing (application_id, (details->>'fiscalYear')) WHERE step = 'commercializationReport'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX post_award_filing_fiscal_year_once`);
  }
}
