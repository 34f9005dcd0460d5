import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 再審査 in another 類型 (docs/reconsideration.md): the application remembers the 類型 it was moved out
 * of (NULL: never moved), so the page, the history and the ranking of its new 類型 (which reads the
 * score sheets it carried over) know it.
 *
 * The rule itself is each category's `reconsiderIn` (libs/domain's catalogue). A database seeded before
 * it gets the catalogue's value once here, on the seeded version of each rule set, and only where the
 * key is absent (an administrator's own setting is kept): 事業再構築's special 枠 → 通常枠.
 */
export class Reconsideration1764340000000 implements MigrationInterface {
  name = 'Reconsideration1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN reconsidered_from_category_id uuid REFERENCES category (id)`);
    await q.query(
      `UPDATE category c SET config = c.config || '{"reconsiderIn": ["restructuring.standard"]}'::jsonb
         FROM rule_set r
        WHERE r.id = c.rule_set_id AND r.version = 1 AND r.code IN ('restructuring.r2-sup3', 'restructuring.r3-sup')
          AND c.code IN ('restructuring.emergency', 'restructuring.recovery', 'restructuring.minimumWage',
                         'restructuring.largeWageIncrease', 'restructuring.graduation', 'restructuring.globalVRecovery')
          AND NOT (c.config ? 'reconsiderIn')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP COLUMN reconsidered_from_category_id`);
    await q.query(`UPDATE category SET config = config - 'reconsiderIn' WHERE config ? 'reconsiderIn'`);
  }
}
