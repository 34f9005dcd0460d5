import { findCategory, quote } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/** A quote through the API equals the library's, on the rule set of the round it names (docs/programs.md). */
describe('POST /api/quotes: a quote on a round’s own rules', () => {
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
    t = await startTestApp({ label: 'quotes' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  const body = (roundId: string, employeeCount: number, amount: number) => ({
    roundId,
    categoryCode: 'restructuring.standard',
    applicant: { kind: 'corporation', sizeClass: 'sme', employeeCount },
    expenses: [{ expenseType: 'machinery', amount }],
  });

  it('returns the same numbers as the library, with the explanation (the digest example: 1.5億 → 8,000万)', async () => {
    const r6 = await roundByCode('restructuring.round6');
    const res = await t
      .http()
      .post('/api/quotes')
      .set(as('reviewer'))
      .send(body(r6.id, 120, 150_000_000))
      .expect(200);
    const library = quote(findCategory('restructuring.r3-sup', 'restructuring.standard')!, { kind: 'corporation', sizeClass: 'sme', employeeCount: 120 }, [
      { expenseType: 'machinery', amount: 150_000_000 },
    ]);
    expect(res.body.amount).toBe(80_000_000);
    expect(res.body).toMatchObject({
      amount: library.amount,
      eligibleExpenseTotal: library.eligibleExpenseTotal,
      eligible: library.eligible,
      explanation: library.explanation,
    });
    expect(res.body.parts[0].steps.map((x: { amount: number }) => x.amount)).toEqual([60_000_000, 30_000_000]);
    expect(res.body.explanation.join('\n')).toContain('上限 8,000万円');
    expect(res.body.category.code).toBe('restructuring.standard');
  });

  it('reads the 3,000万 金融機関 rule on the subsidy applied for (context.subsidyAmount), not on what the rules would give', async () => {
    const r6 = await roundByCode('restructuring.round6');
    const bank = async (subsidyAmount?: number) => {
      const res = await t
        .http()
        .post('/api/quotes')
        .set(as('reviewer'))
        .send({ ...body(r6.id, 30, 60_000_000), context: subsidyAmount === undefined ? {} : { subsidyAmount } })
        .expect(200);
      expect(res.body.amount).toBe(40_000_000);
      return res.body.eligibility.failures.some((f: { requirement: string }) => f.requirement === 'financialInstitutionAbove30M');
    };
    expect(await bank()).toBe(true);
    expect(await bank(25_000_000)).toBe(false);
    expect(await bank(30_000_001)).toBe(true);
  });

  it('applies the round’s own rule set: 30 employees get 6,000万 in 第5回 but 4,000万 in 第6回', async () => {
    const r5 = await roundByCode('restructuring.round5');
    const r6 = await roundByCode('restructuring.round6');
    expect(
      (
        await t
          .http()
          .post('/api/quotes')
          .set(as('manager'))
          .send(body(r5.id, 30, 150_000_000))
          .expect(200)
      ).body.amount,
    ).toBe(60_000_000);
    expect(
      (
        await t
          .http()
          .post('/api/quotes')
          .set(as('manager'))
          .send(body(r6.id, 30, 150_000_000))
          .expect(200)
      ).body.amount,
    ).toBe(40_000_000);
  });

  const sme10 = { kind: 'corporation', sizeClass: 'sme', employeeCount: 10 };
  const inRound6 = { categoryCode: 'restructuring.standard', applicant: sme10 };
  it.each([
    ['an unknown category', { categoryId: '00000000-0000-4000-8000-000000000000', expenses: [] }, 'categoryId'],
    ['no category at all', { applicant: sme10, expenses: [] }, 'categoryId'],
    ['a negative amount', { ...inRound6, expenses: [{ expenseType: 'machinery', amount: -1 }] }, 'expenses[0].amount'],
    ['a non-integer amount', { ...inRound6, expenses: [{ expenseType: 'machinery', amount: 1000.5 }] }, 'expenses[0].amount'],
    [
      'a missing employee count',
      { ...inRound6, applicant: { kind: 'corporation', sizeClass: 'sme' }, expenses: [{ expenseType: 'machinery', amount: 1_000_000 }] },
      'applicant.employeeCount',
    ],
    ['an unknown expense type', { ...inRound6, expenses: [{ expenseType: 'yacht', amount: 1_000_000 }] }, 'expenses[0].expenseType'],
  ])('answers %s with 400 naming the field', async (_case, request, field) => {
    const r6 = await roundByCode('restructuring.round6');
    const req = 'categoryCode' in request ? { roundId: r6.id, ...request } : request;
    const res = await t.http().post('/api/quotes').set(as('reviewer')).send(req);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('keeps 大規模賃金引上枠 of 第6回 to 従業員101人以上, and shows グリーン成長枠’s 1.5億 as 1億5,000万円', async () => {
    const r6 = await roundByCode('restructuring.round6');
    const large = (employeeCount: number) =>
      t
        .http()
        .post('/api/quotes')
        .set(as('reviewer'))
        .send({ ...body(r6.id, employeeCount, 150_000_000), categoryCode: 'restructuring.largeWageIncrease' })
        .expect(200);
    const small = (await large(100)).body;
    expect(small.eligible).toBe(false);
    expect(small.ineligibility[0].message).toContain('従業員101人以上');
    expect((await large(101)).body).toMatchObject({ eligible: true, amount: 90_000_000 });
    const green = await t
      .http()
      .post('/api/quotes')
      .set(as('reviewer'))
      .send({
        ...body(r6.id, 10, 600_000_000),
        categoryCode: 'restructuring.greenGrowth',
        applicant: { kind: 'corporation', sizeClass: 'midsize', employeeCount: 10 },
      })
      .expect(200);
    expect(green.body.explanation).toContain('上限 1億5,000万円 (中堅企業)');
    expect(green.body.eligibility.manual).toContain('addedValueGrowth5pct');
  });

  it('carries the caveat of a 類型 still being designed (IT導入: the cap by number of functions) on the quote and its category', async () => {
    const round = await roundByCode('itIntroduction.round1');
    const res = await t
      .http()
      .post('/api/quotes')
      .set(as('reviewer'))
      .send({
        roundId: round.id,
        categoryCode: 'itIntroduction.digitalBase',
        applicant: { kind: 'corporation', sizeClass: 'sme', employeeCount: 10 },
        expenses: [{ expenseType: 'software', amount: 1_000_000 }],
      })
      .expect(200);
    expect(res.body.caveat).toContain('機能数');
    expect(res.body.category.caveat).toBe(res.body.caveat);
    expect(res.body.explanation).toContain(`注意（今後変更の可能性あり）: ${res.body.caveat}`);
    const settled = await t
      .http()
      .post('/api/quotes')
      .set(as('reviewer'))
      .send(body((await roundByCode('restructuring.round6')).id, 10, 10_000_000))
      .expect(200);
    expect(settled.body).toMatchObject({ caveat: null, category: { caveat: null } });
  });

  it('computes the 事業復活支援金 benefit from sales figures', async () => {
    const [round] = (
      await t
        .http()
        .get('/api/rounds')
        .query({ filter: JSON.stringify({ q: 'recoveryBenefit' }) })
        .set(as('reviewer'))
    ).body;
    const res = await t
      .http()
      .post('/api/quotes')
      .set(as('reviewer'))
      .send({
        roundId: round.id,
        categoryCode: 'recoveryBenefit.benefit',
        benefit: {
          applicantKind: 'corporation',
          targetMonth: '2022-01',
          targetMonthSales: 1_000_000,
          basePeriod: '2020-11',
          basePeriodSales: [3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000],
          annualRevenue: 80_000_000,
        },
      })
      .expect(200);
    // 15,000,000 − 1,000,000 × 5 = 10,000,000 → capped at 100万 (法人, ≤1億, ▲50%以上: 3,000,000 → 1,000,000 is −66%)
    expect(res.body.benefit).toMatchObject({ eligible: true, band: '50+', formulaAmount: 10_000_000, cap: 1_000_000, amount: 1_000_000 });
  });
});
