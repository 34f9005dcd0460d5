import { COMPANY_NAME_ALIASES, normalizeSearchText } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { AuditLogEntry } from '../src/modules/audit/audit-log.entity';
import { AuditRepository, DESCRIBED_ENTITY_TYPES } from '../src/modules/audit/audit.repository';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, assign, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * Plain Japanese instead of codes: 事業者名 search normalised alike on both sides (normalizeSearchText in
 * libs/domain and search_normalize in SQL, which must agree), audit records answered with the actor's
 * name and their record's label (an auditor cannot read /api/users), rounds named with their programme,
 * and react-admin's getMany (a list by `filter.id` without a range) answered with every id asked for.
 */
describe('names instead of codes: search, audit names, rounds, getMany', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });
  const list = (who: keyof typeof s, path: string, filter: object, range?: [number, number]) =>
    t
      .http()
      .get(path)
      .query({ filter: JSON.stringify(filter), ...(range ? { range: JSON.stringify(range) } : {}) })
      .set(as(who));
  const nameOf = async (id: string) => (await db.query(`SELECT name FROM staff_user WHERE id = $1`, [id]))[0].name as string;

  let receipts = 0;
  const submitted = async (applicantName: string) => {
    const draft = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { applicantName }));
    await asIntake(t, draft.id, 'submit');
    // the fixtures submit without the intake channel, which numbers applications: number it as intake would
    await db.query(`UPDATE application SET receipt_number = $2 WHERE id = $1`, [draft.id, `RES${round.number}-${String(++receipts).padStart(8, '0')}`]);
    const [row] = await db.query(`SELECT id, receipt_number AS "receiptNumber", applicant_name AS "applicantName" FROM application WHERE id = $1`, [draft.id]);
    return row as { id: string; receiptNumber: string; applicantName: string };
  };

  beforeAll(async () => {
    t = await startTestApp({ label: 'names' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
  });
  afterAll(() => t?.close());

  describe('normalizeSearchText (TypeScript) and search_normalize (SQL) agree', () => {
    const inputs = [
      'ＲＥＳ１１－００００００１２',
      'RES11-00000012',
      '株式会社　富士精機',
      '（株）富士精機',
      '㈱富士精機',
      '富士精機㍿',
      ' ( 株 ) 富士\t精機\n',
      '㈲昭和木工',
      '（有）昭和木工',
      '合同会社 海風食品',
      '（一社）地域振興会',
      'ﾌｼﾞｾｲｷ',
      'ABC Trading Ｃｏ．',
      'Émile ÇA', // non-ASCII letters are left as they are on both sides
      '',
      ...COMPANY_NAME_ALIASES.flatMap(([abbreviation, full]) => [
        `${abbreviation}富士`,
        `${abbreviation.replace('(', '（').replace(')', '）')}富士`,
        `富士 ${full}`,
      ]),
    ];
    it.each(inputs.map((input) => [input]))('%j', async (input) => {
      const [{ normalized }] = await db.query(`SELECT search_normalize($1) AS normalized`, [input]);
      expect(normalized).toBe(normalizeSearchText(input));
    });

    it('the list searches the index the migration built (on search_text, stored as application_search_text of the row)', async () => {
      const [{ indexdef }] = await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'application_search_idx'`);
      expect(indexdef).toContain('search_text gin_trgm_ops');
      const [{ generation_expression: generated }] = await db.query(
        `SELECT generation_expression FROM information_schema.columns WHERE table_name = 'application' AND column_name = 'search_text'`,
      );
      expect(generated).toContain('application_search_text(applicant_name, corporate_number, receipt_number)');
      await db.query(`SET enable_seqscan = off`);
      try {
        const plan = await db.query(`EXPLAIN SELECT id FROM application a WHERE a.search_text LIKE '%株式会社富士%'`);
        expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('application_search_idx');
      } finally {
        await db.query(`RESET enable_seqscan`);
      }
    });
  });

  describe('the applications list and the 割当 list search normalised names and 受付番号', () => {
    let fuji: { id: string; receiptNumber: string; applicantName: string };
    let showa: { id: string; receiptNumber: string; applicantName: string };
    let other: { id: string; receiptNumber: string; applicantName: string };
    beforeAll(async () => {
      fuji = await submitted('（株）富士精機');
      showa = await submitted('㈲昭和木工');
      other = await submitted('合同会社ｻｸﾗ印刷');
    });
    const found = async (q: string, path = '/api/applications') =>
      ((await list('manager', path, { q, roundId: round.id }).expect(200)).body as { id: string; applicationId?: string }[]).map(
        (r) => r.applicationId ?? r.id,
      );
    const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

    it.each([
      ['株式会社　富士 finds （株）富士精機', '株式会社　富士', () => [fuji.id]],
      ['㈱富士 finds it too', '㈱富士', () => [fuji.id]],
      ['有限会社昭和 finds ㈲昭和木工', '有限会社昭和', () => [showa.id]],
      ['(有) 昭和 finds it too', '(有) 昭和', () => [showa.id]],
      ['サクラ印刷 finds 合同会社ｻｸﾗ印刷 (half-width katakana stored)', 'サクラ印刷', () => [other.id]],
      ['ごく普通の名前 finds nothing', '存在しない会社', () => []],
    ])('%s', async (_what, q, expected) => {
      expect(await found(q)).toEqual(expected());
    });

    it('a two-character search (「富士」, 「昭和」, half-width 「ｻｸ」) finds through the stored character pairs what LIKE finds, and its index serves it', async () => {
      for (const [q, expected] of [
        ['富士', [fuji.id]],
        ['昭和', [showa.id]],
        ['ｻｸ', [other.id]], // normalised to サク like the stored name
        ['会社', [fuji.id, showa.id, other.id]], // 株式会社 (from （株）), 有限会社 (from ㈲), 合同会社
        ['士精', [fuji.id]],
        ['精昭', []], // pairs do not cross the parts of the name
      ] as const) {
        expect((await found(q)).sort()).toEqual([...expected].sort());
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE round_id = $1 AND search_text LIKE $2`, [
          round.id,
          `%${normalizeSearchText(q)}%`,
        ]);
        expect(n).toBe(expected.length);
      }
      // two ASCII characters keep LIKE (the pairs kept hold a non-ASCII character): 「00」 is in every 受付番号 here
      expect(await found('00')).toEqual(expect.arrayContaining([fuji.id, showa.id, other.id]));
      await db.query(`SET enable_seqscan = off`);
      try {
        const plan = await db.query(`EXPLAIN SELECT id FROM application a WHERE a.search_bigrams @> ARRAY['富士']`);
        expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('application_search_bigram_idx');
      } finally {
        await db.query(`RESET enable_seqscan`);
      }
    });

    it('a 受付番号 typed in full-width digits and letters, or in lower case, finds it', async () => {
      expect(await found(fullWidth(fuji.receiptNumber))).toEqual([fuji.id]);
      expect(await found(fullWidth(fuji.receiptNumber.slice(0, 8)))).toEqual(expect.arrayContaining([fuji.id, showa.id, other.id]));
      expect(await found(showa.receiptNumber.toLowerCase())).toEqual([showa.id]);
    });

    it("the 通知 list finds an application's notifications by its 事業者名 or 受付番号, normalised the same way", async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1`, [fuji.id]);
      expect(n).toBeGreaterThan(0);
      const notificationsOf = async (q: string) =>
        ((await list('manager', '/api/notifications', { q }).expect(200)).body as { applicationId: string }[]).map((r) => r.applicationId);
      expect(new Set(await notificationsOf('株式会社　富士'))).toEqual(new Set([fuji.id]));
      expect(new Set(await notificationsOf(fullWidth(showa.receiptNumber)))).toEqual(new Set([showa.id]));
      expect(await notificationsOf('100%_')).toEqual([]);
    });

    it('the 割当 list (review-assignments) normalises the same way', async () => {
      await assign(t, fuji.id, s.reviewer.user.id);
      await assign(t, showa.id, s.reviewer.user.id);
      expect(await found('株式会社　富士', '/api/review-assignments')).toEqual([fuji.id]);
      expect(await found(fullWidth(showa.receiptNumber), '/api/review-assignments')).toEqual([showa.id]);
    });
  });

  describe('audit records carry names (an auditor cannot read /api/users)', () => {
    it('the auditor reads the actor name and the application as 受付番号 and 事業者名', async () => {
      const app = await submitted('株式会社監査テスト');
      await assign(t, app.id, s.reviewer.user.id);
      await t.http().post(`/api/applications/${app.id}/transitions/startFormalCheck`).set(as('reviewer')).send({}).expect(200);
      await t.http().get('/api/users').set(as('auditor')).expect(403);
      const rows = (await list('auditor', '/api/audit-logs', { entityType: 'application', entityId: app.id }).expect(200)).body as {
        action: string;
        actorId: string | null;
        actorName: string | null;
        entityLabel: string | null;
      }[];
      const started = rows.find((r) => r.action === 'application.startFormalCheck')!;
      expect(started.actorId).toBe(s.reviewer.user.id);
      expect(started.actorName).toBe(await nameOf(s.reviewer.user.id));
      expect(started.entityLabel).toBe(`${app.receiptNumber} 株式会社監査テスト`);
      const byIntake = rows.find((r) => r.action === 'application.submit')!;
      expect(byIntake).toMatchObject({ actorId: null, actorName: null });

      const one = (
        await t
          .http()
          .get(`/api/audit-logs/${(started as unknown as { id: string }).id}`)
          .set(as('auditor'))
          .expect(200)
      ).body;
      expect(one).toMatchObject({ actorName: await nameOf(s.reviewer.user.id), entityLabel: `${app.receiptNumber} 株式会社監査テスト` });

      const timeline = (await t.http().get(`/api/applications/${app.id}`).set(as('auditor')).expect(200)).body.timeline as {
        action: string;
        actorName: string | null;
      }[];
      expect(timeline.find((e) => e.action === 'application.startFormalCheck')?.actorName).toBe(await nameOf(s.reviewer.user.id));
    });

    it('every kind of record the audit log describes has valid SQL (a record that is gone has no label)', async () => {
      const audit = t.app.get(AuditRepository);
      const gone = '00000000-0000-4000-8000-000000000000';
      const entries = DESCRIBED_ENTITY_TYPES.map((entityType) => Object.assign(new AuditLogEntry(), { actorId: gone, entityType, entityId: gone }));
      const described = await audit.describe(entries);
      expect(described.map((e) => [e.entityType, e.actorName, e.entityLabel])).toEqual(DESCRIBED_ENTITY_TYPES.map((type) => [type, null, null]));
    });

    it('sign-ins and account changes name the staff member, as actor and as the record', async () => {
      const rows = (await list('auditor', '/api/audit-logs', { action: 'auth.login', actorId: s.manager.user.id }).expect(200)).body as {
        actorName: string;
        entityLabel: string;
      }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]).toMatchObject({ actorName: await nameOf(s.manager.user.id), entityLabel: await nameOf(s.manager.user.id) });
    });

    it('the application shows its reviewers by name, to a role that cannot read accounts', async () => {
      const app = await submitted('株式会社審査員名テスト');
      await assign(t, app.id, s.reviewer.user.id);
      const body = (await t.http().get(`/api/applications/${app.id}`).set(as('manager')).expect(200)).body;
      expect(body.assignments).toEqual([expect.objectContaining({ reviewerId: s.reviewer.user.id, reviewerName: await nameOf(s.reviewer.user.id) })]);
    });
  });

  it('a round is named with its programme wherever it is listed (title)', async () => {
    const rows = (await list('auditor', '/api/rounds', { id: [round.id] }).expect(200)).body as { name: string; programName: string; title: string }[];
    expect(rows).toEqual([expect.objectContaining({ name: round.name, programName: '事業再構築補助金', title: `事業再構築補助金 ${round.name}` })]);
  });

  describe('a list by id (react-admin getMany) answers every id asked for', () => {
    let ids: string[];
    beforeAll(async () => {
      const category = await categoryByCode(t, round, 'restructuring.standard');
      ids = [];
      for (let i = 0; i < 30; i++) ids.push((await createDraft(t, draftInput(round, category, { applicantName: `株式会社ページ${i}` }))).id);
    });

    it('without a range: all 30, not the default page of 25', async () => {
      const res = await list('manager', '/api/applications', { id: ids }).expect(200);
      expect((res.body as { id: string }[]).map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(res.headers['content-range']).toBe('applications 0-29/30');
    });

    it('the same for another resource (割当) and for an explicit range', async () => {
      await assign(t, ids[0]!, s.reviewer.user.id);
      const one = await list('manager', '/api/review-assignments', { applicationId: ids[0] }).expect(200);
      const assignmentId = (one.body as { id: string }[])[0]!.id;
      expect((await list('manager', '/api/review-assignments', { id: [assignmentId] }).expect(200)).body).toHaveLength(1);
      expect((await list('manager', '/api/applications', { id: ids }, [0, 9]).expect(200)).body).toHaveLength(10);
    });

    it('a list without ids keeps the default page of 25', async () => {
      const res = await list('manager', '/api/applications', { roundId: round.id }).expect(200);
      expect(res.body).toHaveLength(25);
    });
  });
});
