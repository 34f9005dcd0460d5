/** Properties of quote() over every rate-priced category of the catalogue and random applicants. */
import fc from 'fast-check';
import { applyRateFloor, type Rate } from '../money';
import type { SubsidyCategoryConfig } from '../category';
import { REFERENCE_CATALOGUE } from '../catalogue';
import { quote } from './quote';
import { applyTiers } from './rate-tiers';

const subsidyCategories = REFERENCE_CATALOGUE.ruleSets.flatMap((rs) => rs.categories).filter((c): c is SubsidyCategoryConfig => c.kind === 'subsidy');
const ratePriced = subsidyCategories.filter((c) => c.pricing.kind === 'rate');

/** The highest rate any tier of the category can apply. */
const maxRate = (c: SubsidyCategoryConfig): Rate => {
  const rates = c.pricing.kind === 'rate' ? c.pricing.rates.flatMap((r) => r.tiers.map((t) => t.rate)) : [];
  return rates.reduce((a, b) => (a.numerator * b.denominator >= b.numerator * a.denominator ? a : b));
};

const scenario = fc.constantFrom(...ratePriced).chain((category) =>
  fc.record({
    category: fc.constant(category),
    applicant: fc.record({
      sizeClass: fc.constantFrom(...category.admittedSizeClasses),
      employeeCount: fc.integer({ min: 0, max: 2000 }),
      participantCount: fc.integer({ min: 1, max: 30 }),
      lossMaking: fc.boolean(),
      inRehabilitation: fc.boolean(),
    }),
    lines: fc.array(
      fc.record({ expenseType: fc.constantFrom(...category.expenseTypes.map((t) => t.code)), amount: fc.integer({ min: 0, max: 1_000_000_000 }) }),
      { maxLength: 5 },
    ),
  }),
);

describe('quote properties', () => {
  it('the amount is a non-negative integer, never above the cap nor the highest rate × expenses, and 0 when not eligible', () => {
    fc.assert(
      fc.property(scenario, ({ category, applicant, lines }) => {
        const result = quote(category, applicant, lines);
        expect(result.problems).toEqual([]);
        expect(Number.isSafeInteger(result.amount) && result.amount >= 0).toBe(true);
        if (!result.eligible) {
          expect(result.amount).toBe(0);
          return;
        }
        if (result.cap) expect(result.amount).toBeLessThanOrEqual(result.cap.amount);
        expect(result.amount).toBeLessThanOrEqual(applyRateFloor(result.eligibleExpenseTotal, maxRate(category)));
        if (category.floor !== undefined) expect(result.amount).toBeGreaterThanOrEqual(category.floor);
      }),
      { numRuns: 500 },
    );
  });

  it('more expenses never lower the amount of an eligible quote', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 100_000_000 }), ({ category, applicant, lines }, extra) => {
        const before = quote(category, applicant, lines);
        const after = quote(category, applicant, [...lines, { expenseType: category.expenseTypes[0].code, amount: extra }]);
        if (before.eligible) expect(after.amount).toBeGreaterThanOrEqual(before.amount);
      }),
      { numRuns: 300 },
    );
  });

  it('the IT導入 items never exceed the sum of their sub-limits (350万 + 10万 + 20万)', () => {
    const digitalBase = subsidyCategories.find((c) => c.code === 'itIntroduction.digitalBase')!;
    const line = fc.oneof(
      fc.record({ expenseType: fc.constantFrom('software', 'cloudUsage', 'implementation'), amount: fc.integer({ min: 0, max: 50_000_000 }) }),
      fc.record({ expenseType: fc.constant('hardware'), itemKind: fc.constantFrom('pc', 'register'), amount: fc.integer({ min: 0, max: 50_000_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const result = quote(digitalBase, { sizeClass: 'sme', employeeCount: 5 }, lines);
        expect(Number.isSafeInteger(result.amount)).toBe(true);
        expect(result.amount).toBeLessThanOrEqual(3_800_000);
        for (const part of result.parts) expect(part.amount).toBeLessThanOrEqual(part.cap!.amount);
      }),
    );
  });
});

describe('applyTiers properties', () => {
  const tiers = [{ rate: { numerator: 2, denominator: 3 }, upToSubsidy: 60_000_000 }, { rate: { numerator: 1, denominator: 2 } }];
  it('steps use up exactly the expenses, each truncated to 1円, and never beat the first rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (expenses) => {
        const steps = applyTiers(expenses, tiers);
        expect(steps.reduce((s, x) => s + x.expenses, 0)).toBe(expenses);
        for (const step of steps) expect(step.amount).toBe(applyRateFloor(step.expenses, step.rate));
        expect(steps.reduce((s, x) => s + x.amount, 0)).toBeLessThanOrEqual(applyRateFloor(expenses, tiers[0].rate));
      }),
    );
  });
});
