import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The managers' dashboard (`GET /api/pipeline`) reads counts kept up to date by the database instead of
 * grouping every application and every assignment on each request (about 0.9 s and 1.4 s at a million
 * applications and half a million assignments, bench/README.md "lists").
 *
 * - `application_count`: applications per round × 類型 × workflow × version × state, with their 申請額.
 * - `application_intake_day`: applications received (受付) per round and JST calendar day, for the intake chart.
 * - `assignment_count`: live (not revoked) assignments per round × reviewer × purpose × the application's
 *   state × 審査期限 × submitted or not. Keeping the exact 審査期限 lets the reader compute what depends on
 *   the clock (overdue, the next due date) at read time; a bulk assignment gives all its lines one 期限, so
 *   the table holds about one row per reviewer and batch.
 *
 * Writers never update a count row: statement-level triggers (transition tables) append the statement's net
 * change to `*_count_change`, one row per group, so concurrent submissions never wait on one hot row, and a
 * decision over 20,000 applications appends a handful of rows, not 20,000. A reader sums the counts and the
 * changes in one statement (one snapshot: exact). The worker folds the changes into the counts
 * (`fold_pipeline_counts()`, job `pipeline.foldCounts`), which keeps the changes few; the answer does not
 * depend on it having run. `rebuild_pipeline_counts()` recounts from the tables (used here, and by a bulk
 * load that disables the triggers).
 *
 * Lifecycle facts (which states are terminal, which wait on the applicant) stay in libs/workflow: the counts
 * are per state code, the service decides what each state means.
 */
/** Each event with the transition tables it has (a function names only those of the event it runs for). */
const TRIGGER_EVENTS = [
  ['INSERT', 'NEW TABLE AS new_rows'],
  ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['DELETE', 'OLD TABLE AS old_rows'],
] as const;

/** `<name>_insert|update|delete`: statement-level triggers on `table` running `<name>_track()`. */
async function createStatementTriggers(q: QueryRunner, table: string, name: string): Promise<void> {
  for (const [event, tables] of TRIGGER_EVENTS) {
    await q.query(`CREATE TRIGGER ${name}_${event.toLowerCase()} AFTER ${event} ON ${table}
                     REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}_track()`);
  }
}

