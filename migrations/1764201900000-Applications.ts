import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications and what a state change writes with them: reviewer assignments (who may see an
 * application), and the notification outbox. One application per 法人番号 per round is a
 * constraint, not a check. `version` is the optimistic lock every transition compares and bumps.
 */
export class Applications1764201900000 implements MigrationInterface {
  name = 'Applications1764201900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // 補正期間: days an applicant has to correct a returned application (sets its correction_due_at).
    await q.query(`ALTER TABLE round ADD COLUMN correction_period_days integer NOT NULL DEFAULT 10 CHECK (correction_period_days BETWEEN 1 AND 365)`);
    await q.query(`
      CREATE TABLE application (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id            uuid NOT NULL REFERENCES round (id),
        category_id         uuid NOT NULL REFERENCES category (id),
        receipt_number      text,
        status              text NOT NULL,
        workflow_code       text NOT NULL,
        workflow_version    integer NOT NULL,
        version             integer NOT NULL DEFAULT 1,
        applicant_kind      text NOT NULL CHECK (applicant_kind IN ('corporation', 'soleProprietor')),
        applicant_name      text NOT NULL,
        corporate_number    text CHECK (corporate_number ~ '^[0-9]{13}$'),
        size_class          text NOT NULL CHECK (size_class IN ('smallBusiness', 'sme', 'midsize', 'large')),
        employee_count      integer NOT NULL CHECK (employee_count >= 0),
        capital             bigint CHECK (capital >= 0),
        prefecture          text NOT NULL,
        industry            text,
        email               text NOT NULL,
        contact_person      text,
        certified_advisor   jsonb,
        plan_title          text,
        plan_summary        text,
        expenses            jsonb NOT NULL DEFAULT '[]'::jsonb,
        monthly_sales       jsonb NOT NULL DEFAULT '[]'::jsonb,
        benefit_input       jsonb,
        quote               jsonb,
        quoted_amount       bigint NOT NULL DEFAULT 0 CHECK (quoted_amount >= 0),
        eligibility         jsonb,
        formal_check        jsonb,
        correction_due_at   timestamptz,
        received_at         timestamptz,
        stamps              jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT application_one_per_corporate_number_per_round UNIQUE (round_id, corporate_number),
        CONSTRAINT application_receipt_number_unique_per_round UNIQUE (round_id, receipt_number)
      )`);
    await q.query(`CREATE INDEX application_round_status_idx ON application (round_id, status, category_id)`);
    await q.query(`CREATE INDEX application_status_idx ON application (status)`);
    await q.query(`CREATE INDEX application_updated_idx ON application (updated_at DESC)`);
    await q.query(`CREATE INDEX application_prefecture_idx ON application (prefecture)`);
    await q.query(
      `CREATE INDEX application_search_idx ON application USING gin ((applicant_name || ' ' || coalesce(corporate_number, '') || ' ' || coalesce(receipt_number, '')) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE application_assignment (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id  uuid NOT NULL REFERENCES application (id),
        reviewer_id     uuid NOT NULL REFERENCES staff_user (id),
        assigned_by     uuid REFERENCES staff_user (id),
        assigned_at     timestamptz NOT NULL DEFAULT now(),
        due_at          timestamptz,
        submitted_at    timestamptz,
        revoked_at      timestamptz,
        UNIQUE (application_id, reviewer_id)
      )`);
    await q.query(`CREATE INDEX application_assignment_reviewer_idx ON application_assignment (reviewer_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE notification (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id  uuid REFERENCES application (id),
        template        text NOT NULL,
        recipient       text NOT NULL,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('held', 'pending', 'queued', 'sending', 'sent', 'failed', 'cancelled')),
        send_after      timestamptz,
        held_until_announcement boolean NOT NULL DEFAULT false,
        payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
        audit_id        bigint,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_dispatch_idx ON notification (status, send_after) WHERE status IN ('pending', 'held')`);
    await q.query(`CREATE INDEX notification_application_idx ON notification (application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE application_assignment`);
    await q.query(`DROP TABLE application`);
    await q.query(`ALTER TABLE round DROP COLUMN correction_period_days`);
  }
}
