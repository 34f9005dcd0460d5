import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ranking of a round × 類型 reads the score sheets of the applications reconsidered into it
 * (AdoptionRepository: its stamp on every simulator request, its inputs): a partial index holds just those
 * few applications, so the read stays an index probe however large the round (docs/reconsideration.md).
 */
export class ReconsideredIndex1764342000000 implements MigrationInterface {
  name = 'ReconsideredIndex1764342000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_reconsidered_idx ON application (round_id, category_id) WHERE reconsidered_from_category_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_reconsidered_idx`);
  }
}
