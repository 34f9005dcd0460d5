import { DataSource } from 'typeorm';
import { DispatchNotificationsJob } from '../src/modules/notifications/dispatch-notifications.job';
import { RemindCommercializationReportsJob } from '../src/modules/schedules/remind-commercialization-reports.job';
import type { LoggedIn } from './auth-helpers';
import { amountFixedYearsAgo, currentFiscalYear } from './commercialization-fixtures';
import type { TestApp } from './harness';
import { payThroughBatch } from './payment-fixtures';
import { amountFixed as fixedProject, startPostAwardEnv, type PostAwardEnv } from './post-award-fixtures';

/**
 * The yearly 事業化状況報告 (docs/post-award.md "事業化状況報告の予定"): five due dates from the 額の確定, the applicant's
 * report fulfilling the next one, a reminder once per report however often the job runs, and the managers' overdue list.
 */
describe('事業化状況報告: schedule, reminders, overdue list', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let channel: { id: string; apiKey: string };
  let e: PostAwardEnv;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const portal = (path: string) => t.http().post(`/api/intake/applications/${path}`).set('X-Api-Key', channel.apiKey);
  const staff = (who: LoggedIn, method: 'post' | 'put' | 'get', path: string) => t.http()[method](`/api/applications/${path}`).set(as(who));
  const jstDay = async (sql: string) => (await db.query(`SELECT to_char(${sql}, 'YYYY-MM-DD') AS d`))[0].d as string;
  const reminders = async (id: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1 AND template = 'commercializationReportReminder'`, [id]))[0]
      .n as number;

  /** A portal application on subsidy@2 driven through the post-award routes to 額確定. */
  const amountFixed = async (): Promise<string> => (await fixedProject(e)).id;

  beforeAll(async () => {
    e = await startPostAwardEnv('commercialization-reports', { workerEnabled: true });
    ({ t, db, s, channel } = e);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('額の確定 schedules five yearly reports one year apart from its JST day; each report fulfils the next due one', async () => {
    const id = await amountFixed();
    const page = await staff(s.manager, 'get', `${id}/post-award`).expect(200);
    const today = await jstDay(`now() AT TIME ZONE 'Asia/Tokyo'`);
    const expected = await Promise.all([1, 2, 3, 4, 5].map((n) => jstDay(`(now() AT TIME ZONE 'Asia/Tokyo')::date + interval '${n} years'`)));
    expect(page.body.commercializationReports.map((r: { sequence: number; dueDate: string }) => [r.sequence, r.dueDate])).toEqual(
      expected.map((d, i) => [i + 1, d]),
    );
    expect(expected[0]!.slice(4)).toBe(today.slice(4) === '-02-29' ? '-02-28' : today.slice(4));

    await payThroughBatch(t, s.manager.token, [id]);
    // a 年度 runs April to March: the amount fixed today, its 年度 is the current one, the only one it may report yet
    const [{ fy }] = await db.query(`SELECT extract(year FROM (now() AT TIME ZONE 'Asia/Tokyo') - interval '3 months')::int AS fy`);
    // a year before the project ended reports nothing of its commercialisation (the probe filed FY2025 for a
    // project fixed in FY2026, and earlier years after it, closing five years of reporting within seconds)
    const before = await portal(`${id}/commercialization-reports`)
      .send({ fiscalYear: fy - 1, sales: 1 })
      .expect(422);
    expect(before.body).toMatchObject({ code: 'FISCAL_YEAR_BEFORE_PROJECT_END', field: 'fiscalYear', firstFiscalYear: fy, currentFiscalYear: fy });
    expect(before.body.message).toContain(`事業化状況報告の対象年度として指定できるのは${fy}年度です。`);
    await portal(`${id}/commercialization-reports`).send({ fiscalYear: fy, sales: 12_000_000 }).expect(200);
    // the same 年度 again would stand for the next report: refused, naming the day it was filed
    const again = await portal(`${id}/commercialization-reports`).send({ fiscalYear: fy, sales: 13_000_000 }).expect(409);
    expect(again.body).toMatchObject({
      code: 'FISCAL_YEAR_ALREADY_REPORTED',
      field: 'fiscalYear',
      message: expect.stringContaining(`${fy}年度の事業化状況報告は`),
    });
    // a 年度 begins on 1 April: the one after the current has not begun
    const early = await portal(`${id}/commercialization-reports`)
      .send({ fiscalYear: fy + 1, sales: 1 })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'FISCAL_YEAR_NOT_BEGUN', currentFiscalYear: fy });
    expect(early.body.message).toContain(`${fy + 1}年度はまだ始まっていません`);
    const filed = await db.query(`SELECT count(*)::int AS n FROM post_award_filing WHERE application_id = $1 AND step = 'commercializationReport'`, [id]);
    expect(filed[0].n).toBe(1);
    const after = await staff(s.auditor, 'get', `${id}/post-award`).expect(200);
    const [first, second] = after.body.commercializationReports;
    expect(first.reportedAt).toEqual(expect.any(String));
    expect(second.reportedAt).toBeNull();
  });

  it('the fifth report ends the reporting period (報告期間終了), fired by the system with it; a sixth fulfils nothing', async () => {
    const id = await amountFixed();
    await payThroughBatch(t, s.manager.token, [id]);
    // five years on from the 額の確定: its 年度 and the four after it may be reported, the current one too
    await amountFixedYearsAgo(db, id, 5);
    const fy = currentFiscalYear();
    const refused = await portal(`${id}/commercialization-reports`)
      .send({ fiscalYear: fy - 6, sales: 1 })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'FISCAL_YEAR_BEFORE_PROJECT_END', firstFiscalYear: fy - 5, currentFiscalYear: fy });
    expect(refused.body.message).toContain(`指定できるのは${fy - 5}年度から${fy}年度までです。`);
    for (const [i, year] of [fy - 5, fy - 4, fy - 3, fy - 2].entries()) {
      const filed = await portal(`${id}/commercialization-reports`)
        .send({ fiscalYear: year, sales: 10_000_000 + i })
        .expect(200);
      expect(filed.body.status).toBe('commercializationReporting');
    }
    const last = await portal(`${id}/commercialization-reports`)
      .send({ fiscalYear: fy - 1, sales: 20_000_000 })
      .expect(200);
    expect(last.body).toMatchObject({ status: 'reportingCompleted', statusLabel: '報告期間終了' });
    const [closed] = await db.query(
      `SELECT actor_role, actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.closeCommercializationReporting'`,
      [id],
    );
    expect(closed).toMatchObject({ actor_role: 'system', actor_id: null });
    expect(closed.changes.lastReportFilingId).toEqual(expect.any(String));
    // the period is over: a further report is refused by the workflow, nothing is written
    await portal(`${id}/commercialization-reports`).send({ fiscalYear: fy, sales: 1 }).expect(409);
  });

  it('a reminder goes out once per report N days before its due date, even when the job runs twice at once and again', async () => {
    const id = await amountFixed();
    await payThroughBatch(t, s.manager.token, [id]);
    const job = t.app.get(RemindCommercializationReportsJob);
    await Promise.all([job.handle(), job.handle()]);
    expect(await reminders(id)).toBe(0); // the first is a year away
    // the first report falls due within the 30 days (COMMERCIALIZATION_REMINDER_DAYS)
    await db.query(`UPDATE commercialization_report SET due_date = (now() AT TIME ZONE 'Asia/Tokyo')::date + 10 WHERE application_id = $1 AND sequence = 1`, [
      id,
    ]);
    await Promise.all([job.handle(), job.handle()]);
    await job.handle();
    expect(await reminders(id)).toBe(1);
    const [mail] = await db.query(`SELECT payload, recipient FROM notification WHERE application_id = $1 AND template = 'commercializationReportReminder'`, [
      id,
    ]);
    expect(mail.payload.reportDueDate).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日\(.\)$/);
    // and the mail as sent states it (it once read 提出期限: （なし）: the renderer did not pass it on)
    await t.app.get(DispatchNotificationsJob).handle();
    const [sent] = await db.query(
      `SELECT body_text AS "bodyText" FROM notification WHERE application_id = $1 AND template = 'commercializationReportReminder'`,
      [id],
    );
    expect(sent.bodyText).toContain(`提出期限: ${mail.payload.reportDueDate}`);
    // the second report comes due later: its own reminder, once
    await db.query(`UPDATE commercialization_report SET due_date = (now() AT TIME ZONE 'Asia/Tokyo')::date + 30 WHERE application_id = $1 AND sequence = 2`, [
      id,
    ]);
    await Promise.all([job.handle(), job.handle()]);
    expect(await reminders(id)).toBe(2);
  });

  it('overdue reports are listed for managers (react-admin style, Content-Range); a filed one is not', async () => {
    const late = await amountFixed();
    const onTime = await amountFixed();
    for (const id of [late, onTime]) {
      await payThroughBatch(t, s.manager.token, [id]);
      await db.query(`UPDATE commercialization_report SET due_date = (now() AT TIME ZONE 'Asia/Tokyo')::date - 3 WHERE application_id = $1 AND sequence = 1`, [
        id,
      ]);
    }
    await portal(`${onTime}/commercialization-reports`).send({ fiscalYear: currentFiscalYear(), sales: 1 }).expect(200);

    const filter = encodeURIComponent(JSON.stringify({ state: 'overdue' }));
    const res = await t.http().get(`/api/commercialization-reports?filter=${filter}&range=[0,99]`).set(as(s.manager)).expect(200);
    const ids = res.body.map((r: { applicationId: string }) => r.applicationId);
    expect(ids).toContain(late);
    expect(ids).not.toContain(onTime);
    expect(res.headers['content-range']).toMatch(new RegExp(`^commercialization-reports 0-\\d+/${res.body.length}$`));
    expect(res.body.find((r: { applicationId: string }) => r.applicationId === late)).toMatchObject({ sequence: 1, reportedAt: null });
    await t.http().get(`/api/commercialization-reports?filter=${filter}`).set(as(s.reviewer)).expect(403);
    const bad = await t
      .http()
      .get(`/api/commercialization-reports?filter=${encodeURIComponent('{"state":"late"}')}`)
      .set(as(s.manager))
      .expect(400);
    expect(bad.body.code).toBe('INVALID_LIST_QUERY');
  });
});
