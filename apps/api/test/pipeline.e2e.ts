import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { loginEveryRole, type LoggedIn } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

interface Pipeline {
  roundId: string;
  roundName: string;
  opensAt: string;
  closesAt: string;
  deadline: string;
  total: number;
  intake: { day: string; count: number }[];
  reviewers: { reviewerId: string; name: string; assigned: number; submitted: number; overdue: number; nextDueAt: string | null }[];
}

const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * The dashboard's figures (GET /api/pipeline) against the demo data as the database holds it: 受付 per JST
 * day up to the 締切, review progress per reviewer; and 催促 (POST …/remind), which queues the reviewReminder
 * mail for one reviewer's overdue reviews, audited, once per hour per assignment.
 */
describe('the dashboard pipeline and 催促', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Awaited<ReturnType<typeof loginEveryRole>>;
  let rounds: Pipeline[];
  const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

  beforeAll(async () => {
    t = await startTestApp({ label: 'pipeline' });
    db = t.app.get(DataSource);
    await runSeed(db, { demo: true });
    s = await loginEveryRole(t);
    rounds = (await t.http().get('/api/pipeline').set(bearer(s.manager)).expect(200)).body;
  });
  afterAll(() => t?.close());

  it('counts 受付 per JST day, every day from the opening day to the deadline day', async () => {
    expect(rounds.length).toBeGreaterThan(0);
    for (const r of rounds) {
      const rows: { day: string; n: number }[] = await db.query(
        `SELECT to_char(received_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day, count(*)::int AS n FROM application
          WHERE round_id = $1 AND received_at IS NOT NULL GROUP BY 1`,
        [r.roundId],
      );
      expect(r.intake[0].day).toBe(jstDay(r.opensAt));
      expect(r.intake[r.intake.length - 1].day).toBe(jstDay(r.deadline));
      // consecutive days, none missing
      for (let k = 1; k < r.intake.length; k++) expect(Date.parse(r.intake[k].day) - Date.parse(r.intake[k - 1].day)).toBe(86_400_000);
      const shown = Object.fromEntries(r.intake.filter((d) => d.count > 0).map((d) => [d.day, d.count]));
      expect(shown).toEqual(Object.fromEntries(rows.map((x) => [x.day, x.n])));
    }
  });

  it('lists the applications received on a JST day (the intake chart’s link): receivedFrom / receivedTo', async () => {
    const r = rounds.find((x) => x.intake.some((d) => d.count > 0))!;
    const busiest = [...r.intake].sort((a, b) => b.count - a.count)[0];
    const next = new Date(Date.parse(`${busiest.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const filter = { roundId: r.roundId, receivedFrom: `${busiest.day}T00:00:00+09:00`, receivedTo: `${next}T00:00:00+09:00` };
    const res = await t
      .http()
      .get('/api/applications')
      .query({ filter: JSON.stringify(filter), range: '[0,99]' })
      .set(bearer(s.manager))
      .expect(200);
    expect(res.headers['content-range']).toMatch(new RegExp(`/${busiest.count}$`));
    const bad = await t
      .http()
      .get('/api/applications')
      .query({ filter: JSON.stringify({ receivedFrom: '2026-13-45' }) })
      .set(bearer(s.manager));
    expect(bad.status).toBe(400);
  });

  it('gives the deadline as enforced: closesAt plus the grace minutes', async () => {
    for (const r of rounds) {
      const [{ deadline }] = await db.query(`SELECT closes_at + make_interval(mins => grace_minutes) AS deadline FROM round WHERE id = $1`, [r.roundId]);
      expect(new Date(r.deadline).getTime()).toBe(new Date(deadline).getTime());
    }
  });

  it('shows each reviewer’s assigned, submitted and overdue reviews per round, as the assignments are', async () => {
    let overdueSeen = 0;
    for (const r of rounds) {
      const rows: { reviewerId: string; assigned: number; submitted: number; overdue: number }[] = await db.query(
        `SELECT x.reviewer_id AS "reviewerId", count(*)::int AS assigned, count(*) FILTER (WHERE x.submitted_at IS NOT NULL)::int AS submitted,
                count(*) FILTER (WHERE x.submitted_at IS NULL AND x.due_at < now())::int AS overdue
           FROM application_assignment x JOIN application a ON a.id = x.application_id
          WHERE a.round_id = $1 AND x.purpose = 'review' AND x.revoked_at IS NULL GROUP BY x.reviewer_id`,
        [r.roundId],
      );
      const shown = r.reviewers.map(({ reviewerId, assigned, submitted, overdue }) => ({ reviewerId, assigned, submitted, overdue }));
      expect(shown.sort((a, b) => a.reviewerId.localeCompare(b.reviewerId))).toEqual(rows.sort((a, b) => a.reviewerId.localeCompare(b.reviewerId)));
      overdueSeen += rows.reduce((a, x) => a + x.overdue, 0);
    }
    // the demo's 第11回 has reviewers still scoring after the due date
    expect(overdueSeen).toBeGreaterThan(0);
  });

  it('催促 queues one reviewReminder per overdue review of that reviewer, audited; a second click within the hour sends nothing', async () => {
    const round = rounds.find((r) => r.reviewers.some((x) => x.overdue > 0))!;
    const late = round.reviewers.find((x) => x.overdue > 0)!;
    const [{ email }] = await db.query(`SELECT email FROM staff_user WHERE id = $1`, [late.reviewerId]);
    const path = `/api/pipeline/rounds/${round.roundId}/reviewers/${late.reviewerId}/remind`;

    const res = await t.http().post(path).set(bearer(s.manager)).expect(201);
    expect(res.body).toMatchObject({ roundId: round.roundId, reviewerId: late.reviewerId, queued: late.overdue });
    const mails: { template: string; recipient: string; status: string; assignmentId: string; due: string; roundName: string }[] = await db.query(
      `SELECT template, recipient, status, payload->>'assignmentId' AS "assignmentId", payload->>'reviewDueAt' AS due, payload->>'roundName' AS "roundName"
         FROM notification WHERE id = ANY($1)`,
      [res.body.notificationIds],
    );
    expect(mails).toHaveLength(late.overdue);
    for (const m of mails) {
      expect(m).toMatchObject({ template: 'reviewReminder', recipient: email, status: 'pending', roundName: round.roundName });
      expect(Date.parse(m.due)).toBeLessThan(Date.now());
    }
    expect(mails.map((m) => m.assignmentId).sort()).toEqual([...res.body.assignmentIds].sort());
    const [audit] = await db.query(
      `SELECT actor_id, action, entity_type, entity_id, changes FROM audit_log WHERE action = 'review.remindOverdue' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ actor_id: s.manager.user.id, entity_type: 'staffUser', entity_id: late.reviewerId });
    expect(audit.changes).toMatchObject({ roundId: round.roundId, notificationIds: res.body.notificationIds });

    const again = await t.http().post(path).set(bearer(s.manager)).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'NOTHING_TO_REMIND' });
    expect(again.body.message).toMatch(/期限を過ぎた未提出の審査がありません/);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE template = 'reviewReminder' AND recipient = $1`, [email]);
    expect(n).toBe(late.overdue);
  });

  it('refuses a reviewer with nothing overdue (409), an unknown round or reviewer (404), and everyone but managers (403)', async () => {
    const round = rounds.find((r) => r.reviewers.some((x) => x.overdue === 0))!;
    const onTime = round.reviewers.find((x) => x.overdue === 0)!;
    const nothing = await t.http().post(`/api/pipeline/rounds/${round.roundId}/reviewers/${onTime.reviewerId}/remind`).set(bearer(s.manager)).expect(409);
    expect(nothing.body.code).toBe('NOTHING_TO_REMIND');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const noRound = await t.http().post(`/api/pipeline/rounds/${unknown}/reviewers/${onTime.reviewerId}/remind`).set(bearer(s.manager)).expect(404);
    expect(noRound.body).toMatchObject({ code: 'ROUND_NOT_FOUND', message: '指定された公募回はありません。' });
    await t.http().post(`/api/pipeline/rounds/${round.roundId}/reviewers/not-a-uuid/remind`).set(bearer(s.manager)).expect(404);
    // a manager is not a reviewer
    await t.http().post(`/api/pipeline/rounds/${round.roundId}/reviewers/${s.manager.user.id}/remind`).set(bearer(s.manager)).expect(404);
    for (const who of [s.admin, s.auditor, s.reviewer]) {
      await t.http().post(`/api/pipeline/rounds/${round.roundId}/reviewers/${onTime.reviewerId}/remind`).set(bearer(who)).expect(403);
    }
  });
});
