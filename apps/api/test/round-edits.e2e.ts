import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { adoptByDecision, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, submitValid, tempStorageDir } from './intake-fixtures';

/**
 * A round's edits after it received applications (docs: README "Rounds"): what its applications and decisions rest on
 * stays. Each refusal is a 409 naming the field, and the round is left as it was (its audit trail too).
 */
describe('rounds: edits that would contradict what a round received and decided', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp({ label: 'round-edits', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  const put = (round: Round, body: object) => t.http().put(`/api/rounds/${round.id}`).set('Authorization', `Bearer ${s.manager.token}`).send(body);
  const stored = async (round: Round) =>
    (await db.query(`SELECT rule_set_id, opens_at, closes_at, closed_at, announcement_from, announcement_to FROM round WHERE id = $1`, [round.id]))[0];
  const categories = async (round: Round) =>
    (await db.query(`SELECT category_id, budget::float8 AS budget FROM round_category WHERE round_id = $1 ORDER BY category_id`, [round.id])) as {
      category_id: string;
    }[];
  const edits = async (round: Round) =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'round.updated'`, [round.id]))[0].n;
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

  async function refused(round: Round, body: object, code: string, field: string) {
    const [before, cats, audited] = [await stored(round), await categories(round), await edits(round)];
    const res = await put(round, body).expect(409);
    expect(res.body).toMatchObject({ code, field, message: expect.stringMatching(/[ぁ-んァ-ン一-龥]/) });
    expect(await stored(round)).toEqual(before);
    expect(await categories(round)).toEqual(cats);
    expect(await edits(round)).toBe(audited);
    return res.body;
  }

  it('keeps a 公募 date to the second it is shown and enforced to: a fraction sent is dropped', async () => {
    const round = await openRound(t);
    const saved = (
      await put(round, {
        closesAt: '2030-03-24T18:00:00.999+09:00',
        announcementFrom: '2030-05-20T10:00:00.5+09:00',
        announcementTo: '2030-05-31T10:00:00+09:00',
      }).expect(200)
    ).body;
    expect([saved.closesAt, saved.announcementFrom]).toEqual(['2030-03-24T09:00:00.000Z', '2030-05-20T01:00:00.000Z']);
    expect((await stored(round)).closes_at.toISOString()).toBe('2030-03-24T09:00:00.000Z');
  });

  it('a round with applications keeps its rule set, even with its 公募開始 moved later first', async () => {
    const round = await openRound(t);
    await submitValid(t, apiKey, round);
    const [other] = await db.query(`SELECT id FROM rule_set WHERE program_id = $1 AND id <> $2 ORDER BY code, version LIMIT 1`, [
      round.programId,
      round.ruleSetId,
    ]);
    // the 公募開始 cannot move past the first 受付 …
    const late = await refused(round, { opensAt: days(5), closesAt: days(30) }, 'SCHEDULE_EXCLUDES_RECEIPTS', 'opensAt');
    expect(late.message).toMatch(/^最初の申請を\d{4}年/);
    // … and where it is later (set by hand), the applications still hold the rule set
    await db.query(`UPDATE round SET opens_at = now() + interval '1 day' WHERE id = $1`, [round.id]);
    await refused(round, { ruleSetId: other.id }, 'RULE_SET_FIXED_AFTER_APPLICATIONS', 'ruleSetId');
  });

  it('a 類型 with applications stays on the round; its 予算 may change', async () => {
    const round = await openRound(t);
    const { id } = await submitValid(t, apiKey, round);
    const [{ category_id: applied }] = await db.query(`SELECT category_id FROM application WHERE id = $1`, [id]);
    const others = (await categories(round)).map((c) => c.category_id).filter((c) => c !== applied);
    const body = await refused(round, { categories: others.map((categoryId) => ({ categoryId })) }, 'CATEGORY_HAS_APPLICATIONS', 'categories');
    expect(body.errors).toEqual([{ field: 'categories', message: expect.stringMatching(/^類型「.+」には申請が1件あるため、公募回から外せません$/) }]);
    await put(round, { categories: [{ categoryId: applied, budget: 300_000_000 }] }).expect(200);
    expect(await categories(round)).toEqual([{ category_id: applied, budget: 300_000_000 }]);
    // the audit record states what was offered before and after, budgets included (it once held the request's list only)
    const [audited] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'round.updated' ORDER BY id DESC LIMIT 1`, [round.id]);
    expect(audited.changes.categories.from).toHaveLength(others.length + 1);
    expect(audited.changes.categories.from).toContainEqual({ categoryId: applied, budget: null, adoptionQuota: null });
    expect(audited.changes.categories.to).toEqual([{ categoryId: applied, budget: 300_000_000, adoptionQuota: null }]);
    // an edit leaving the offer as it was records no categories
    await put(round, { name: '第1回公募（類型）', categories: [{ categoryId: applied, budget: 300_000_000 }] }).expect(200);
    const [renamed] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'round.updated' ORDER BY id DESC LIMIT 1`, [round.id]);
    expect(Object.keys(renamed.changes)).toEqual(['name']);
    // and the record sent back as it is writes no record at all
    const audited2 = await edits(round);
    const { body: shown } = await t.http().get(`/api/rounds/${round.id}`).set('Authorization', `Bearer ${s.manager.token}`).expect(200);
    await put(round, { name: shown.name, closesAt: shown.closesAt, categories: shown.categories }).expect(200);
    expect(await edits(round)).toBe(audited2);
  });

  it('an 応募締切 may move later, not before the last 受付', async () => {
    const round = await openRound(t);
    await submitValid(t, apiKey, round);
    await put(round, { closesAt: days(40) }).expect(200);
    await refused(round, { closesAt: new Date(Date.now() - 60_000).toISOString() }, 'SCHEDULE_EXCLUDES_RECEIPTS', 'closesAt');
  });

  it('after a 採択 the 公募期間 stays, and after the 採択発表 began its dates stay; a later 採択発表 may still move', async () => {
    const round = await openRound(t);
    const { id } = await submitValid(t, apiKey, round);
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [id]);
    await adoptByDecision(t, round, id, s.manager.user.id);
    // once reopening a decided round to new applications
    await refused(round, { closesAt: days(45) }, 'SCHEDULE_FIXED_AFTER_DECISION', 'closesAt');
    // the 採択発表 not yet begun may be postponed
    await put(round, { announcementFrom: days(61), announcementTo: days(71) }).expect(200);
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() + interval '1 day' WHERE id = $1`, [round.id]);
    const passed = await refused(round, { announcementFrom: days(80), announcementTo: days(90) }, 'ANNOUNCEMENT_PASSED', 'announcementFrom');
    expect(passed.message).toMatch(/^採択発表は\d{4}年.*に始まっているため/);
    await refused(round, { announcementTo: days(3) }, 'ANNOUNCEMENT_PASSED', 'announcementTo');
    // the rest of the round stays editable
    await put(round, { name: '第1回公募（事業再構築）' }).expect(200);
  });
});
