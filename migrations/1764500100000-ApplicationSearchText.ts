import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applications list's search text kept with the row (a stored generated column) instead of computed
 * per row at every search: `application_search_text(…)` (NFKC, the legal-entity spellings, lower case;
 * migration SearchNormalize) costs microseconds per row, and a query the trigram index cannot narrow
 * (one or two characters, 「佐藤」, has no trigram) read it for every row of the round. The trigram
 * index moves onto the column; ApplicationsRepository.filtered searches it.
 */
export class ApplicationSearchText1764500100000 implements MigrationInterface {
  name = 'ApplicationSearchText1764500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE application ADD COLUMN search_text text GENERATED ALWAYS AS (application_search_text(applicant_name, corporate_number, receipt_number)) STORED`,
    );
    await q.query(`DROP INDEX application_search_idx`);
    await q.query(`CREATE INDEX application_search_idx ON application USING gin (search_text gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_search_idx`);
    await q.query(`ALTER TABLE application DROP COLUMN search_text`);
    await q.query(
      `CREATE INDEX application_search_idx ON application USING gin (application_search_text(applicant_name, corporate_number, receipt_number) gin_trgm_ops)`,
    );
  }
}
