import { randomUUID } from 'node:crypto';
import { formatJst } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import type { Round } from '../src/modules/rounds/round.entity';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, itApplicationPayload, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';

/**
 * A decision is told to the applicant when its held notice is released at the round's 採択発表 (IT導入: the 交付決定日),
 * README "Status page": until then the status page and the portal's reading show the application as it stood before
 * it, and no step may follow it — the portal's 実績報告 of an IT導入 交付決定, a 取下げ after a 補欠 — (409 naming the date).
 */
describe('a decision is disclosed at its announcement, not before', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let apiKey: string;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const portal = (path: string) => t.http().post(`/api/intake/applications/${path}`).set('X-Api-Key', apiKey).set('Idempotency-Key', randomUUID());
  const portalStatus = async (id: string) => (await t.http().get(`/api/intake/applications/${id}`).set('X-Api-Key', apiKey).expect(200)).body;
  const page = async (statusUrl: string) =>
    (
      await t
        .http()
        .get(new URL(statusUrl).pathname)
        .set('X-Forwarded-For', `198.51.100.${Math.floor(Math.random() * 250)}`)
        .expect(200)
    ).text;
  const announce = async (round: Round) => {
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 minute', announcement_to = now() WHERE id = $1`, [round.id]);
    // what the dispatcher does every second
    await t.app.get(NotificationsRepository).releaseDueHeld();
  };
  const templatesOf = async (id: string) =>
    (await db.query(`SELECT template, status FROM notification WHERE application_id = $1 ORDER BY created_at, id`, [id])) as {
      template: string;
      status: string;
    }[];

  beforeAll(async () => {
    t = await startTestApp({ label: 'decision_disclosure', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  describe('IT導入: the 交付決定 and 不交付 wait for the round’s 交付決定日', () => {
    let round: Round;
    const apply = async (name: string) => {
      const body = itApplicationPayload(round, await uploadRequired(t, apiKey, ['businessPlan']), { name });
      const receipt = (await portal('').send(body).expect(201)).body as { id: string; statusUrl: string };
      // the 要件確認's 適, recorded as the checklist records it (it-subsidy-journey.e2e.ts drives the checklist itself)
      await db.query(`UPDATE application SET formal_check = '{"passed": true, "failedItems": []}'::jsonb WHERE id = $1`, [receipt.id]);
      return receipt;
    };
    const report = (id: string, evidence: string[]) =>
      portal(`${id}/performance-report`).send({ expenses: [{ expenseType: 'software', amount: 600_000, description: '会計ソフト' }], attachmentIds: evidence });

    beforeAll(async () => {
      round = await openRound(t, 'itIntroduction.r3-sup');
    });

    it('a 交付決定 shows as 交付申請 on the page and to the portal, and its 実績報告 is refused, until the 交付決定日', async () => {
      const app = await apply('株式会社つばき会計');
      await t.http().post(`/api/applications/${app.id}/grant-decision`).set(as(s.manager)).send({}).expect(200);
      expect(await templatesOf(app.id)).toEqual([
        { template: 'received', status: 'pending' },
        { template: 'grantDecided', status: 'held' },
      ]);

      // what the applicant may know: the 交付申請 under review
      expect(await portalStatus(app.id)).toMatchObject({ status: 'grantApplied' });
      const before = await page(app.statusUrl);
      expect(before).toContain('交付申請を受け付けました');
      expect(before).not.toContain('交付が決定しました');
      expect(before).not.toMatch(/決定した金額|交付決定額/);
      // staff see the decision as it is
      expect((await t.http().get(`/api/applications/${app.id}`).set(as(s.manager)).expect(200)).body.status).toBe('grantDecided');

      // the portal cannot file the step after a decision it was not told: refused, naming the date, nothing written
      const evidence = await uploadRequired(t, apiKey, ['other']);
      const refused = await report(app.id, evidence).expect(409);
      expect(refused.body).toMatchObject({ code: 'NOT_YET_ANNOUNCED' });
      expect(refused.body.message).toContain(formatJst(round.announcementFrom!));
      expect(await templatesOf(app.id)).toHaveLength(2);
      expect(await db.query(`SELECT status FROM application WHERE id = $1`, [app.id])).toEqual([{ status: 'grantDecided' }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM post_award_filing WHERE application_id = $1`, [app.id])).toEqual([{ n: 0 }]);

      // the 交付決定日 comes and the notice is released: the page, the portal and the step follow it
      await announce(round);
      expect((await templatesOf(app.id))[1]).toEqual({ template: 'grantDecided', status: 'pending' });
      expect(await portalStatus(app.id)).toMatchObject({ status: 'grantDecided' });
      const after = await page(app.statusUrl);
      expect(after).toContain('交付が決定しました');
      expect(after).toContain('交付決定額');
      expect((await report(app.id, evidence).expect(200)).body).toMatchObject({ status: 'performanceReported' });
    });

    it('a 不交付 shows as 交付申請 until the 交付決定日, and its 取下げ is refused as not yet announced, not as 「不交付」', async () => {
      await db.query(`UPDATE round SET announcement_from = now() + interval '60 days', announcement_to = now() + interval '70 days' WHERE id = $1`, [round.id]);
      const app = await apply('株式会社ひいらぎ商店');
      await t.http().post(`/api/applications/${app.id}/transitions/refuseGrant`).set(as(s.manager)).send({ reason: '対象外のITツールです' }).expect(200);
      expect(await portalStatus(app.id)).toMatchObject({ status: 'grantApplied' });
      const before = await page(app.statusUrl);
      expect(before).toContain('交付申請を受け付けました');
      expect(before).not.toContain('不交付');
      const withdrawal = await portal(`${app.id}/withdrawal`).send({ reason: '辞退します' }).expect(409);
      expect(withdrawal.body.code).toBe('NOT_YET_ANNOUNCED');
      expect(withdrawal.body.message).not.toContain('不交付');
      // a body the step refuses whatever the state is refused alike for an application still under review: no tell
      const undecided = await apply('株式会社未決定');
      const bare = async (id: string) => (await portal(`${id}/withdrawal`).send({}).expect(422)).body;
      expect(await bare(app.id)).toEqual(await bare(undecided.id));

      await announce(round);
      expect(await portalStatus(app.id)).toMatchObject({ status: 'notGranted' });
      expect(await page(app.statusUrl)).toContain('不交付');
    });
  });

  describe('補助金: a 補欠 then 繰上げ before the 採択発表', () => {
    it('shows 審査完了 (never 補欠 nor 採択) and refuses the 取下げ and the 交付申請 until the 採択発表', async () => {
      const round = await openRound(t);
      const body = validPayload(round, await uploadRequired(t, apiKey));
      const app = (await portal('').send(body).expect(201)).body as { id: string; statusUrl: string };
      await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);
      const transitions = t.app.get(TransitionsService);
      const manager = { role: 'manager' as const, id: s.manager.user.id };
      await transitions.fire(app.id, 'waitlist', manager, { byDecision: true });
      await transitions.fire(app.id, 'promoteFromWaitlist', manager, { byDecision: true });
      expect((await templatesOf(app.id)).map((n) => `${n.template}:${n.status}`)).toEqual(['received:pending', 'waitlisted:cancelled', 'adopted:held']);

      expect(await portalStatus(app.id)).toMatchObject({ status: 'reviewed' });
      const before = await page(app.statusUrl);
      expect(before).toContain('審査完了');
      expect(before).not.toContain('補欠');
      expect(before).toContain('採択の決定を待っています');
      expect(before).not.toContain('採択されました');
      expect((await portal(`${app.id}/withdrawal`).send({ reason: '辞退します' }).expect(409)).body.code).toBe('NOT_YET_ANNOUNCED');
      const grant = await portal(`${app.id}/grant-application`)
        .send({ expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '5軸加工機' }] })
        .expect(409);
      expect(grant.body.message).toContain(formatJst(round.announcementFrom!));

      await announce(round);
      expect(await portalStatus(app.id)).toMatchObject({ status: 'adopted' });
      expect(await page(app.statusUrl)).toContain('補助金交付候補者として採択されました');
    });
  });
});
