import { REFERENCE_CATALOGUE } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

describe('programmes, rule sets, categories and rounds', () => {
  let t: TestApp;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let db: DataSource;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });
  const roundByCode = async (code: string) =>
    (
      await t
        .http()
        .get('/api/rounds')
        .query({ filter: JSON.stringify({ q: code }) })
        .set(as('reviewer'))
    ).body[0];

  beforeAll(async () => {
    t = await startTestApp({ label: 'rules' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  it('finds rounds by programme name too (the 公募回 pickers search the title 「事業復活支援金 第2回公募」)', async () => {
    const search = async (q: string) =>
      (
        await t
          .http()
          .get('/api/rounds')
          .query({ filter: JSON.stringify({ q }), range: '[0,99]' })
          .set(as('reviewer'))
          .expect(200)
      ).body as {
        code: string;
        title: string;
      }[];
    const byProgramme = await search('事業復活支援金');
    expect(byProgramme.length).toBeGreaterThan(0);
    expect(byProgramme.every((r) => r.code.startsWith('recoveryBenefit.'))).toBe(true);
    // programme and round words together, as the title reads (an ideographic space between them too)
    expect((await search('事業再構築補助金 第6回')).map((r) => r.code)).toEqual(['restructuring.round6']);
    expect((await search(`再構築${String.fromCharCode(0x3000)}第6回公募`)).map((r) => r.code)).toEqual(['restructuring.round6']);
    // by the round's own name and code as before
    expect((await search('restructuring.round6')).map((r) => r.code)).toEqual(['restructuring.round6']);
    expect(await search('存在しない公募回')).toEqual([]);
  });

  it('loads the reference catalogue idempotently: a second run changes nothing', async () => {
    const count = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*) FROM program) p, (SELECT count(*) FROM rule_set) r, (SELECT count(*) FROM category) c, (SELECT count(*) FROM round) o, (SELECT count(*) FROM round_category) rc`,
        )
      )[0];
    const before = await count();
    expect(Number(before.p)).toBe(REFERENCE_CATALOGUE.programs.length);
    expect(Number(before.o)).toBe(REFERENCE_CATALOGUE.rounds.length);
    const [report] = await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    expect(report.summary).toBe('already present');
    expect(await count()).toEqual(before);
  });

  it('keeps 第4回/第5回 on the earlier rule set and 第6回 on 令和3年度補正, with deadlines exact to the second in JST', async () => {
    const r5 = await roundByCode('restructuring.round5');
    const r6 = await roundByCode('restructuring.round6');
    expect(r5).toMatchObject({ name: '第5回公募', closesAt: '2022-03-24T09:00:00.000Z', closesAtJst: '2022年3月24日(木) 18:00:00', status: 'closed' });
    const rs5 = (await t.http().get(`/api/rule-sets/${r5.ruleSetId}`).set(as('reviewer')).expect(200)).body;
    const rs6 = (await t.http().get(`/api/rule-sets/${r6.ruleSetId}`).set(as('reviewer')).expect(200)).body;
    expect(rs5.code).toBe('restructuring.r2-sup3');
    expect(rs6.code).toBe('restructuring.r3-sup');
    const list = await t
      .http()
      .get('/api/categories')
      .query({ filter: JSON.stringify({ ruleSetId: rs6.id }), range: '[0,99]' })
      .set(as('auditor'))
      .expect(200);
    expect(list.headers['content-range']).toMatch(/^categories 0-\d+\/5$/);
    const standard = list.body.find((c: { code: string }) => c.code === 'restructuring.standard');
    expect(standard.summary.cap).toBe('従業員20人以下 2,000万円 / 従業員21～50人 4,000万円 / 従業員51～100人 6,000万円 / 従業員101人以上 8,000万円');
    expect(standard.programId).toBe(r6.programId);
  });

  it('runs 第4回 and 第5回 on two versions of 令和2年度第3次補正: from 第5回 the plan-share rule also takes 付加価値額15%', async () => {
    const r4 = await roundByCode('restructuring.round4');
    const r5 = await roundByCode('restructuring.round5');
    const rs4 = (await t.http().get(`/api/rule-sets/${r4.ruleSetId}`).set(as('reviewer')).expect(200)).body;
    const rs5 = (await t.http().get(`/api/rule-sets/${r5.ruleSetId}`).set(as('reviewer')).expect(200)).body;
    expect(rs4).toMatchObject({ code: 'restructuring.r2-sup3', version: 1, supersedesId: null });
    expect(rs5).toMatchObject({ code: 'restructuring.r2-sup3', version: 2, supersedesId: rs4.id });
    const standardOf = async (ruleSetId: string) =>
      (
        await t
          .http()
          .get('/api/categories')
          .query({ filter: JSON.stringify({ ruleSetId, q: 'restructuring.standard' }) })
          .set(as('auditor'))
          .expect(200)
      ).body[0].config.requirements;
    expect(await standardOf(rs4.id)).toContain('newBusinessSalesShare10pct');
    expect(await standardOf(rs5.id)).toContainEqual({
      anyOf: ['newBusinessSalesShare10pct', 'newBusinessAddedValueShare15pct', 'newBusinessDivisionSalesShare10pct'],
    });
  });

  describe('versioned rules', () => {
    it('refuses to edit a locked rule set; a new version copies its categories and takes the edit', async () => {
      const r5 = await roundByCode('restructuring.round5');
      const [category] = (
        await t
          .http()
          .get('/api/categories')
          .query({ filter: JSON.stringify({ ruleSetId: r5.ruleSetId, q: 'restructuring.standard' }) })
          .set(as('admin'))
      ).body;
      await db.query(`UPDATE rule_set SET locked_at = now() WHERE id = $1`, [r5.ruleSetId]);
      const edited = { ...category.config, floor: 2_000_000 };
      const refused = await t.http().put(`/api/categories/${category.id}`).set(as('admin')).send({ config: edited }).expect(409);
      expect(refused.body).toMatchObject({ code: 'RULE_SET_LOCKED', newVersion: `/api/rule-sets/${r5.ruleSetId}/versions` });
      // the category sent back unchanged (react-admin's save of the untouched form): the stored one, nothing written
      const audits = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [category.id]))[0].n;
      const auditsBefore = await audits();
      const echoed = await t.http().put(`/api/categories/${category.id}`).set(as('admin')).send({ config: category.config }).expect(200);
      expect(echoed.body).toEqual(category);
      expect(await audits()).toBe(auditsBefore);

      const v2 = (await t.http().post(`/api/rule-sets/${r5.ruleSetId}/versions`).set(as('admin')).expect(201)).body;
      // 第5回 runs on version 2 of 令和2年度第3次補正 (the plan-share rule of 第5回), so the next is version 3
      expect(v2).toMatchObject({ code: 'restructuring.r2-sup3', version: 3, supersedesId: r5.ruleSetId, lockedAt: null });
      const copies = (
        await t
          .http()
          .get('/api/categories')
          .query({ filter: JSON.stringify({ ruleSetId: v2.id }), range: '[0,99]' })
          .set(as('admin'))
      ).body;
      const original = (
        await t
          .http()
          .get('/api/categories')
          .query({ filter: JSON.stringify({ ruleSetId: r5.ruleSetId }), range: '[0,99]' })
          .set(as('admin'))
      ).body;
      expect(copies.map((c: { code: string }) => c.code).sort()).toEqual(original.map((c: { code: string }) => c.code).sort());
      const copy = copies.find((c: { code: string }) => c.code === 'restructuring.standard');
      // answered as GET answers it (react-admin keeps the answer as the record)
      const saved = await t.http().put(`/api/categories/${copy.id}`).set(as('admin')).send({ config: edited }).expect(200);
      expect(saved.body).toEqual((await t.http().get(`/api/categories/${copy.id}`).set(as('admin')).expect(200)).body);
      expect(saved.body).toMatchObject({ programId: category.programId, summary: { floor: '200万円' } });
      expect((await t.http().get(`/api/categories/${category.id}`).set(as('admin'))).body.config.floor).toBe(1_000_000);
      expect((await t.http().get(`/api/categories/${copy.id}`).set(as('admin'))).body.config.floor).toBe(2_000_000);
    });

    it('takes a locked rule set sent back unchanged (200, the stored record, no write, no audit record); a change stays 409', async () => {
      const r4 = await roundByCode('restructuring.round4');
      await db.query(`UPDATE rule_set SET locked_at = coalesce(locked_at, now()) WHERE id = $1`, [r4.ruleSetId]);
      const stored = (await t.http().get(`/api/rule-sets/${r4.ruleSetId}`).set(as('admin')).expect(200)).body;
      const audits = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [r4.ruleSetId]))[0].n;
      const before = await audits();

      // react-admin's save of the untouched form: the whole record back, as GET answered it
      const echoed = await t.http().put(`/api/rule-sets/${r4.ruleSetId}`).set(as('admin')).send(stored).expect(200);
      expect(echoed.body).toEqual(stored);
      const same = await t
        .http()
        .put(`/api/rule-sets/${r4.ruleSetId}`)
        .set(as('admin'))
        .send({ label: stored.label, assumption: stored.assumption })
        .expect(200);
      expect(same.body).toEqual(stored);
      expect((await t.http().get(`/api/rule-sets/${r4.ruleSetId}`).set(as('admin')).expect(200)).body).toEqual(stored);
      expect(await audits()).toBe(before);

      const changed = await t
        .http()
        .put(`/api/rule-sets/${r4.ruleSetId}`)
        .set(as('admin'))
        .send({ ...stored, label: `${stored.label}（改）` })
        .expect(409);
      expect(changed.body).toMatchObject({ code: 'RULE_SET_LOCKED', message: expect.stringContaining('新しい版を作成') });
      expect((await t.http().get(`/api/rule-sets/${r4.ruleSetId}`).set(as('admin')).expect(200)).body).toEqual(stored);
      expect(await audits()).toBe(before);
    });

    it('refuses an invalid category configuration with every problem by field', async () => {
      const r6 = await roundByCode('restructuring.round6');
      const [category] = (
        await t
          .http()
          .get('/api/categories')
          .query({ filter: JSON.stringify({ ruleSetId: r6.ruleSetId, q: 'restructuring.recovery' }) })
          .set(as('admin'))
      ).body;
      const broken = { ...category.config, floor: 999_000_000_000 };
      const res = await t.http().put(`/api/categories/${category.id}`).set(as('admin')).send({ config: broken }).expect(400);
      expect(res.body.code).toBe('INVALID_CATEGORY_CONFIG');
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(res.body.errors[0].field).toMatch(/^config\./);
    });
  });

  describe('rounds', () => {
    it('lets a manager open a round with JST instants, exact to the second', async () => {
      const r6 = await roundByCode('restructuring.round6');
      const res = await t
        .http()
        .post('/api/rounds')
        .set(as('manager'))
        .send({ programId: r6.programId, ruleSetId: r6.ruleSetId, number: 7, opensAt: '2022-07-01T00:00:00+09:00', closesAt: '2022-09-30T18:00:00+09:00' })
        .expect(201);
      expect(res.body).toMatchObject({
        code: 'restructuring.round7',
        name: '第7回公募',
        closesAt: '2022-09-30T09:00:00.000Z',
        closesAtJst: '2022年9月30日(金) 18:00:00',
      });
      expect(res.body.categories).toHaveLength(5);
      const dup = await t
        .http()
        .post('/api/rounds')
        .set(as('manager'))
        .send({ programId: r6.programId, ruleSetId: r6.ruleSetId, number: 7, opensAt: '2022-07-01T00:00:00+09:00', closesAt: '2022-09-30T18:00:00+09:00' })
        .expect(409);
      expect(dup.body.code).toBe('ROUND_NUMBER_TAKEN');
      // an id that names nothing is named as such, on its field (it read as a rule set of another programme)
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const [body, code, field] of [
        [{ programId: missing, ruleSetId: r6.ruleSetId }, 'PROGRAM_NOT_FOUND', 'programId'],
        [{ programId: r6.programId, ruleSetId: missing }, 'RULE_SET_NOT_FOUND', 'ruleSetId'],
      ] as const) {
        const res = await t
          .http()
          .post('/api/rounds')
          .set(as('manager'))
          .send({ ...body, number: 8, opensAt: '2022-07-01T00:00:00+09:00', closesAt: '2022-09-30T18:00:00+09:00' })
          .expect(400);
        expect(res.body).toMatchObject({ code, errors: [{ field }] });
      }
    });

    it.each([
      ['a naive local time', { closesAt: '2022-09-30T18:00:00' }, 'closesAt'],
      ['an impossible date', { closesAt: '2022-02-30T18:00:00+09:00' }, 'closesAt'],
    ])('refuses %s', async (_case, patch, field) => {
      const r6 = await roundByCode('restructuring.round6');
      const res = await t.http().put(`/api/rounds/${r6.id}`).set(as('manager')).send(patch).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field });
      expect(res.body.errors[0].message).toContain('closesAt');
    });

    it('refuses a deadline before the opening, naming both in JST', async () => {
      const r6 = await roundByCode('restructuring.round6');
      const res = await t.http().put(`/api/rounds/${r6.id}`).set(as('manager')).send({ closesAt: '2022-03-01T18:00:00+09:00' }).expect(400);
      expect(res.body.message).toBe('応募締切 (2022年3月1日(火) 18:00:00) は公募開始 (2022年3月28日(月) 00:00:00) より後にしてください。');
    });

    it('refuses a 採択発表 before the deadline, and a deadline extended past the 採択発表, naming both in JST', async () => {
      const r6 = await roundByCode('restructuring.round6');
      const early = await t.http().put(`/api/rounds/${r6.id}`).set(as('manager')).send({ announcementFrom: '2022-06-30T18:00:00+09:00' }).expect(400);
      expect(early.body.message).toBe('採択発表 (2022年6月30日(木) 18:00:00) は応募締切 (2022年6月30日(木) 18:00:00) より後にしてください。');
      const [{ from }] = await db.query(`SELECT announcement_from AS from FROM round WHERE id = $1`, [r6.id]);
      const late = await t
        .http()
        .put(`/api/rounds/${r6.id}`)
        .set(as('manager'))
        .send({ closesAt: new Date(from.getTime() + 1000).toISOString() })
        .expect(400);
      expect(late.body.message).toMatch(/^採択発表 \(.+\) は応募締切 \(.+\) より後にしてください。$/);
      const [after] = await db.query(`SELECT closes_at, announcement_from FROM round WHERE id = $1`, [r6.id]);
      expect([after.closes_at.toISOString(), after.announcement_from.toISOString()]).toEqual(['2022-06-30T09:00:00.000Z', from.toISOString()]);
      // a round whose dates were set before the rule (or by hand) stays editable in everything else
      const r5 = await roundByCode('restructuring.round5');
      await db.query(`UPDATE round SET announcement_from = closes_at - interval '1 day' WHERE id = $1`, [r5.id]);
      await t.http().put(`/api/rounds/${r5.id}`).set(as('manager')).send({ advancePaymentAllowed: false }).expect(200);
      await db.query(`UPDATE round SET announcement_from = $2 WHERE id = $1`, [r5.id, r5.announcementFrom]);
    });

    it("refuses a 類型 named twice as the manager's mistake, not as a concurrent save, keeping the offer", async () => {
      const r6 = await roundByCode('restructuring.round6');
      const before = await db.query(`SELECT category_id, budget FROM round_category WHERE round_id = $1 ORDER BY category_id`, [r6.id]);
      const categoryId = before[0].category_id;
      const res = await t
        .http()
        .put(`/api/rounds/${r6.id}`)
        .set(as('manager'))
        .send({
          categories: [
            { categoryId, budget: 100 },
            { categoryId, budget: 200 },
          ],
        })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'DUPLICATE_CATEGORY',
        field: 'categories[1].categoryId',
        message: '同じ類型が2回指定されています。類型ごとに1行にしてください。',
      });
      expect(await db.query(`SELECT category_id, budget FROM round_category WHERE round_id = $1 ORDER BY category_id`, [r6.id])).toEqual(before);
    });

    it('searches rounds for % and _ as typed, not as wildcards that match every round', async () => {
      const search = async (q: string) =>
        (
          await t
            .http()
            .get('/api/rounds')
            .query({ filter: JSON.stringify({ q }) })
            .set(as('auditor'))
            .expect(200)
        ).body.map((r: { code: string }) => r.code);
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
      expect(await search('restructuring.round6')).toEqual(['restructuring.round6']);
      const actions = async (action: string) =>
        (
          await t
            .http()
            .get('/api/audit-logs')
            .query({ filter: JSON.stringify({ action }) })
            .set(as('auditor'))
            .expect(200)
        ).body.length;
      expect(await actions('round.')).toBeGreaterThan(0);
      expect(await actions('%.updated')).toBe(0); // 前方一致: 「round.updated」 does not start with 「%」
    });

    it('records a deadline extension in the audit log', async () => {
      const r6 = await roundByCode('restructuring.round6');
      await t.http().put(`/api/rounds/${r6.id}`).set(as('manager')).send({ closesAt: '2022-07-01T18:00:00+09:00' }).expect(200);
      const [row] = await db.query(`SELECT changes FROM audit_log WHERE action = 'round.updated' AND entity_id = $1`, [r6.id]);
      expect(row.changes.closesAt).toEqual({ from: '2022-06-30T09:00:00.000Z', to: '2022-07-01T09:00:00.000Z' });
    });
  });
});
