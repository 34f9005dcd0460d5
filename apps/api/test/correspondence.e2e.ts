import { DataSource } from 'typeorm';
import { APP_ROLE } from '@jimukyoku/migrations';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, categoryByCode, corporateNumber, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * An application's internal memos (application-memos) and its 問い合わせ log (inquiries): who writes,
 * who reads in which scope (a reviewer only on the applications assigned to them), the audit record of
 * each, and the refusals of bad input in Japanese.
 */
/** The round's 公募開始 in this suite: the inquiries below are dated after it. */
const OPENS_AT = '2026-11-01T10:00:00+09:00';

describe('memos and inquiries of an application', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  /** assigned to the reviewer */
  let mine: string;
  /** not assigned to anyone */
  let other: string;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const api = () => t.http();

  async function submitted() {
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const app = await createDraft(t, draftInput(round, category, { corporateNumber: corporateNumber() }));
    await asIntake(t, app.id, 'submit');
    return app.id;
  }

  beforeAll(async () => {
    t = await startTestApp({ label: 'correspondence' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    // the 公募開始 well before the inquiries dated below (openRound opens it yesterday)
    await db.query(`UPDATE round SET opens_at = $2 WHERE id = $1`, [round.id, OPENS_AT]);
    mine = await submitted();
    other = await submitted();
    await api()
      .post('/api/review-assignments')
      .set(as(s.manager))
      .send({ applicationId: mine, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
  });
  afterAll(() => t?.close());

  describe('memos', () => {
    it('are written by managers and by a reviewer on an application they can see, each with its audit record', async () => {
      const byManager = await api()
        .post('/api/application-memos')
        .set(as(s.manager))
        .send({ applicationId: mine, body: ' 売上台帳の原本を確認予定。 ' })
        .expect(201);
      expect(byManager.body).toMatchObject({ applicationId: mine, authorId: s.manager.user.id, body: '売上台帳の原本を確認予定。' });
      expect(byManager.body.authorName).toBeTruthy();
      const byReviewer = await api().post('/api/application-memos').set(as(s.reviewer)).send({ applicationId: mine, body: '確認書の押印を要確認' }).expect(201);
      await api().post('/api/application-memos').set(as(s.manager)).send({ applicationId: other, body: '別件のメモ' }).expect(201);

      const audits = await db.query(
        `SELECT actor_id, entity_type, entity_id, changes FROM audit_log WHERE action = 'applicationMemo.created' AND changes->>'applicationId' = $1 ORDER BY id`,
        [mine],
      );
      expect(audits).toEqual([
        {
          actor_id: s.manager.user.id,
          entity_type: 'applicationMemo',
          entity_id: byManager.body.id,
          changes: { applicationId: mine, body: '売上台帳の原本を確認予定。' },
        },
        {
          actor_id: s.reviewer.user.id,
          entity_type: 'applicationMemo',
          entity_id: byReviewer.body.id,
          changes: { applicationId: mine, body: '確認書の押印を要確認' },
        },
      ]);
    });

    it('refuses a reviewer on an application not assigned to them (404, nothing stored), and auditors and admins (403)', async () => {
      const before = await db.query(`SELECT count(*)::int AS n FROM application_memo`);
      const res = await api().post('/api/application-memos').set(as(s.reviewer)).send({ applicationId: other, body: '見えない申請' }).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: '指定された申請はありません。' });
      await api().post('/api/application-memos').set(as(s.auditor)).send({ applicationId: mine, body: 'x' }).expect(403);
      await api().post('/api/application-memos').set(as(s.admin)).send({ applicationId: mine, body: 'x' }).expect(403);
      expect(await db.query(`SELECT count(*)::int AS n FROM application_memo`)).toEqual(before);
    });

    it('refuses a blank or too long body and a missing application in Japanese', async () => {
      const blank = await api().post('/api/application-memos').set(as(s.manager)).send({ applicationId: mine, body: '   ' }).expect(400);
      expect(blank.body).toMatchObject({ code: 'INVALID_MEMO', errors: [{ field: 'body', message: 'メモの本文を入力してください' }] });
      const long = await api()
        .post('/api/application-memos')
        .set(as(s.manager))
        .send({ applicationId: mine, body: 'あ'.repeat(4001) })
        .expect(400);
      expect(JSON.stringify(long.body)).toContain('4000文字以内');
      const noApp = await api().post('/api/application-memos').set(as(s.manager)).send({ body: 'x' }).expect(400);
      expect(JSON.stringify(noApp.body)).toContain('申請のID');
    });

    it('are listed per application in thread order; a reviewer reads only those of applications they can see; the auditor reads all', async () => {
      const list = await api()
        .get('/api/application-memos')
        .query({ filter: JSON.stringify({ applicationId: mine }) })
        .set(as(s.auditor))
        .expect(200);
      expect(list.body.map((m: { body: string }) => m.body)).toEqual(['売上台帳の原本を確認予定。', '確認書の押印を要確認']);
      expect(list.headers['content-range']).toBe('application-memos 0-1/2');

      const reviewers = await api().get('/api/application-memos').set(as(s.reviewer)).expect(200);
      expect(new Set(reviewers.body.map((m: { applicationId: string }) => m.applicationId))).toEqual(new Set([mine]));
      const [{ id: hidden }] = await db.query(`SELECT id FROM application_memo WHERE application_id = $1`, [other]);
      await api().get(`/api/application-memos/${hidden}`).set(as(s.reviewer)).expect(404);
      await api().get(`/api/application-memos/${hidden}`).set(as(s.auditor)).expect(200);
      await api().get('/api/application-memos/not-a-uuid').set(as(s.manager)).expect(404);
      const bad = await api()
        .get('/api/application-memos')
        .query({ filter: JSON.stringify({ body: 'x' }) })
        .set(as(s.manager))
        .expect(400);
      expect(bad.body.code).toBe('INVALID_LIST_QUERY');
    });

    it('cannot be changed or removed by the application role (append-only)', async () => {
      const runner = db.createQueryRunner();
      try {
        for (const sql of [`UPDATE application_memo SET body = 'changed'`, `DELETE FROM application_memo`]) {
          await runner.startTransaction();
          await runner.query(`SET LOCAL ROLE ${APP_ROLE}`);
          await expect(runner.query(sql)).rejects.toThrow(/permission denied/);
          await runner.rollbackTransaction();
        }
      } finally {
        await runner.release();
      }
    });
  });

  describe('inquiries', () => {
    const inquiry = (overrides: Record<string, unknown> = {}) => ({
      applicationId: mine,
      occurredAt: '2026-12-01T10:30:00+09:00',
      channel: 'phone',
      direction: 'inbound',
      summary: '補正期限の確認。メール記載の期限どおりと回答。',
      ...overrides,
    });

    it('are recorded by managers with the staff member and audited; a reviewer cannot record one', async () => {
      const res = await api().post('/api/inquiries').set(as(s.manager)).send(inquiry()).expect(201);
      expect(res.body).toMatchObject({
        applicationId: mine,
        channel: 'phone',
        direction: 'inbound',
        staffId: s.manager.user.id,
        summary: '補正期限の確認。メール記載の期限どおりと回答。',
      });
      expect(new Date(res.body.occurredAt).toISOString()).toBe('2026-12-01T01:30:00.000Z');
      expect(res.body.staffName).toBeTruthy();
      await api()
        .post('/api/inquiries')
        .set(as(s.manager))
        .send(inquiry({ occurredAt: '2026-12-02T09:00:00+09:00', channel: 'email', direction: 'outbound', summary: '不足書類の提出を依頼' }))
        .expect(201);
      await api()
        .post('/api/inquiries')
        .set(as(s.manager))
        .send(inquiry({ applicationId: other, channel: 'counter', summary: '窓口で書類を受領' }))
        .expect(201);
      const [audit] = await db.query(`SELECT actor_id, entity_type, changes FROM audit_log WHERE action = 'inquiry.recorded' AND entity_id = $1`, [
        res.body.id,
      ]);
      expect(audit).toMatchObject({
        actor_id: s.manager.user.id,
        entity_type: 'inquiry',
        changes: { applicationId: mine, channel: 'phone', direction: 'inbound', occurredAt: '2026-12-01T01:30:00.000Z' },
      });
      await api().post('/api/inquiries').set(as(s.reviewer)).send(inquiry()).expect(403);
      await api().post('/api/inquiries').set(as(s.auditor)).send(inquiry()).expect(403);
    });

    it.each([
      ['a time without offset', { occurredAt: '2026-12-01T10:30:00' }, 'occurredAt'],
      ['a time in the future', { occurredAt: '2099-01-01T00:00:00+09:00' }, '未来'],
      ['a time in 1900', { occurredAt: '1900-01-01T00:00:00+09:00' }, '公募開始より前'],
      ['a time a second before the 公募開始', { occurredAt: '2026-11-01T09:59:59+09:00' }, '2026年11月1日(日) 10:00:00（公募開始）から現在'],
      ['an unknown channel', { channel: 'fax' }, '電話'],
      ['an unknown direction', { direction: 'both' }, '受信'],
      ['a blank summary', { summary: ' ' }, '要旨を入力してください'],
      ['an unknown application', { applicationId: '00000000-0000-4000-8000-000000000000' }, '指定された申請はありません'],
    ])('refuses %s in Japanese and stores nothing', async (_case, overrides, words) => {
      const before = await db.query(`SELECT count(*)::int AS n FROM inquiry`);
      const res = await api().post('/api/inquiries').set(as(s.manager)).send(inquiry(overrides));
      expect([400, 404]).toContain(res.status);
      expect(res.body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(JSON.stringify(res.body)).toContain(words);
      expect(await db.query(`SELECT count(*)::int AS n FROM inquiry`)).toEqual(before);
    });

    it('name the range allowed when dated outside it: from the 公募開始 until now (JST), 400 with the field', async () => {
      for (const occurredAt of ['1900-01-01T00:00:00+09:00', '2099-01-01T00:00:00+09:00']) {
        const res = await api().post('/api/inquiries').set(as(s.manager)).send(inquiry({ occurredAt })).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_INQUIRY', errors: [{ field: 'occurredAt' }] });
        expect(res.body.message).toMatch(
          /2026年11月1日\(日\) 10:00:00（公募開始）から現在（\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}）までの日時を入力してください。$/,
        );
      }
      // at the 公募開始 itself, and now: taken
      const fresh = await submitted();
      await api()
        .post('/api/inquiries')
        .set(as(s.manager))
        .send(inquiry({ applicationId: fresh, occurredAt: OPENS_AT }))
        .expect(201);
      await api()
        .post('/api/inquiries')
        .set(as(s.manager))
        .send(inquiry({ applicationId: fresh, occurredAt: new Date().toISOString() }))
        .expect(201);
    });

    it('about a draft made before the 公募開始, may be dated from its creation', async () => {
      const category = await categoryByCode(t, round, 'restructuring.standard');
      const draft = await createDraft(t, draftInput(round, category, { corporateNumber: corporateNumber() }));
      await db.query(`UPDATE application SET created_at = '2026-10-20T09:00:00+09:00' WHERE id = $1`, [draft.id]);
      const taken = inquiry({ applicationId: draft.id, occurredAt: '2026-10-25T11:00:00+09:00' });
      await api().post('/api/inquiries').set(as(s.manager)).send(taken).expect(201);
      const early = await api()
        .post('/api/inquiries')
        .set(as(s.manager))
        .send({ ...taken, occurredAt: '2026-10-20T08:59:59+09:00' })
        .expect(400);
      expect(early.body.message).toContain('問い合わせの日時が申請の作成より前です。2026年10月20日(火) 09:00:00（申請の作成）から現在');
    });

    it('are listed newest first, filtered by application and channel; a reviewer sees only those of their applications', async () => {
      const list = await api()
        .get('/api/inquiries')
        .query({ filter: JSON.stringify({ applicationId: mine }) })
        .set(as(s.auditor))
        .expect(200);
      expect(list.body.map((i: { summary: string }) => i.summary)).toEqual(['不足書類の提出を依頼', '補正期限の確認。メール記載の期限どおりと回答。']);
      const phone = await api()
        .get('/api/inquiries')
        .query({ filter: JSON.stringify({ applicationId: mine, channel: ['phone'] }) })
        .set(as(s.manager))
        .expect(200);
      expect(phone.body).toHaveLength(1);
      const reviewers = await api().get('/api/inquiries').set(as(s.reviewer)).expect(200);
      expect(reviewers.body).toHaveLength(2);
      expect(reviewers.body.every((i: { applicationId: string }) => i.applicationId === mine)).toBe(true);
      const [{ id: hidden }] = await db.query(`SELECT id FROM inquiry WHERE application_id = $1`, [other]);
      await api().get(`/api/inquiries/${hidden}`).set(as(s.reviewer)).expect(404);
      const got = await api().get(`/api/inquiries/${hidden}`).set(as(s.manager)).expect(200);
      expect(got.body.channel).toBe('counter');
    });
  });
});
