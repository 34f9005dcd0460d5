import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application list sorted by 状態 reads the states in their workflow's order (下書き, 受付, 形式チェック, … as the
 * managers' dashboard lists them), not in the order of their codes. `application_state_order(workflow_code,
 * workflow_version, status)` is a state's place in its own workflow's definition, then the state: `'002 submitted'`
 * (`'999 …'` for a state this function does not know, last), so that one state's applications stay together where
 * workflows of different programmes put different states at the same place. Indexed with the id for the million-row
 * list; (status, id) goes, the status filters having (status, received_at, id) and (round_id, status, category_id).
 *
 * The function is a copy of libs/workflow's definitions as of this migration: a state or a definition added there
 * needs a migration that redefines it (CREATE OR REPLACE, then REINDEX INDEX application_list_state_order_idx);
 * migrations.e2e.ts fails until it does.
 */
export class StateOrder1764600700000 implements MigrationInterface {
  name = 'StateOrder1764600700000';

  async up(q: QueryRunner): Promise<void> {
    const cases = Object.entries(STATES)
      .map(([workflow, states]) => `WHEN '${workflow}' THEN array_position(ARRAY[${states.map((s) => `'${s}'`).join(', ')}]::text[], status)`)
      .join('\n        ');
    await q.query(`
      CREATE FUNCTION application_state_order(workflow_code text, workflow_version int, status text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lpad(coalesce(CASE workflow_code || '@' || workflow_version
        ${cases}
        END, 999)::text, 3, '0') || ' ' || status
      $$`);
    // the columns the expression reads, included: a deep page's ids are then read from the index alone (index-only scan)
    await q.query(
      `CREATE INDEX application_list_state_order_idx ON application (application_state_order(workflow_code, workflow_version, status), id)
         INCLUDE (workflow_code, workflow_version, status)`,
    );
    await q.query(`DROP INDEX application_list_status_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_list_status_idx ON application (status, id)`);
    await q.query(`DROP INDEX application_list_state_order_idx`);
    await q.query(`DROP FUNCTION application_state_order(text, int, text)`);
  }
}

/** Each workflow's states (`code@version`) in its definition's order, as of this migration. */
const STATES: Record<string, string[]> = {
  'subsidy@1': [
    'draft',
    'submitted',
    'formalCheck',
    'returned',
    'resubmitted',
    'underReview',
    'reviewed',
    'adopted',
    'waitlisted',
    'rejected',
    'grantApplied',
    'grantDecided',
    'performanceReported',
    'finalInspection',
    'amountFixed',
    'paid',
    'commercializationReported',
    'withdrawn',
    'ineligible',
  ],
  'subsidy@2': [
    'draft',
    'submitted',
    'formalCheck',
    'returned',
    'resubmitted',
    'underReview',
    'reviewed',
    'adopted',
    'waitlisted',
    'rejected',
    'grantApplied',
    'grantDecided',
    'performanceReported',
    'finalInspection',
    'amountFixed',
    'paid',
    'withdrawn',
    'ineligible',
    'planChangeRequested',
    'abandonmentRequested',
    'advancePaymentRequested',
    'advanceExcessClaimed',
    'abandoned',
    'commercializationReporting',
    'reportingCompleted',
    'grantRevoked',
    'repaid',
  ],
  'benefit@1': ['idIssued', 'preChecked', 'submitted', 'underReview', 'deficient', 'resubmitted', 'benefitDecided', 'transferred', 'notGranted', 'withdrawn'],
  'itSubsidy@1': [
    'draft',
    'grantApplied',
    'returned',
    'resubmitted',
    'grantDecided',
    'performanceReported',
    'amountFixed',
    'paid',
    'effectReported',
    'notGranted',
    'withdrawn',
  ],
};
