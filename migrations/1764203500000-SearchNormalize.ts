import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 事業者名 search that does not depend on how the name was typed: `search_normalize(text)` is the SQL
 * twin of normalizeSearchText() in libs/domain/src/search/normalize-search.ts (NFKC, ASCII whitespace
 * removed, legal-entity abbreviations spelled out in the same order, ASCII letters lower-cased);
 * apps/api/test/search-normalize.e2e.ts checks both give the same answer. `application_search_text`
 * is what the applications list searches (name, 法人番号, 受付番号, each normalised), and the trigram
 * index moves onto it.
 */
export class SearchNormalize1764203500000 implements MigrationInterface {
  name = 'SearchNormalize1764203500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_normalize(t text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN translate(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
          regexp_replace(normalize(t, NFKC), '[ \\t\\n\\r\\f\\v]+', '', 'g'),
          '(株)', '株式会社'), '(有)', '有限会社'), '(合)', '合同会社'), '(名)', '合名会社'), '(資)', '合資会社'),
          '(一社)', '一般社団法人'), '(一財)', '一般財団法人'), '(公社)', '公益社団法人'), '(公財)', '公益財団法人'),
          '(社)', '社団法人'), '(財)', '財団法人'), '(医)', '医療法人'), '(特非)', '特定非営利活動法人'),
          '(学)', '学校法人'), '(福)', '社会福祉法人'),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`);
    await q.query(`
      CREATE FUNCTION application_search_text(applicant_name text, corporate_number text, receipt_number text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN coalesce(search_normalize(applicant_name), '') || ' ' || coalesce(search_normalize(corporate_number), '') || ' ' ||
             coalesce(search_normalize(receipt_number), '')`);
    await q.query(`DROP INDEX application_search_idx`);
    await q.query(
      `CREATE INDEX application_search_idx ON application USING gin (application_search_text(applicant_name, corporate_number, receipt_number) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_search_idx`);
    await q.query(
      `CREATE INDEX application_search_idx ON application USING gin ((applicant_name || ' ' || coalesce(corporate_number, '') || ' ' || coalesce(receipt_number, '')) gin_trgm_ops)`,
    );
    await q.query(`DROP FUNCTION application_search_text(text, text, text)`);
    await q.query(`DROP FUNCTION search_normalize(text)`);
  }
}
