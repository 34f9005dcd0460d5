import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes → rule sets (versioned editions) → categories (類型, configuration as validated JSON),
 * and 公募 rounds bound to one rule set. A rule set is locked once applications exist; a locked rule
 * set is never edited: a new version is made instead, so submitted applications keep their rules.
 */
export class ProgramRules1764201800000 implements MigrationInterface {
  name = 'ProgramRules1764201800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE program (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code           text NOT NULL UNIQUE CHECK (code ~ '^[a-zA-Z][\\w.-]*$'),
        name           text NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('subsidy', 'benefit', 'contract')),
        workflow_kind  text NOT NULL CHECK (workflow_kind IN ('subsidy', 'benefit', 'itSubsidy')),
        assumption     text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE rule_set (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id     uuid NOT NULL REFERENCES program (id),
        code           text NOT NULL,
        edition        text NOT NULL,
        label          text NOT NULL,
        version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        supersedes_id  uuid REFERENCES rule_set (id),
        locked_at      timestamptz,
        assumption     text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      )`);
    await q.query(`CREATE INDEX rule_set_program_idx ON rule_set (program_id)`);
    await q.query(`
      CREATE TABLE category (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_set_id  uuid NOT NULL REFERENCES rule_set (id),
        code         text NOT NULL,
        name         text NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('subsidy', 'benefit', 'contract')),
        config       jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (rule_set_id, code)
      )`);
    await q.query(`
      CREATE TABLE round (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code                    text NOT NULL UNIQUE,
        program_id              uuid NOT NULL REFERENCES program (id),
        rule_set_id             uuid NOT NULL REFERENCES rule_set (id),
        number                  integer NOT NULL CHECK (number >= 1),
        name                    text NOT NULL,
        opens_at                timestamptz NOT NULL,
        closes_at               timestamptz NOT NULL,
        announcement_from       timestamptz,
        announcement_to         timestamptz,
        announcement_label      text,
        workflow_version        integer NOT NULL DEFAULT 1,
        assumption              text,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, number),
        CHECK (closes_at > opens_at),
        CHECK (announcement_to IS NULL OR announcement_from IS NULL OR announcement_to >= announcement_from)
      )`);
    await q.query(`CREATE INDEX round_closes_idx ON round (closes_at)`);
    await q.query(`
      CREATE TABLE round_category (
        round_id        uuid NOT NULL REFERENCES round (id) ON DELETE CASCADE,
        category_id     uuid NOT NULL REFERENCES category (id),
        budget          bigint CHECK (budget IS NULL OR budget >= 0),
        adoption_quota  integer CHECK (adoption_quota IS NULL OR adoption_quota >= 0),
        PRIMARY KEY (round_id, category_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE round_category`);
    await q.query(`DROP TABLE round`);
    await q.query(`DROP TABLE category`);
    await q.query(`DROP TABLE rule_set`);
    await q.query(`DROP TABLE program`);
  }
}
