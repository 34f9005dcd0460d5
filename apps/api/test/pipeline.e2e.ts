import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../src/config';
import { renderNotification, templateToRender } from '../src/modules/notifications/notification-renderer';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import { runSeed } from '../src/seed/seed-runner';
import { loginEveryRole, type LoggedIn } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { waitingStates } from '../src/modules/assignments/assignments.repository';

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
/** An instant as the mails print it in JST (「2026年12月4日(金) 17:00:00」), worked out here rather than by the code under test. */
const jstInstant = (iso: string) => {
  const d = new Date(Date.parse(iso) + 9 * 3_600_000);
  const hms = d.toISOString().slice(11, 19);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日(${'日月火水木金土'[d.getUTCDay()]}) ${hms}`;
};

type Query = (sql: string, params?: unknown[]) => Promise<{ key: string; n: number; amount?: number }[]>;
const APPLICATION_KEY = `round_id || '/' || category_id || '/' || workflow_code || '@' || workflow_version || '/' || status`;
const ASSIGNMENT_KEY = `round_id || '/' || reviewer_id || '/' || purpose || '/' || application_status || '/' || coalesce(due_at::text, '-') || '/' || submitted`;

/**
 * The dashboard's kept counts (migration PipelineCounts: counts + changes not folded yet) beside the same
 * figures counted from the tables, as sorted lists of `{ key, n, amount }`.
 */
async function countsBesideRecount(query: Query) {
  const byKey = (rows: { key: string; n: number; amount?: number }[]) => rows.map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => a.key.localeCompare(b.key));
  const [kept, counted, keptDays, countedDays, keptAssignments, countedAssignments] = await Promise.all([
    query(`SELECT ${APPLICATION_KEY} AS key, sum(n)::int AS n, sum(amount)::text AS amount
             FROM (SELECT * FROM application_count UNION ALL SELECT * FROM application_count_change) c GROUP BY 1 HAVING sum(n) <> 0`),
    query(`SELECT ${APPLICATION_KEY} AS key, count(*)::int AS n, sum(quoted_amount)::text AS amount FROM application GROUP BY 1`),
    query(`SELECT round_id || '/' || day AS key, sum(n)::int AS n
             FROM (SELECT * FROM application_intake_day UNION ALL SELECT * FROM application_intake_day_change) c GROUP BY 1 HAVING sum(n) <> 0`),
    query(`SELECT round_id || '/' || (received_at AT TIME ZONE 'Asia/Tokyo')::date AS key, count(*)::int AS n
             FROM application WHERE received_at IS NOT NULL GROUP BY 1`),
    query(`SELECT ${ASSIGNMENT_KEY} AS key, sum(n)::int AS n
             FROM (SELECT * FROM assignment_count UNION ALL SELECT * FROM assignment_count_change) c GROUP BY 1 HAVING sum(n) <> 0`),
    query(`SELECT ${ASSIGNMENT_KEY.replace('application_status', 'status').replace('submitted', '(submitted_at IS NOT NULL)')} AS key, count(*)::int AS n
             FROM application_assignment x JOIN application a ON a.id = x.application_id WHERE x.revoked_at IS NULL GROUP BY 1`),
  ]);
  return {
    kept: byKey(kept),
    counted: byKey(counted),
    keptDays: byKey(keptDays),
    countedDays: byKey(countedDays),
    keptAssignments: byKey(keptAssignments),
    countedAssignments: byKey(countedAssignments),
  };
}

async function expectCountsExact(query: Query) {
  const c = await countsBesideRecount(query);
  expect(c.kept).toEqual(c.counted);
  expect(c.keptDays).toEqual(c.countedDays);
  expect(c.keptAssignments).toEqual(c.countedAssignments);
  return c;
}

/**
 * The dashboard's figures (GET /api/pipeline) against the demo data as the database holds it: 受付 per JST
 * day up to the 締切, review progress per reviewer; and 催促 (POST …/remind), which queues the reviewOverdue
 * mail (審査期限を過ぎています, not the scheduler's 審査期限が近づいています) for one reviewer's overdue reviews,
 * audited, once per hour per assignment.
 */
describe('the dashboard pipeline and 催促', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Awaited<ReturnType<typeof loginEveryRole>>;
  let rounds: Pipeline[];
  const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

  // the whole demo seed, which the seed and fuzz suites also give three minutes: a busy machine took over one
  beforeAll(async () => {
    t = await startTestApp({ label: 'pipeline' });
    db = t.app.get(DataSource);
    await runSeed(db, { demo: true });
    s = await loginEveryRole(t);
    rounds = (await t.http().get('/api/pipeline').set(bearer(s.manager)).expect(200)).body;
  }, 180_000);
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
                count(*) FILTER (WHERE x.submitted_at IS NULL AND x.due_at < now() AND NOT a.status = ANY($2))::int AS overdue
           FROM application_assignment x JOIN application a ON a.id = x.application_id
          WHERE a.round_id = $1 AND x.purpose = 'review' AND x.revoked_at IS NULL GROUP BY x.reviewer_id`,
        // a review of an application waiting on the applicant or ended is not overdue (waitingStates)
        [r.roundId, waitingStates()],
      );
      const shown = r.reviewers.map(({ reviewerId, assigned, submitted, overdue }) => ({ reviewerId, assigned, submitted, overdue }));
      expect(shown.sort((a, b) => a.reviewerId.localeCompare(b.reviewerId))).toEqual(rows.sort((a, b) => a.reviewerId.localeCompare(b.reviewerId)));
      overdueSeen += rows.reduce((a, x) => a + x.overdue, 0);
    }
    // the demo's 第11回 has reviewers still scoring after the due date
    expect(overdueSeen).toBeGreaterThan(0);
  });

  it('催促 queues one reviewOverdue mail per overdue review of that reviewer, saying the 審査期限 has passed, audited; a second click within the hour sends nothing', async () => {
    const round = rounds.find((r) => r.reviewers.some((x) => x.overdue > 1))!;
    const shown = round.reviewers.find((x) => x.overdue > 1)!;
    const [{ email }] = await db.query(`SELECT email FROM staff_user WHERE id = $1`, [shown.reviewerId]);
    const path = `/api/pipeline/rounds/${round.roundId}/reviewers/${shown.reviewerId}/remind`;
    // one of the applications is withdrawn meanwhile: its review is no longer owed, and no 催促 goes out for it
    const [ended] = await db.query(
      `SELECT x.id, x.application_id AS "applicationId" FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE a.round_id = $1 AND x.reviewer_id = $2 AND x.purpose = 'review' AND x.revoked_at IS NULL AND x.submitted_at IS NULL AND x.due_at < now()
        LIMIT 1`,
      [round.roundId, shown.reviewerId],
    );
    await db.query(`UPDATE application SET status = 'withdrawn' WHERE id = $1`, [ended.applicationId]);
    const late = { ...shown, overdue: shown.overdue - 1 };

    const res = await t.http().post(path).set(bearer(s.manager)).expect(201);
    expect(res.body).toMatchObject({ roundId: round.roundId, reviewerId: late.reviewerId, queued: late.overdue });
    const mails: { template: string; recipient: string; status: string; assignmentId: string; due: string; roundName: string }[] = await db.query(
      `SELECT template, recipient, status, payload->>'assignmentId' AS "assignmentId", payload->>'reviewDueAt' AS due, payload->>'roundName' AS "roundName"
         FROM notification WHERE id = ANY($1)`,
      [res.body.notificationIds],
    );
    expect(mails).toHaveLength(late.overdue);
    // what the reviewer reads: each mail rendered as the dispatcher renders it, from the template the seed stored
    const notifications = t.app.get(NotificationsRepository);
    const rows: { id: string; template: string; payload: Record<string, unknown>; programName: string }[] = await db.query(
      `SELECT n.id, n.template, n.payload, p.name AS "programName"
         FROM notification n JOIN application a ON a.id = n.application_id JOIN round r ON r.id = a.round_id JOIN program p ON p.id = r.program_id
        WHERE n.id = ANY($1)`,
      [res.body.notificationIds],
    );
    expect(rows).toHaveLength(late.overdue);
    const secretariat = t.app.get<AppConfig>(APP_CONFIG).secretariat;
    for (const n of rows) {
      const template = templateToRender(n.template, await notifications.latestTemplate(n.template))!;
      const mail = renderNotification(n.template, template.text, n, { programName: n.programName, secretariat });
      expect(mail.subject).toBe(`【補助金事務局】審査期限を過ぎています（受付番号 ${n.payload.receiptNumber}）`);
      expect(mail.text).toContain(`${late.name} 様`);
      expect(mail.text).toContain('担当している申請の審査期限を過ぎています');
      expect(mail.text).toContain('至急、審査結果を提出してください');
      expect(mail.text).toContain(`審査期限: ${jstInstant(n.payload.reviewDueAt as string)}`);
      expect(mail.text).toContain(`受付番号: ${n.payload.receiptNumber}`);
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/近づいています|期限までに/);
      // the text the seed stored (version 1), as a running system has it
      expect(template.version).toBe(1);
    }
    for (const m of mails) {
      expect(m).toMatchObject({ template: 'reviewOverdue', recipient: email, status: 'pending', roundName: round.roundName });
      expect(Date.parse(m.due)).toBeLessThan(Date.now());
    }
    expect(mails.map((m) => m.assignmentId).sort()).toEqual([...res.body.assignmentIds].sort());
    expect(res.body.assignmentIds).not.toContain(ended.id);
    const [audit] = await db.query(
      `SELECT actor_id, action, entity_type, entity_id, changes FROM audit_log WHERE action = 'review.remindOverdue' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ actor_id: s.manager.user.id, entity_type: 'staffUser', entity_id: late.reviewerId });
    expect(audit.changes).toMatchObject({ roundId: round.roundId, notificationIds: res.body.notificationIds });

    const again = await t.http().post(path).set(bearer(s.manager)).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'NOTHING_TO_REMIND' });
    expect(again.body.message).toMatch(/期限を過ぎた未提出の審査がありません/);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE template = 'reviewOverdue' AND recipient = $1`, [email]);
    expect(n).toBe(late.overdue);
  });

  it('keeps its counts exact through the demo: every application and live assignment, by state, as a recount of the tables gives them', async () => {
    const c = await expectCountsExact((sql, params) => db.query(sql, params));
    expect(c.kept.length).toBeGreaterThan(20);
    expect(c.keptAssignments.length).toBeGreaterThan(5);
    // the answer's totals are those counts
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application`);
    expect(rounds.reduce((sum, r) => sum + r.total, 0)).toBe(n);
  });

  it('follows multi-row updates, a state change of assigned applications, revocation, re-activation, insertion and deletion; folding changes no figure', async () => {
    const q = db.createQueryRunner();
    await q.connect();
    const query: Query = (sql, params) => q.query(sql, params);
    await q.startTransaction();
    try {
      const assigned: { id: string; status: string; other: string }[] = await q.query(
        `SELECT a.id, a.status, (SELECT b.status FROM application b WHERE b.round_id = a.round_id AND b.status <> a.status LIMIT 1) AS other
           FROM application a WHERE EXISTS (SELECT 1 FROM application_assignment x WHERE x.application_id = a.id AND x.revoked_at IS NULL)
          ORDER BY a.id LIMIT 6`,
      );
      expect(assigned.filter((a) => a.other)).toHaveLength(6);
      const ids = assigned.map((a) => a.id);
      // one statement moving six assigned applications to another state and their 申請額
      await q.query(
        `UPDATE application a SET status = v.other, quoted_amount = a.quoted_amount + 1000, received_at = a.received_at - interval '1 day' FROM unnest($1::uuid[], $2::text[]) v(id, other) WHERE a.id = v.id`,
        [ids, assigned.map((a) => a.other)],
      );
      await expectCountsExact(query);
      // an update that changes no counted column appends nothing
      const [{ before }] = await q.query(`SELECT count(*)::int AS before FROM application_count_change`);
      await q.query(`UPDATE application SET updated_at = now() WHERE id = ANY($1)`, [ids]);
      expect((await q.query(`SELECT count(*)::int AS n FROM application_count_change`))[0].n).toBe(before);

      const [one] = await q.query(
        `SELECT id, application_id, reviewer_id, purpose, due_at FROM application_assignment WHERE application_id = $1 AND revoked_at IS NULL LIMIT 1`,
        [ids[0]],
      );
      await q.query(`UPDATE application_assignment SET submitted_at = now(), due_at = due_at + interval '1 day' WHERE application_id = ANY($1)`, [
        ids.slice(1, 3),
      ]);
      await q.query(`UPDATE application_assignment SET revoked_at = now() WHERE id = $1`, [one.id]);
      await expectCountsExact(query);
      // re-activated as AssignmentsRepository.insert does (ON CONFLICT … DO UPDATE)
      await q.query(
        `INSERT INTO application_assignment (application_id, reviewer_id, purpose, due_at) VALUES ($1, $2, $3, now() + interval '3 days')
         ON CONFLICT (application_id, reviewer_id, purpose) DO UPDATE SET revoked_at = NULL, due_at = EXCLUDED.due_at WHERE application_assignment.revoked_at IS NOT NULL`,
        [one.application_id, one.reviewer_id, one.purpose],
      );
      await expectCountsExact(query);

      // a new application (a copy without 法人番号 and 受付番号), assigned, then both deleted
      const [copy] = await q.query(
        `INSERT INTO application (round_id, category_id, status, workflow_code, workflow_version, applicant_kind, applicant_name, size_class, employee_count, prefecture, email, quoted_amount)
         SELECT round_id, category_id, status, workflow_code, workflow_version, applicant_kind, applicant_name, size_class, employee_count, prefecture, email, quoted_amount
           FROM application WHERE id = $1 RETURNING id`,
        [ids[3]],
      );
      await q.query(`INSERT INTO application_assignment (application_id, reviewer_id, purpose, due_at) VALUES ($1, $2, $3, NULL)`, [
        copy.id,
        one.reviewer_id,
        one.purpose,
      ]);
      await expectCountsExact(query);
      await q.query(`DELETE FROM application_assignment WHERE application_id = $1`, [copy.id]);
      await q.query(`DELETE FROM application WHERE id = $1`, [copy.id]);
      const unfolded = await expectCountsExact(query);

      await q.query(`SELECT fold_pipeline_counts()`);
      expect((await q.query(`SELECT count(*)::int AS n FROM application_count_change`))[0].n).toBe(0);
      expect((await q.query(`SELECT count(*)::int AS n FROM assignment_count_change`))[0].n).toBe(0);
      expect((await q.query(`SELECT count(*)::int AS n FROM application_intake_day_change`))[0].n).toBe(0);
      expect(await expectCountsExact(query)).toEqual(unfolded);
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
    await expectCountsExact((sql, params) => db.query(sql, params));
  });

  it('stays exact when a fold runs while a state change is uncommitted, after it commits, and with two folds at once', async () => {
    const [a, b] = [db.createQueryRunner(), db.createQueryRunner()];
    await Promise.all([a.connect(), b.connect()]);
    const [app]: { id: string; status: string; other: string }[] = await db.query(
      `SELECT a.id, a.status, (SELECT b.status FROM application b WHERE b.status <> a.status LIMIT 1) AS other
         FROM application a WHERE EXISTS (SELECT 1 FROM application_assignment x WHERE x.application_id = a.id) ORDER BY a.id LIMIT 1`,
    );
    try {
      await a.startTransaction();
      await a.query(`UPDATE application SET status = $2 WHERE id = $1`, [app.id, app.other]);
      // a writer only appends changes and locks no count: a fold neither waits for it nor takes its uncommitted change
      await b.query(`SELECT fold_pipeline_counts()`);
      expect((await a.query(`SELECT count(*)::int AS n FROM application_count_change`))[0].n).toBeGreaterThan(0);
      await expectCountsExact((sql, params) => b.query(sql, params));
      await a.commitTransaction();
      await expectCountsExact((sql, params) => b.query(sql, params));
      await Promise.all([a.query(`SELECT fold_pipeline_counts()`), b.query(`SELECT fold_pipeline_counts()`)]);
      await expectCountsExact((sql, params) => db.query(sql, params));
    } finally {
      if (a.isTransactionActive) await a.rollbackTransaction();
      await db.query(`UPDATE application SET status = $2 WHERE id = $1`, [app.id, app.status]);
      await Promise.all([a.release(), b.release()]);
    }
    await expectCountsExact((sql, params) => db.query(sql, params));
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
