import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 補助金's post-award half (docs/post-award.md, apps/api/src/modules/post-award):
 * - `post_award_filing`: what the applicant filed after 採択, one row per filing — 交付申請 (the expenses as they
 *   will be contracted), 実績報告 (the actual expenses and their evidence), 計画変更 and 事業廃止 requests, 取下げ,
 *   each yearly 事業化状況報告 — through the portal (`channel_id`, attachment ids) or recorded by staff on the
 *   applicant's behalf from paper (`recorded_by`, `documents_on_paper`, `note`).
 * - `grant_amount`: the amounts, each computed by the rules (quote()), never typed: the 採択額 (the quoted
 *   amount at 採択, the ceiling of the 交付決定額), the 交付申請's quote, the 交付決定額, the 確定検査's accepted
 *   lines with the inspector's reasons, and the 確定額 (never above the 交付決定額). The CHECKs keep the ceilings
 *   even against a wrong write.
 */
export class PostAward1764420000000 implements MigrationInterface {
  name = 'PostAward1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_award_filing (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id     uuid NOT NULL REFERENCES application(id),
        step               text NOT NULL CHECK (step IN ('grantApplication', 'performanceReport', 'planChange', 'abandonment', 'withdrawal', 'commercializationReport')),
        expenses           jsonb,
        details            jsonb NOT NULL DEFAULT '{}'::jsonb,
        attachment_ids     uuid[] NOT NULL DEFAULT '{}',
        documents_on_paper jsonb,
        note               text CHECK (note IS NULL OR length(note) <= 2000),
        channel_id         uuid,
        recorded_by        uuid,
        filed_at           timestamptz NOT NULL DEFAULT now(),
        CHECK (channel_id IS NOT NULL OR recorded_by IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX post_award_filing_application_idx ON post_award_filing (application_id, filed_at)`);
    await q.query(`
      CREATE TABLE grant_amount (
        application_id     uuid PRIMARY KEY REFERENCES application(id),
        adopted_amount     bigint NOT NULL CHECK (adopted_amount >= 0),
        grant_expenses     jsonb NOT NULL,
        grant_quote        jsonb NOT NULL,
        requested_amount   bigint NOT NULL CHECK (requested_amount >= 0 AND requested_amount <= adopted_amount),
        grant_amount       bigint CHECK (grant_amount IS NULL OR (grant_amount >= 0 AND grant_amount <= adopted_amount)),
        grant_decided_at   timestamptz,
        actual_expenses    jsonb,
        inspection         jsonb,
        inspected_by       uuid,
        inspected_at       timestamptz,
        fixed_quote        jsonb,
        fixed_amount       bigint CHECK (fixed_amount IS NULL OR (fixed_amount >= 0 AND grant_amount IS NOT NULL AND fixed_amount <= grant_amount)),
        amount_fixed_at    timestamptz,
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grant_amount`);
    await q.query(`DROP TABLE post_award_filing`);
  }
}
