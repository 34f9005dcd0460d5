import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { expectErrorBody } from './error-body';
import { startTestApp, TestApp } from './harness';
import { openRound } from './application-fixtures';
import { createChannel, submitValid, tempStorageDir, validPayload } from './intake-fixtures';

/**
 * Text and ids JavaScript reads and PostgreSQL does not (or reads as another string than the one sent), each
 * found answering 500 by fuzzing: offsets past ±15:59, the year 0000, ids past bigint, upper-case UUIDs,
 * lone surrogates; and text a person must write that says nothing (blank, invisible), found by probing. The rest
 * of the hostile input is hostile-input.e2e.ts.
 */
describe('hostile text and ids', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });

  beforeAll(async () => {
    t = await startTestApp({ label: 'hostile-text', listen: true, overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const firstRound = async (): Promise<Round> => (await t.http().get('/api/rounds').set(as('manager')).expect(200)).body[0];
  /** A submission through a new channel whose applicant is named `name`: the answer, and how many applications the channel then holds. */
  const submitNamed = async (channelName: string, name: string) => {
    const channel = await createChannel(t, s.admin.token, channelName);
    const payload = validPayload(await firstRound(), [randomUUID()]);
    const res = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', channel.apiKey)
      .set('Idempotency-Key', randomUUID())
      .send({ ...payload, applicant: { ...payload.applicant, name } });
    const [{ n: stored }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE channel_id = $1`, [channel.id]);
    return { res, stored: stored as number };
  };

  describe('blank text', () => {
    // white space alone, ideographic spaces, a zero-width space: MinLength(1) let each through, and a name
    // trimmed afterwards was stored empty
    const BLANKS = ['   ', '\u3000\u3000', '\u200b', ' \u200e\t'];

    it.each(BLANKS)('refuses %j where a person must write something (a name, a reason), storing nothing', async (blank) => {
      const users = async () => (await db.query(`SELECT count(*)::int AS n FROM staff_user`))[0].n as number;
      const before = await users();
      const user = await t
        .http()
        .post('/api/users')
        .set(as('admin'))
        .send({ email: `blank-${randomUUID()}@example.jp`, name: blank, role: 'reviewer' });
      expectErrorBody(user, 400, 'VALIDATION_FAILED');
      expect(user.body.errors).toEqual([{ field: 'name', message: 'name (氏名) を入力してください' }]);
      expect(await users()).toBe(before);
      expectErrorBody(await t.http().post('/api/intake-channels').set(as('admin')).send({ name: blank }), 400, 'VALIDATION_FAILED');
      const round = await firstRound();
      expectErrorBody(await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ name: blank }), 400, 'VALIDATION_FAILED');
      expect((await firstRound()).name).toBe(round.name);
      const reopen = await t.http().post(`/api/score-sheets/${randomUUID()}/reopen`).set(as('manager')).send({ reason: blank });
      expectErrorBody(reopen, 400, 'VALIDATION_FAILED');
      expect(reopen.body.errors).toEqual([{ field: 'reason', message: 'reason (再開の理由) を入力してください' }]);
    });

    it('says a missing reason is missing, once (it also said 「…が長すぎます」)', async () => {
      const reopen = await t.http().post(`/api/score-sheets/${randomUUID()}/reopen`).set(as('manager')).send({});
      expect(reopen.body.message).toBe('入力内容に誤りがあります: reason (再開の理由) を入力してください');
    });
  });

  describe('values JavaScript reads and PostgreSQL does not', () => {
    it.each([
      ['/api/applications', 'manager', { receivedFrom: '2022-01-01T00:00:00+16:00' }],
      ['/api/inquiries', 'manager', { occurredFrom: '2022-01-01T00:00:00-23:59' }],
      ['/api/audit-logs', 'auditor', { occurredTo: '9999-12-31T23:59:59-23:59' }],
      ['/api/audit-logs', 'auditor', { occurredFrom: '0000-01-01T00:00:00Z' }],
    ] as const)('%s refuses the instant in %j with 400 naming the field', async (path, who, filter) => {
      const res = await t
        .http()
        .get(path)
        .query({ filter: JSON.stringify(filter) })
        .set(as(who));
      expectErrorBody(res, 400, 'INVALID_LIST_QUERY');
      expect(res.body.errors[0].field).toBe(`filter.${Object.keys(filter)[0]}`);
    });

    it.each(['0001-01-01T00:00:00+09:00', '0050-06-15T00:00:00Z'])('reads %s, a day of the calendar PostgreSQL keeps, as a filter', async (from) => {
      const res = await t
        .http()
        .get('/api/audit-logs')
        .query({ filter: JSON.stringify({ occurredFrom: from }) })
        .set(as('auditor'));
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
    });

    it('an audit record id beyond bigint is not found (404)', async () => {
      for (const id of ['9223372036854775808', '1'.repeat(200)]) expectErrorBody(await t.http().get(`/api/audit-logs/${id}`).set(as('auditor')), 404);
    });
  });

  describe('a UUID in upper case', () => {
    it('names the same round as in lower case: the round, its ranking and its rubrics', async () => {
      const round = await firstRound();
      const offered = (await t.http().get(`/api/rounds/${round.id}`).set(as('manager')).expect(200)).body.categories[0];
      const upper = round.id.toUpperCase();
      const got = await t.http().get(`/api/rounds/${upper}`).set(as('manager')).expect(200);
      expect(got.body.id).toBe(round.id);
      const ranking = (id: string, categoryId: string) => t.http().get(`/api/rounds/${id}/ranking`).query({ categoryId }).set(as('manager'));
      const lower = await ranking(round.id, offered.categoryId);
      expect(lower.status).toBe(200);
      const shouted = await ranking(upper, offered.categoryId.toUpperCase());
      expect({ status: shouted.status, body: shouted.body }).toEqual({ status: 200, body: lower.body });
      const rubrics = (roundId: string) =>
        t
          .http()
          .get('/api/review-rubrics')
          .query({ filter: JSON.stringify({ roundId }) })
          .set(as('manager'));
      const rubricsLower = await rubrics(round.id);
      const rubricsUpper = await rubrics(upper);
      expect({ status: rubricsUpper.status, body: rubricsUpper.body }).toEqual({ status: 200, body: rubricsLower.body });
    });

    it('auto-assigns the round named in upper case as in lower case', async () => {
      const round = await openRound(t);
      const channel = await createChannel(t, s.admin.token, '大文字の窓口');
      const submitted = await submitValid(t, channel.apiKey, round);
      const autoAssign = (roundId: string) => t.http().post(`/api/rounds/${roundId}/assignments/auto`).set(as('manager')).send({ purpose: 'formalCheck' });
      const shouted = await autoAssign(round.id.toUpperCase());
      expect(shouted.status).toBe(200);
      expect(shouted.body).toMatchObject({ purpose: 'formalCheck', applications: 1, assigned: 1 });
      const assigned = await db.query(`SELECT count(*)::int AS n FROM application_assignment WHERE application_id = $1`, [submitted.id]);
      expect(assigned[0].n).toBe(1);
      // the same round in lower case: its one application already has its reviewer
      expect((await autoAssign(round.id).expect(200)).body).toMatchObject({ applications: 0, assigned: 0 });
    });
  });

  describe('characters that reorder the text around them (U+202E)', () => {
    it('refuses a name shown as another than the one stored: intake 422, a round 400, storing nothing', async () => {
      const { res, stored } = await submitNamed('表示順の窓口', '株式会社ABC\u202eXYZ');
      expectErrorBody(res, 422);
      expect(res.body.errors[0]).toMatchObject({ field: 'applicant.name', message: expect.stringContaining('表示順を入れ替える制御文字') });
      expect(stored).toBe(0);
      const round = await firstRound();
      const renamed = await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ name: '第1回\u2067公募' });
      expectErrorBody(renamed, 400, 'VALIDATION_FAILED');
      expect((await firstRound()).name).toBe(round.name);
    });
  });

  describe('lone surrogates (half a character, which jsonb and UTF-8 cannot hold)', () => {
    it('refuses one in a body text with 400 naming the field, and the round is unchanged', async () => {
      const round = await firstRound();
      const res = await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ name: '第1回\ud800' });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0].field).toBe('name');
      expect((await t.http().get(`/api/rounds/${round.id}`).set(as('manager')).expect(200)).body.name).toBe(round.name);
    });

    it('refuses one in an e-mail address before the address is checked', async () => {
      const res = await t.http().post(`/api/notifications/${randomUUID()}/resend`).set(as('manager')).send({ recipient: 'a\udfff@example.jp' });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0].field).toBe('recipient');
    });

    it('answers intake with 422 and stores no application', async () => {
      const { res, stored } = await submitNamed('サロゲートの窓口', '株式会社\ud800');
      expectErrorBody(res, 422);
      expect(res.body.errors[0].field).toBe('applicant.name');
      expect(stored).toBe(0);
    });
  });
});
