import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A two-character Japanese search (「佐藤」, 「山田」: a surname is what a reviewer types first) answered from
 * an index. pg_trgm extracts no trigram from a two-character pattern, so such a search read every row of the
 * round (about 0.4–0.5 s at a million applications, bench/README.md "lists"); pg_bigm would index it but is
 * no Debian package. Instead the row keeps the character pairs of its search text that hold a non-ASCII
 * character (stored generated column `search_bigrams`, GIN index): the 法人番号 and 受付番号 are ASCII after
 * normalisation, so only the name's pairs are kept (about 100 bytes a row; the database's encoding is UTF-8), and a pair of ASCII characters
 * (two digits, two letters) still searches with LIKE. ApplicationsRepository.filtered uses the column for a
 * normalised query of exactly two characters with a non-ASCII one: the same rows as `search_text LIKE`, since
 * a query holds no whitespace and neither does a kept pair.
 *
 * On a loaded table the ADD COLUMN rewrites it (about 3 minutes at a million applications on a busy 2-core
 * machine) and the index takes about 30 s, both holding writes: run it outside 受付 hours.
 */
export class ApplicationSearchBigrams1764600100000 implements MigrationInterface {
  name = 'ApplicationSearchBigrams1764600100000';

  async up(q: QueryRunner): Promise<void> {
    // the name is the search text up to its first space (search_normalize leaves none in it); a pair holding a
    // non-ASCII character is more than two bytes in UTF-8. A loop: about ten times cheaper per row than a
    // set-returning SQL expression, and it runs on every write of the row.
    await q.query(`
      CREATE FUNCTION search_bigrams(t text) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        name text := split_part(t, ' ', 1);
        pairs text[] := '{}';
        pair text;
      BEGIN
        FOR i IN 1 .. length(name) - 1 LOOP
          pair := substr(name, i, 2);
          IF octet_length(pair) > 2 AND NOT pair = ANY (pairs) THEN
            pairs := pairs || pair;
          END IF;
        END LOOP;
        RETURN pairs;
      END $$`);
    await q.query(
      `ALTER TABLE application ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (search_bigrams(application_search_text(applicant_name, corporate_number, receipt_number))) STORED`,
    );
    await q.query(`CREATE INDEX application_search_bigram_idx ON application USING gin (search_bigrams)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP COLUMN search_bigrams`);
    await q.query(`DROP FUNCTION search_bigrams(text)`);
  }
}
