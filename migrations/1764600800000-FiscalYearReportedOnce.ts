import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 年度 is reported once per application (docs/post-award.md "事業化状況報告の予定"): the filing locks its application
 * before it checks (README "Two requests at once"); this unique index is the backstop, answered as the same 409
 * FISCAL_YEAR_ALREADY_REPORTED. A database already holding two reports of one 年度 (filed at once before that lock)
 * must have one of them corrected before this migration runs.
 */
export class FiscalYearReportedOnce1764600800000 implements MigrationInterface {
  name = 'FiscalYearReportedOnce1764600800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX post_award_filing_fiscal_year_once ON post_award_filing (application_id, (details->>'fiscalYear')) WHERE step = 'commercializationReport'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX post_award_filing_fiscal_year_once`);
  }
}