export class PipelineCounts1764600000000 implements MigrationInterface {
  name = 'PipelineCounts1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['application_count', 'application_count_change']) {
      await q.query(`
        CREATE TABLE ${table} (
          round_id uuid NOT NULL,
          category_id uuid NOT NULL,
          workflow_code text NOT NULL,
          workflow_version integer NOT NULL,
          status text NOT NULL,
          n bigint NOT NULL,
          amount bigint NOT NULL
        )`);
    }
    await q.query(`ALTER TABLE application_count ADD PRIMARY KEY (round_id, category_id, workflow_code, workflow_version, status)`);
    for (const table of ['application_intake_day', 'application_intake_day_change']) {
      await q.query(`CREATE TABLE ${table} (round_id uuid NOT NULL, day date NOT NULL, n bigint NOT NULL)`);
    }
    await q.query(`ALTER TABLE application_intake_day ADD PRIMARY KEY (round_id, day)`);
    for (const table of ['assignment_count', 'assignment_count_change']) {
      await q.query(`
        CREATE TABLE ${table} (
          round_id uuid NOT NULL,
          reviewer_id uuid NOT NULL,
          purpose text NOT NULL,
          application_status text NOT NULL,
          due_at timestamptz,
          submitted boolean NOT NULL,
          n bigint NOT NULL
        )`);
    }
    await q.query(
      `ALTER TABLE assignment_count ADD CONSTRAINT assignment_count_key
         UNIQUE NULLS NOT DISTINCT (round_id, reviewer_id, purpose, application_status, due_at, submitted)`,
    );

    // applications: +1 per new row, -1 per old one, per group; a statement that changes no group appends nothing
    const intakeDay = `(received_at AT TIME ZONE 'Asia/Tokyo')::date`;
    await q.query(`
      CREATE FUNCTION application_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO application_count_change
          SELECT round_id, category_id, workflow_code, workflow_version, status, count(*), coalesce(sum(quoted_amount), 0)
            FROM new_rows GROUP BY 1, 2, 3, 4, 5;
          INSERT INTO application_intake_day_change
          SELECT round_id, ${intakeDay}, count(*) FROM new_rows WHERE received_at IS NOT NULL GROUP BY 1, 2;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO application_count_change
          SELECT round_id, category_id, workflow_code, workflow_version, status, -count(*), -coalesce(sum(quoted_amount), 0)
            FROM old_rows GROUP BY 1, 2, 3, 4, 5;
          INSERT INTO application_intake_day_change
          SELECT round_id, ${intakeDay}, -count(*) FROM old_rows WHERE received_at IS NOT NULL GROUP BY 1, 2;
        ELSE
          INSERT INTO application_count_change
          SELECT round_id, category_id, workflow_code, workflow_version, status, sum(n), sum(amount)
            FROM (SELECT round_id, category_id, workflow_code, workflow_version, status, 1 AS n, quoted_amount AS amount FROM new_rows
                  UNION ALL
                  SELECT round_id, category_id, workflow_code, workflow_version, status, -1, -quoted_amount FROM old_rows) d
           GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(amount) <> 0;
          INSERT INTO application_intake_day_change
          SELECT round_id, day, sum(n)
            FROM (SELECT round_id, ${intakeDay} AS day, 1 AS n FROM new_rows WHERE received_at IS NOT NULL
                  UNION ALL
                  SELECT round_id, ${intakeDay}, -1 FROM old_rows WHERE received_at IS NOT NULL) d
           GROUP BY 1, 2 HAVING sum(n) <> 0;
          -- the application's state is a dimension of its assignments' counts: move them with it
          INSERT INTO assignment_count_change
          SELECT round_id, reviewer_id, purpose, status, due_at, submitted, sum(n)
            FROM (SELECT a.round_id, x.reviewer_id, x.purpose, a.status, x.due_at, x.submitted_at IS NOT NULL AS submitted, 1 AS n
                    FROM new_rows a JOIN old_rows o ON o.id = a.id AND (o.status <> a.status OR o.round_id <> a.round_id)
                    JOIN application_assignment x ON x.application_id = a.id AND x.revoked_at IS NULL
                  UNION ALL
                  SELECT o.round_id, x.reviewer_id, x.purpose, o.status, x.due_at, x.submitted_at IS NOT NULL, -1
                    FROM old_rows o JOIN new_rows a ON a.id = o.id AND (o.status <> a.status OR o.round_id <> a.round_id)
                    JOIN application_assignment x ON x.application_id = o.id AND x.revoked_at IS NULL) d
           GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    await createStatementTriggers(q, 'application', 'application_count');

    // assignments: a live (not revoked) row counts in its application's round and current state. A function
    // names only the transition tables its event has (PL/pgSQL plans a statement when it first runs it).
    const liveAssignments = (rows: string, sign: string) =>
      `SELECT application_id, reviewer_id, purpose, due_at, submitted_at IS NOT NULL AS submitted, ${sign} AS n FROM ${rows} WHERE revoked_at IS NULL`;
    const appendAssignmentChange = (changes: string) => `
      INSERT INTO assignment_count_change
      SELECT a.round_id, d.reviewer_id, d.purpose, a.status, d.due_at, d.submitted, sum(d.n)
        FROM (${changes}) d JOIN application a ON a.id = d.application_id
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0`;
    await q.query(`
      CREATE FUNCTION assignment_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${appendAssignmentChange(liveAssignments('new_rows', '1'))};
        ELSIF TG_OP = 'DELETE' THEN
          ${appendAssignmentChange(liveAssignments('old_rows', '-1'))};
        ELSE
          ${appendAssignmentChange(`${liveAssignments('new_rows', '1')} UNION ALL ${liveAssignments('old_rows', '-1')}`)};
        END IF;
        RETURN NULL;
      END $$`);
    await createStatementTriggers(q, 'application_assignment', 'assignment_count');

    // the changes folded into the counts; two folds at once take disjoint changes (DELETE … RETURNING locks them)
    await q.query(`
      CREATE FUNCTION fold_pipeline_counts() RETURNS void LANGUAGE sql AS $$
        WITH moved AS (DELETE FROM application_count_change RETURNING *)
        INSERT INTO application_count AS c
        SELECT round_id, category_id, workflow_code, workflow_version, status, sum(n), sum(amount) FROM moved GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (round_id, category_id, workflow_code, workflow_version, status)
            DO UPDATE SET n = c.n + excluded.n, amount = c.amount + excluded.amount;
        DELETE FROM application_count WHERE n = 0 AND amount = 0;
        WITH moved AS (DELETE FROM application_intake_day_change RETURNING *)
        INSERT INTO application_intake_day AS c
        SELECT round_id, day, sum(n) FROM moved GROUP BY 1, 2
            ON CONFLICT (round_id, day) DO UPDATE SET n = c.n + excluded.n;
        DELETE FROM application_intake_day WHERE n = 0;
        WITH moved AS (DELETE FROM assignment_count_change RETURNING *)
        INSERT INTO assignment_count AS c
        SELECT round_id, reviewer_id, purpose, application_status, due_at, submitted, sum(n) FROM moved GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT ON CONSTRAINT assignment_count_key DO UPDATE SET n = c.n + excluded.n;
        DELETE FROM assignment_count WHERE n = 0;
      $$`);
    // the counts recounted from the tables; the caller holds writers off (a bulk load, this migration)
    await q.query(`
      CREATE FUNCTION rebuild_pipeline_counts() RETURNS void LANGUAGE sql AS $$
        DELETE FROM application_count_change;
        DELETE FROM application_count;
        INSERT INTO application_count
        SELECT round_id, category_id, workflow_code, workflow_version, status, count(*), coalesce(sum(quoted_amount), 0)
          FROM application GROUP BY 1, 2, 3, 4, 5;
        DELETE FROM application_intake_day_change;
        DELETE FROM application_intake_day;
        INSERT INTO application_intake_day
        SELECT round_id, ${intakeDay}, count(*) FROM application WHERE received_at IS NOT NULL GROUP BY 1, 2;
        DELETE FROM assignment_count_change;
        DELETE FROM assignment_count;
        INSERT INTO assignment_count
        SELECT a.round_id, x.reviewer_id, x.purpose, a.status, x.due_at, x.submitted_at IS NOT NULL, count(*)
          FROM application_assignment x JOIN application a ON a.id = x.application_id
         WHERE x.revoked_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
      $$`);
    await q.query(`LOCK TABLE application, application_assignment IN SHARE MODE`);
    await q.query(`SELECT rebuild_pipeline_counts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [event] of TRIGGER_EVENTS) {
      await q.query(`DROP TRIGGER assignment_count_${event.toLowerCase()} ON application_assignment`);
      await q.query(`DROP TRIGGER application_count_${event.toLowerCase()} ON application`);
    }
    await q.query(`DROP FUNCTION rebuild_pipeline_counts(), fold_pipeline_counts(), assignment_count_track()`);
    await q.query(`DROP FUNCTION application_count_track()`);
    await q.query(
      `DROP TABLE assignment_count_change, assignment_count, application_intake_day_change, application_intake_day, application_count_change, application_count`,
    );
  }
}
