import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 要件確認 and 書面審査: what reviewers are assigned to (a formal check or a review), the rubric of
 * each round × category (frozen once scoring starts), declared conflicts of interest, one score sheet
 * per review assignment, and the committed adoption decision of a round × category.
 */
export class Review1764202300000 implements MigrationInterface {
  name = 'Review1764202300000';

  async up(q: QueryRunner): Promise<void> {
    // An assignment is either the 要件確認 of an application or one of its N reviews.
    await q.query(`ALTER TABLE application_assignment ADD COLUMN purpose text NOT NULL DEFAULT 'review' CHECK (purpose IN ('formalCheck', 'review'))`);
    await q.query(`ALTER TABLE application_assignment DROP CONSTRAINT application_assignment_application_id_reviewer_id_key`);
    await q.query(`ALTER TABLE application_assignment ADD CONSTRAINT application_assignment_once_per_purpose UNIQUE (application_id, reviewer_id, purpose)`);
    await q.query(`ALTER TABLE application_assignment ADD COLUMN revoked_by uuid REFERENCES staff_user (id)`);
    await q.query(`CREATE INDEX application_assignment_application_idx ON application_assignment (application_id) WHERE revoked_at IS NULL`);

    // How many open assignments a reviewer may carry at once (審査員ごとの上限件数).
    await q.query(`ALTER TABLE staff_user ADD COLUMN review_capacity integer NOT NULL DEFAULT 300 CHECK (review_capacity BETWEEN 0 AND 100000)`);
    // 加点項目 the applicant claims (codes of the rubric's bonus items); the reviewer confirms them.
    await q.query(`ALTER TABLE application ADD COLUMN claimed_bonus_items jsonb NOT NULL DEFAULT '[]'::jsonb`);

    await q.query(`
      CREATE TABLE review_rubric (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id                    uuid NOT NULL REFERENCES round (id),
        category_id                 uuid NOT NULL REFERENCES category (id),
        criteria                    jsonb NOT NULL,
        bonus_items                 jsonb NOT NULL DEFAULT '[]'::jsonb,
        reviewers_per_application   integer NOT NULL DEFAULT 3 CHECK (reviewers_per_application BETWEEN 1 AND 10),
        review_days                 integer NOT NULL DEFAULT 14 CHECK (review_days BETWEEN 1 AND 180),
        normalise                   boolean NOT NULL DEFAULT false,
        disagreement_threshold      numeric(10, 4) CHECK (disagreement_threshold > 0),
        extra_reviewer_on_disagreement boolean NOT NULL DEFAULT false,
        frozen_at                   timestamptz,
        version                     integer NOT NULL DEFAULT 1,
        updated_by                  uuid REFERENCES staff_user (id),
        created_at                  timestamptz NOT NULL DEFAULT now(),
        updated_at                  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_rubric_one_per_round_category UNIQUE (round_id, category_id)
      )`);

    await q.query(`
      CREATE TABLE conflict_of_interest (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reviewer_id   uuid NOT NULL REFERENCES staff_user (id),
        kind          text NOT NULL CHECK (kind IN ('corporateNumber', 'organisation')),
        value         text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
        note          text,
        declared_by   uuid REFERENCES staff_user (id),
        declared_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at    timestamptz,
        revoked_by    uuid REFERENCES staff_user (id)
      )`);
    await q.query(`CREATE INDEX conflict_of_interest_reviewer_idx ON conflict_of_interest (reviewer_id) WHERE revoked_at IS NULL`);

    // One per review assignment: the draft the reviewer saves, then the submitted score.
    await q.query(`
      CREATE TABLE review_score (
        assignment_id     uuid PRIMARY KEY REFERENCES application_assignment (id),
        application_id    uuid NOT NULL REFERENCES application (id),
        reviewer_id       uuid NOT NULL REFERENCES staff_user (id),
        rubric_id         uuid NOT NULL REFERENCES review_rubric (id),
        scores            jsonb NOT NULL DEFAULT '{}'::jsonb,
        comments          jsonb NOT NULL DEFAULT '{}'::jsonb,
        confirmed_bonus   jsonb NOT NULL DEFAULT '[]'::jsonb,
        overall_comment   text,
        total             numeric(12, 4),
        status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        submitted_at      timestamptz,
        reopened_at       timestamptz,
        reopened_by       uuid REFERENCES staff_user (id),
        reopen_reason     text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND total IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX review_score_application_idx ON review_score (application_id)`);
    await q.query(`CREATE INDEX review_score_rubric_idx ON review_score (rubric_id, status)`);

    await q.query(`
      CREATE TABLE adoption_decision (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id          uuid NOT NULL REFERENCES round (id),
        category_id       uuid NOT NULL REFERENCES category (id),
        budget            bigint CHECK (budget >= 0),
        quota             integer CHECK (quota >= 0),
        waitlist_count    integer NOT NULL DEFAULT 0 CHECK (waitlist_count >= 0),
        normalise         boolean NOT NULL,
        applied_count     integer NOT NULL,
        adopted_count     integer NOT NULL,
        waitlisted_count  integer NOT NULL,
        rejected_count    integer NOT NULL,
        adopted_amount    bigint NOT NULL CHECK (adopted_amount >= 0 AND (budget IS NULL OR adopted_amount <= budget)),
        cutoff_score      numeric(12, 4),
        ranking           jsonb NOT NULL,
        committed_by      uuid NOT NULL REFERENCES staff_user (id),
        committed_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX adoption_decision_round_idx ON adoption_decision (round_id, category_id, committed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adoption_decision`);
    await q.query(`DROP TABLE review_score`);
    await q.query(`DROP TABLE conflict_of_interest`);
    await q.query(`DROP TABLE review_rubric`);
    await q.query(`ALTER TABLE application DROP COLUMN claimed_bonus_items`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN review_capacity`);
    await q.query(`DROP INDEX application_assignment_application_idx`);
    await q.query(`ALTER TABLE application_assignment DROP COLUMN revoked_by`);
    await q.query(`ALTER TABLE application_assignment DROP CONSTRAINT application_assignment_once_per_purpose`);
    await q.query(
      `ALTER TABLE application_assignment ADD CONSTRAINT application_assignment_application_id_reviewer_id_key UNIQUE (application_id, reviewer_id)`,
    );
    await q.query(`ALTER TABLE application_assignment DROP COLUMN purpose`);
  }
}
