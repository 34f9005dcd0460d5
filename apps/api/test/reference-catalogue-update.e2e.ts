import { findRuleSet, REFERENCE_CATALOGUE, type RatePricing, type ReferenceCatalogue, type SubsidyCategoryConfig } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { loadCatalogue } from '../src/seed/reference-catalogue.seed';
import { Round } from '../src/modules/rounds/round.entity';
import { categoryByCode, createDraft, draftInput } from '../src/testing';
import { loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * A database seeded by an earlier release gets the reference rules of this one (README "Reference
 * data": rule sets are versioned, never rewritten): a changed rule set arrives as a new version, the
 * reference rounds nothing hangs on follow it, and a round with applications keeps its rules.
 */
describe('the reference catalogue reaches a database seeded before it changed', () => {
  let t: TestApp;
  let db: DataSource;

  /** The catalogue as an earlier release had it: 大規模賃金引上枠 without 101人以上, and no 第5回 version of 令和2年度第3次補正. */
  const earlier = (): ReferenceCatalogue => {
    const r3 = findRuleSet('restructuring.r3-sup')!;
    const r2v1 = findRuleSet('restructuring.r2-sup3', REFERENCE_CATALOGUE, 1)!;
    const oldLarge = (c: SubsidyCategoryConfig): SubsidyCategoryConfig => ({
      ...c,
      pricing: { ...(c.pricing as RatePricing), cap: { kind: 'fixed', amount: 100_000_000 } },
      requirements: c.requirements.filter((r) => r !== 'employees101plus'),
    });
    return {
      ...REFERENCE_CATALOGUE,
      ruleSets: [
        ...REFERENCE_CATALOGUE.ruleSets.filter((rs) => rs.code !== 'restructuring.r3-sup' && rs.code !== 'restructuring.r2-sup3'),
        r2v1,
        { ...r3, categories: r3.categories.map((c) => (c.code === 'restructuring.largeWageIncrease' ? oldLarge(c as SubsidyCategoryConfig) : c)) },
      ],
      rounds: REFERENCE_CATALOGUE.rounds.map((r) => (r.code === 'restructuring.round5' ? { ...r, ruleSetVersion: 1 } : r)),
    };
  };

  const ruleSetOf = async (roundCode: string) =>
    (
      await db.query(
        `SELECT rs.code, rs.version, rs.supersedes_id, r.id AS round_id, rs.id FROM round r JOIN rule_set rs ON rs.id = r.rule_set_id WHERE r.code = $1`,
        [roundCode],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp({ label: 'catalogue-update' });
    db = t.app.get(DataSource);
    await loadCatalogue(db.manager, earlier());
  });
  afterAll(() => t?.close());

  it('adds the changed rule sets as new versions and moves the reference rounds without applications; a round with applications stays', async () => {
    // 第4回 has an application: its rules must not change under it
    const round4 = await db.getRepository(Round).findOneByOrFail({ code: 'restructuring.round4' });
    await createDraft(t, draftInput(round4, await categoryByCode(t, round4, 'restructuring.standard')));
    const before6 = await ruleSetOf('restructuring.round6');
    await db.query(`UPDATE round_category SET budget = 123456789 WHERE round_id = $1`, [before6.round_id]);

    const report = await loadCatalogue(db.manager);
    expect(report).toMatchObject({ ruleSets: 2, rounds: 0, keptByAdministrator: [] });

    const r6 = await ruleSetOf('restructuring.round6');
    expect(r6).toMatchObject({ code: 'restructuring.r3-sup', version: 2, supersedes_id: before6.id });
    const [large] = await db.query(
      `SELECT c.config, rc.budget FROM round_category rc JOIN category c ON c.id = rc.category_id WHERE rc.round_id = $1 AND c.code = 'restructuring.largeWageIncrease'`,
      [r6.round_id],
    );
    expect(large.config.requirements).toContain('employees101plus');
    expect(Number(large.budget)).toBe(123456789);
    // 第5回 moves to the 第5回 rules; 第4回 keeps version 1 with its application
    expect(await ruleSetOf('restructuring.round5')).toMatchObject({ code: 'restructuring.r2-sup3', version: 2 });
    expect(await ruleSetOf('restructuring.round4')).toMatchObject({ code: 'restructuring.r2-sup3', version: 1 });

    // a second run changes nothing
    expect(await loadCatalogue(db.manager)).toMatchObject({ programs: 0, ruleSets: 0, categories: 0, rounds: 0, roundsMoved: 0 });
  });

  it('leaves a rule set an administrator has edited to them: a later release adds no version beside it', async () => {
    await seedStaff(t);
    const { admin } = await loginEveryRole(t);
    const r6 = await ruleSetOf('restructuring.round6');
    const [category] = await db.query(`SELECT id, config FROM category WHERE rule_set_id = $1 AND code = 'restructuring.greenGrowth'`, [r6.id]);
    await t
      .http()
      .put(`/api/categories/${category.id}`)
      .set({ Authorization: `Bearer ${admin.token}` })
      .send({ config: { ...category.config, assumption: '事務局が確認済み' } })
      .expect(200);
    // a later release changes the same rule set
    const later: ReferenceCatalogue = {
      ...REFERENCE_CATALOGUE,
      ruleSets: REFERENCE_CATALOGUE.ruleSets.map((rs) =>
        rs.code === 'restructuring.r3-sup' ? { ...rs, categories: rs.categories.map((c) => ({ ...c, assumption: `${c.assumption ?? ''}（改訂）` })) } : rs,
      ),
    };
    const report = await loadCatalogue(db.manager, later);
    expect(report.ruleSets).toBe(0);
    expect(report.keptByAdministrator).toEqual(['restructuring.r3-sup@1']);
    expect(await ruleSetOf('restructuring.round6')).toMatchObject({ id: r6.id });
  });
});
