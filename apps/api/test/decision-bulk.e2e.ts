import { DataSource } from 'typeorm';
import { UnitOfWork } from '../src/database';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { categoryByCode, closeRound, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * A committed decision over many applications is written set-based (TransitionsService.fireManyIn, issue 17:
 * 20,000 in under 20 s): still each application through the workflow, exactly one state change, audit record
 * and held notice each, all in one transaction that a single refusal rolls back; one decision at a time; and
 * the 採択発表 releases each held notice once.
 */
describe('a decision over many applications', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });

  /** `n` applications in 審査完了 in the round's 通常枠, written in one statement (quoted 5,000,000–29,500,000円); their ids. */
  async function reviewed(round: Round, n: number, status = 'reviewed'): Promise<{ ids: string[]; categoryId: string }> {
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const rows: { id: string }[] = await db.query(
      `INSERT INTO application (round_id, category_id, receipt_number, status, workflow_code, workflow_version, applicant_kind, applicant_name,
                                size_class, employee_count, prefecture, email, quoted_amount, received_at)
       SELECT $1, $2, 'D' || $4 || '-' || lpad(g::text, 6, '0'), $5, 'subsidy', 1, 'corporation', '株式会社一括' || g, 'sme', 30, '東京都',
              'bulk' || g || '@example.jp', 5000000 + (g * 7919 % 50) * 500000, now() - make_interval(secs => g)
         FROM generate_series(1, $3::int) g RETURNING id`,
      [round.id, category.id, n, round.number, status],
    );
    return { ids: rows.map((r) => r.id), categoryId: category.id };
  }

  const ranking = async (round: Round, categoryId: string, query: string) =>
    (await t.http().get(`/api/rounds/${round.id}/ranking?categoryId=${categoryId}&${query}&limit=1`).set(as('manager')).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ label: 'decision_bulk' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  it('writes exactly one state change, one audit record and one held notice (carrying that record) per application', async () => {
    const round = await openRound(t);
    // more than one slice of fireManyIn (2,000)
    const { ids, categoryId } = await reviewed(round, 2500);
    await closeRound(t, round);
    const r = await ranking(round, categoryId, 'budget=13000000000&waitlistCount=100');
    const res = await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(as('manager'))
      .send({ categoryId, budget: 13_000_000_000, waitlistCount: 100, fingerprint: r.fingerprint })
      .expect(201);
    expect(res.body.totals.applied).toBe(2500);

    const outcome = new Map<string, string>(
      (
        await db.query(
          `SELECT r."applicationId" AS id, r.outcome FROM adoption_decision d CROSS JOIN LATERAL jsonb_to_recordset(d.ranking) AS r("applicationId" uuid, outcome text) WHERE d.id = $1`,
          [res.body.id],
        )
      ).map((row: { id: string; outcome: string }) => [row.id, row.outcome]),
    );
    expect(outcome.size).toBe(2500);
    const rows: { id: string; status: string; version: number; decided_at: string | null; audits: number; notices: number; linked: number }[] = await db.query(
      `SELECT a.id, a.status, a.version, a.stamps->>'decidedAt' AS decided_at,
              (SELECT count(*)::int FROM audit_log l WHERE l.entity_type = 'application' AND l.entity_id = a.id::text) AS audits,
              (SELECT count(*)::int FROM notification n WHERE n.application_id = a.id AND n.status = 'held' AND n.held_until_announcement AND n.template = a.status) AS notices,
              (SELECT count(*)::int FROM notification n JOIN audit_log l ON l.id = n.audit_id
                WHERE n.application_id = a.id AND l.entity_id = a.id::text AND l.action = 'application.' || (l.changes->>'transition')
                  AND l.from_status = 'reviewed' AND l.to_status = a.status AND l.actor_id = $2 AND (l.changes->>'rank')::int > 0
                  AND l.changes->>'decision' = 'adoption.commit') AS linked
         FROM application a WHERE a.id = ANY($1::uuid[])`,
      [ids, s.manager.user.id],
    );
    const wrong = rows.filter(
      (row) =>
        row.status !== { adopted: 'adopted', waitlisted: 'waitlisted', rejected: 'rejected' }[outcome.get(row.id)!] ||
        row.version !== 2 ||
        !row.decided_at ||
        row.audits !== 1 ||
        row.notices !== 1 ||
        row.linked !== 1,
    );
    expect(wrong).toEqual([]);
    expect(rows.filter((row) => row.status === 'adopted')).toHaveLength(res.body.totals.adopted);
    expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(100);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'adoption.commit' AND entity_id = $1`, [res.body.id]);
    expect(n).toBe(1);
  }, 120_000);

  it('lets one of two concurrent commits of the same ranking through; the other decides nothing', async () => {
    const round = await openRound(t);
    const { ids, categoryId } = await reviewed(round, 300);
    await closeRound(t, round);
    const r = await ranking(round, categoryId, 'budget=3000000000');
    const commit = () =>
      t.http().post(`/api/rounds/${round.id}/decisions`).set(as('manager')).send({ categoryId, budget: 3_000_000_000, fingerprint: r.fingerprint });
    const answers = (await Promise.all([commit(), commit()])).map((a) => a.status).sort();
    expect(answers).toEqual([201, 409]);
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM audit_log WHERE entity_type = 'application' AND entity_id = ANY($1::text[])) AS audits,
              (SELECT count(*)::int FROM notification WHERE application_id = ANY($1::uuid[])) AS notices,
              (SELECT count(*)::int FROM adoption_decision WHERE round_id = $2) AS decisions`,
      [ids, round.id],
    );
    expect(counts).toEqual({ audits: 300, notices: 300, decisions: 1 });
  }, 60_000);

  it('decides each application by the workflow, an earlier 採択 of the batch taking its slot, and a refusal rolls all of it back', async () => {
    const round = await openRound(t);
    const { ids, categoryId } = await reviewed(round, 5);
    await closeRound(t, round);
    await db.query(`UPDATE round_category SET adoption_quota = 4 WHERE round_id = $1 AND category_id = $2`, [round.id, categoryId]);
    // as AdoptionService.commit fires them (a manager carrying out a committed decision)
    const manager = { role: 'manager' as const, id: s.manager.user.id };
    const fireMany = (items: { applicationId: string; transition: string }[]) =>
      t.app.get(UnitOfWork).run((tx) => t.app.get(TransitionsService).fireManyIn(tx, items, manager, { byDecision: true }));

    // the fifth 採択 finds the four slots taken by the four before it in the same batch
    await expect(fireMany(ids.map((id) => ({ applicationId: id, transition: 'adopt' })))).rejects.toMatchObject({
      response: { code: 'GUARD_FAILED', applicationId: ids[4] },
    });
    // a transition the state does not have (補欠 of an application already 採択 is not one) refuses the batch too
    await db.query(`UPDATE application SET status = 'adopted' WHERE id = $1`, [ids[0]]);
    await expect(fireMany(ids.map((id) => ({ applicationId: id, transition: 'waitlist' })))).rejects.toMatchObject({
      response: { code: 'NOT_ALLOWED_FROM_STATE', applicationId: ids[0] },
    });
    const [left] = await db.query(
      `SELECT (SELECT count(*)::int FROM application WHERE id = ANY($1::uuid[]) AND version = 1 AND stamps = '{}'::jsonb) AS untouched,
              (SELECT count(*)::int FROM audit_log WHERE entity_id = ANY($1::text[])) AS audits,
              (SELECT count(*)::int FROM notification WHERE application_id = ANY($1::uuid[])) AS notices`,
      [ids],
    );
    expect(left).toEqual({ untouched: 5, audits: 0, notices: 0 });

    // within the quota the batch goes through: four 採択, each audited once
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [ids[0]]);
    expect(await fireMany(ids.slice(0, 4).map((id) => ({ applicationId: id, transition: 'adopt' })))).toBe(4);
    const [after] = await db.query(
      `SELECT (SELECT count(*)::int FROM application WHERE id = ANY($1::uuid[]) AND status = 'adopted' AND version = 2) AS adopted,
              (SELECT count(*)::int FROM audit_log WHERE entity_id = ANY($1::text[]) AND action = 'application.adopt') AS audits`,
      [ids.slice(0, 4)],
    );
    expect(after).toEqual({ adopted: 4, audits: 4 });
  }, 60_000);

  it('a 補欠 繰上げ or closed before the 採択発表 supersedes its held 補欠 notice: the applicant is told the last decision only', async () => {
    const round = await openRound(t);
    const { categoryId } = await reviewed(round, 6);
    await closeRound(t, round);
    const r = await ranking(round, categoryId, 'budget=40000000&waitlistCount=4');
    await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(as('manager'))
      .send({ categoryId, budget: 40_000_000, waitlistCount: 4, fingerprint: r.fingerprint })
      .expect(201);
    const [promoted, closed] = (
      await db.query(`SELECT id FROM application WHERE round_id = $1 AND status = 'waitlisted' ORDER BY quoted_amount LIMIT 2`, [round.id])
    ).map((a: { id: string }) => a.id);
    await db.query(`UPDATE round_category SET budget = NULL WHERE round_id = $1 AND category_id = $2`, [round.id, categoryId]);
    await t.http().post(`/api/applications/${promoted}/transitions/promoteFromWaitlist`).set(as('manager')).send({}).expect(200);
    await t.http().post(`/api/applications/${closed}/transitions/closeWaitlist`).set(as('manager')).send({}).expect(200);
    const notices = async (id: string) =>
      (await db.query(`SELECT template, status FROM notification WHERE application_id = $1 ORDER BY created_at, id`, [id])) as {
        template: string;
        status: string;
      }[];
    expect(await notices(promoted)).toEqual([
      { template: 'waitlisted', status: 'cancelled' },
      { template: 'adopted', status: 'held' },
    ]);
    expect(await notices(closed)).toEqual([
      { template: 'waitlisted', status: 'cancelled' },
      { template: 'rejected', status: 'held' },
    ]);
    const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.promoteFromWaitlist'`, [promoted]);
    const [cancelled] = await db.query(`SELECT id FROM notification WHERE application_id = $1 AND template = 'waitlisted'`, [promoted]);
    expect(audit.changes.supersededNotifications).toEqual([cancelled.id]);
    // at the 採択発表 each is told once, of the last decision
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    await t.app.get(NotificationsRepository).releaseDueHeld();
    expect((await notices(promoted)).filter((n) => n.status === 'pending').map((n) => n.template)).toEqual(['adopted']);
    expect((await notices(closed)).filter((n) => n.status === 'pending').map((n) => n.template)).toEqual(['rejected']);
  });

  it('releases each held notice once at the 採択発表, however many dispatchers run', async () => {
    const round = await openRound(t);
    const { ids, categoryId } = await reviewed(round, 200);
    await closeRound(t, round);
    const r = await ranking(round, categoryId, 'budget=2000000000');
    await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(as('manager'))
      .send({ categoryId, budget: 2_000_000_000, fingerprint: r.fingerprint })
      .expect(201);
    const notices = t.app.get(NotificationsRepository);
    const held = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = ANY($1::uuid[]) AND status = 'held'`, [ids]))[0].n;

    await notices.releaseDueHeld();
    expect(await held()).toBe(200); // before the 採択発表 nothing leaves
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    await Promise.all([notices.releaseDueHeld(), notices.releaseDueHeld(), notices.releaseDueHeld()]);
    const released: { n: number; apps: number; changed: string }[] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT application_id)::int AS apps, max(updated_at)::text AS changed
         FROM notification WHERE application_id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    expect(released[0]).toMatchObject({ n: 200, apps: 200 });
    // a later dispatcher run finds nothing more to release
    await notices.releaseDueHeld();
    const [again] = await db.query(`SELECT max(updated_at)::text AS changed FROM notification WHERE application_id = ANY($1::uuid[])`, [ids]);
    expect(again.changed).toBe(released[0].changed);
  }, 60_000);
});
