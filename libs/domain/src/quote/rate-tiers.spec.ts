/** applyTiers / selectRateRule on their own, with hand-computed steps. */
import { rate } from '../money';
import type { RateRule, RateTier } from '../category';
import { applyTiers, selectRateRule } from './rate-tiers';

const steps = (expenses: number, tiers: RateTier[]) => applyTiers(expenses, tiers).map((s) => [s.expenses, s.amount]);

describe('applyTiers', () => {
  it.each<[string, number, RateTier[], number[][]]>([
    ['a flat rate truncates to 1円 (1,000,001 × 2/3 = 666,667.33)', 1_000_001, [{ rate: rate(2, 3) }], [[1_000_001, 666_667]]],
    ['a flat rate of 3/4 (1,000,003 × 3/4 = 750,002.25)', 1_000_003, [{ rate: rate(3, 4) }], [[1_000_003, 750_002]]],
    ['no expenses: one step of 0', 0, [{ rate: rate(2, 3), upToSubsidy: 600 }, { rate: rate(1, 2) }], [[0, 0]]],
    ['below the threshold: one step', 600, [{ rate: rate(2, 3), upToSubsidy: 600 }, { rate: rate(1, 2) }], [[600, 400]]],
    ['exactly at the threshold (900 × 2/3 = 600): one step', 900, [{ rate: rate(2, 3), upToSubsidy: 600 }, { rate: rate(1, 2) }], [[900, 600]]],
    [
      'one yen of subsidy over: 903 → 900 at 2/3 + 3 at 1/2',
      903,
      [{ rate: rate(2, 3), upToSubsidy: 600 }, { rate: rate(1, 2) }],
      [
        [900, 600],
        [3, 1],
      ],
    ],
    // the consumed expenses are the smallest amount reaching the threshold: ceil(500 × 4/3) = 667
    [
      'a threshold not reached exactly by whole yen (3/4 up to 500)',
      700,
      [{ rate: rate(3, 4), upToSubsidy: 500 }, { rate: rate(2, 3) }],
      [
        [667, 500],
        [33, 22],
      ],
    ],
    [
      'three tiers (10/10 to 100, 1/2 to 150, then 1/4)',
      300,
      [{ rate: rate(1, 1), upToSubsidy: 100 }, { rate: rate(1, 2), upToSubsidy: 150 }, { rate: rate(1, 4) }],
      [
        [100, 100],
        [100, 50],
        [100, 25],
      ],
    ],
  ])('%s', (_rule, expenses, tiers, expected) => {
    expect(steps(expenses, tiers)).toEqual(expected);
  });
});

describe('selectRateRule: the first rule whose conditions hold', () => {
  const rules: RateRule[] = [
    { label: '小規模事業者', when: { sizeClasses: ['smallBusiness'] }, tiers: [{ rate: rate(2, 3) }] },
    { label: '再生事業者', when: { inRehabilitation: true }, tiers: [{ rate: rate(2, 3) }] },
    { label: '赤字の中小企業', when: { sizeClasses: ['sme'], lossMaking: true }, tiers: [{ rate: rate(3, 4) }] },
    { label: '原則', when: {}, tiers: [{ rate: rate(1, 2) }] },
  ];
  it.each([
    ['小規模事業者', { sizeClass: 'smallBusiness' as const }, '小規模事業者'],
    ['a 小規模 in rehabilitation matches the earlier rule', { sizeClass: 'smallBusiness' as const, inRehabilitation: true }, '小規模事業者'],
    ['再生事業者', { sizeClass: 'sme' as const, inRehabilitation: true }, '再生事業者'],
    ['loss-making 中小', { sizeClass: 'sme' as const, lossMaking: true }, '赤字の中小企業'],
    ['loss-making 中堅 falls through to 原則', { sizeClass: 'midsize' as const, lossMaking: true }, '原則'],
    ['lossMaking false does not match a loss-making rule', { sizeClass: 'sme' as const, lossMaking: false }, '原則'],
  ])('%s', (_rule, applicant, label) => {
    expect(selectRateRule(rules, applicant)?.label).toBe(label);
  });
});
