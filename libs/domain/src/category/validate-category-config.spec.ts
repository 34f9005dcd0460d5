/** validateCategoryConfig: one row per configuration mistake an administrator can make. */
import { man, type Rate } from '../money';
import type { CapRule, CategoryConfig, Pricing, RateRule, SubsidyCategoryConfig } from './category.types';
import { validateCategoryConfig } from './validate-category-config';

const r = (numerator: number, denominator: number): Rate => ({ numerator, denominator });
const SME_RATE: RateRule = {
  label: '中小企業',
  when: { sizeClasses: ['smallBusiness', 'sme'] },
  tiers: [{ rate: r(2, 3), upToSubsidy: man(6000) }, { rate: r(1, 2) }],
};
const MID_RATE: RateRule = { label: '中堅企業', when: { sizeClasses: ['midsize'] }, tiers: [{ rate: r(1, 2) }] };
const CAP: CapRule = {
  kind: 'byEmployees',
  brackets: [
    { min: 0, max: 20, amount: man(2000) },
    { min: 21, max: 50, amount: man(4000) },
    { min: 51, amount: man(8000) },
  ],
};

const base: SubsidyCategoryConfig = {
  kind: 'subsidy',
  code: 'test.standard',
  name: 'テスト枠',
  admittedSizeClasses: ['smallBusiness', 'sme', 'midsize'],
  pricing: { kind: 'rate', rates: [SME_RATE, MID_RATE], cap: CAP },
  floor: man(100),
  expenseTypes: [{ code: 'machinery', label: '機械装置・システム構築費' }],
  exclusions: [{ code: 'vehicle', reason: '車両は補助対象外です', expenseTypes: ['vehicle'] }],
  requirements: ['salesDecline10pct'],
};

const withRates = (...rates: RateRule[]): SubsidyCategoryConfig => ({ ...base, pricing: { kind: 'rate', rates, cap: CAP } });
const withCap = (cap: CapRule): SubsidyCategoryConfig => ({ ...base, pricing: { kind: 'rate', rates: [SME_RATE, MID_RATE], cap } });
const withBrackets = (...brackets: { min: number; max?: number; amount: number }[]): SubsidyCategoryConfig => withCap({ kind: 'byEmployees', brackets });
const withSmeTiers = (...tiers: RateRule['tiers']): SubsidyCategoryConfig => withRates({ ...SME_RATE, tiers }, MID_RATE);
const itemized = (pricing: Partial<Extract<Pricing, { kind: 'itemized' }>>, expenseTypes = base.expenseTypes): SubsidyCategoryConfig => ({
  ...base,
  floor: undefined,
  expenseTypes,
  pricing: { kind: 'itemized', items: [], ...pricing },
});
const ITEM = {
  itemKind: 'pc',
  label: 'PC',
  rates: [{ label: '一律', when: {}, tiers: [{ rate: r(1, 2) }] }],
  cap: { kind: 'fixed', amount: man(10) } as CapRule,
};
const cast = (x: unknown): CategoryConfig => x as CategoryConfig;

describe('validateCategoryConfig', () => {
  it.each<[string, CategoryConfig, { path: string; code: string }[]]>([
    ['a valid configuration has no problem', base, []],
    ['a benefit marker is valid', { kind: 'benefit', code: 'recoveryBenefit.benefit', name: '事業復活支援金', requirements: ['covidImpact'] }, []],
    [
      'a benefit carrying a subsidy’s pricing and expense types, which it would never read',
      cast({ kind: 'benefit', code: 'x.benefit', name: '給付金', requirements: [], pricing: base.pricing, expenseTypes: base.expenseTypes }),
      [
        { path: 'pricing', code: 'notForKind' },
        { path: 'expenseTypes', code: 'notForKind' },
      ],
    ],
    [
      'a contract carrying a floor',
      cast({ kind: 'contract', code: 'x.contract', name: '委託', requirements: [], ceilingPerContract: man(1300), floor: 1 }),
      [{ path: 'floor', code: 'notForKind' }],
    ],
    // employee brackets
    [
      'overlapping brackets (20 in both)',
      withBrackets({ min: 0, max: 20, amount: 1 }, { min: 20, max: 50, amount: 2 }, { min: 51, amount: 3 }),
      [{ path: 'pricing.cap.brackets[1]', code: 'bracketsOverlap' }],
    ],
    [
      'gapped brackets (21 in none)',
      withBrackets({ min: 0, max: 20, amount: 1 }, { min: 22, max: 50, amount: 2 }, { min: 51, amount: 3 }),
      [{ path: 'pricing.cap.brackets[1]', code: 'bracketsGap' }],
    ],
    [
      'an open bracket that is not the last',
      withBrackets({ min: 0, amount: 1 }, { min: 21, max: 50, amount: 2 }, { min: 51, amount: 3 }),
      [{ path: 'pricing.cap.brackets[1]', code: 'bracketsOverlap' }],
    ],
    [
      'the last bracket bounded (51+ without a cap)',
      withBrackets({ min: 0, max: 20, amount: 1 }, { min: 21, max: 50, amount: 2 }),
      [{ path: 'pricing.cap.brackets[1]', code: 'lastBracketBounded' }],
    ],
    [
      'a negative bracket bound',
      withBrackets({ min: -1, max: 20, amount: man(2000) }, { min: 21, amount: man(4000) }),
      [{ path: 'pricing.cap.brackets[0]', code: 'bracketInvalid' }],
    ],
    ['no bracket', withBrackets(), [{ path: 'pricing.cap.brackets', code: 'bracketsEmpty' }]],
    ['a bracket amount that is not whole yen', withBrackets({ min: 0, amount: 1.5 }), [{ path: 'pricing.cap.brackets[0].amount', code: 'invalidYen' }]],
    // rates and tiers
    [
      'a rate above 1 (4/3)',
      withRates(SME_RATE, { ...MID_RATE, tiers: [{ rate: r(4, 3) }] }),
      [{ path: 'pricing.rates[1].tiers[0].rate', code: 'rateAboveOne' }],
    ],
    ['a rate of 0', withRates(SME_RATE, { ...MID_RATE, tiers: [{ rate: r(0, 3) }] }), [{ path: 'pricing.rates[1].tiers[0].rate', code: 'rateZero' }]],
    [
      'a rate with denominator 0',
      withRates(SME_RATE, { ...MID_RATE, tiers: [{ rate: r(1, 0) }] }),
      [{ path: 'pricing.rates[1].tiers[0].rate', code: 'invalidRate' }],
    ],
    [
      'a fractional numerator',
      withRates(SME_RATE, { ...MID_RATE, tiers: [{ rate: r(0.5, 1) }] }),
      [{ path: 'pricing.rates[1].tiers[0].rate', code: 'invalidRate' }],
    ],
    [
      'tier thresholds not increasing',
      withSmeTiers({ rate: r(2, 3), upToSubsidy: man(6000) }, { rate: r(1, 2), upToSubsidy: man(5000) }, { rate: r(1, 3) }),
      [{ path: 'pricing.rates[0].tiers[1].upToSubsidy', code: 'tierThresholdsNotIncreasing' }],
    ],
    [
      'a threshold on the last tier',
      withSmeTiers({ rate: r(2, 3), upToSubsidy: man(6000) }),
      [{ path: 'pricing.rates[0].tiers[0].upToSubsidy', code: 'lastTierBounded' }],
    ],
    [
      'a threshold missing before the last tier',
      withSmeTiers({ rate: r(2, 3) }, { rate: r(1, 2) }),
      [{ path: 'pricing.rates[0].tiers[0].upToSubsidy', code: 'tierThresholdMissing' }],
    ],
    ['a rate rule without tiers', withSmeTiers(), [{ path: 'pricing.rates[0].tiers', code: 'tiersEmpty' }]],
    // hostile input (the fuzzer sent it): a rate rule that is no object is refused, not a TypeError
    ['a rate rule that is null', withRates(null as never, SME_RATE, MID_RATE), [{ path: 'pricing.rates[0]', code: 'wrongType' }]],
    ['an admitted size class without a rate (中堅)', withRates(SME_RATE), [{ path: 'pricing.rates', code: 'noRateForSizeClass' }]],
    [
      'an admitted size class with only a conditional rate',
      withRates(SME_RATE, { ...MID_RATE, when: { sizeClasses: ['midsize'], lossMaking: true } }),
      [{ path: 'pricing.rates', code: 'noRateForSizeClass' }],
    ],
    [
      'a rate for a size class the category does not admit',
      { ...base, admittedSizeClasses: ['smallBusiness', 'sme'] },
      [{ path: 'pricing.rates[1].when.sizeClasses', code: 'rateForUnadmittedSizeClass' }],
    ],
    [
      'an unknown admitted size class',
      { ...base, admittedSizeClasses: ['smallBusiness', 'sme', 'midsize', cast('huge') as never] },
      [{ path: 'admittedSizeClasses[3]', code: 'unknownSizeClass' }],
    ],
    [
      'no admitted size class',
      { ...base, admittedSizeClasses: [] },
      [
        { path: 'admittedSizeClasses', code: 'required' },
        { path: 'pricing.rates[0].when.sizeClasses', code: 'rateForUnadmittedSizeClass' },
        { path: 'pricing.rates[1].when.sizeClasses', code: 'rateForUnadmittedSizeClass' },
      ],
    ],
    // caps by size class, cap kinds
    [
      'a size class without a cap',
      withCap({ kind: 'bySizeClass', entries: [{ sizeClasses: ['smallBusiness', 'sme'], cap: { kind: 'fixed', amount: man(10000) } }] }),
      [{ path: 'pricing.cap', code: 'sizeClassWithoutCap' }],
    ],
    [
      'a size class with two caps',
      withCap({
        kind: 'bySizeClass',
        entries: [
          { sizeClasses: ['smallBusiness', 'sme'], cap: { kind: 'fixed', amount: 1 } },
          { sizeClasses: ['sme', 'midsize'], cap: { kind: 'fixed', amount: 2 } },
        ],
      }),
      [{ path: 'pricing.cap.entries[1]', code: 'sizeClassCapOverlap' }],
    ],
    ['an unknown cap kind', withCap(cast({ kind: 'perMoon' }) as never), [{ path: 'pricing.cap.kind', code: 'unknownKind' }]],
    [
      'a group bonus with a rate above 1',
      withCap({ kind: 'groupBonus', base: { kind: 'fixed', amount: 1 }, bonusPerParticipant: r(11, 10), countsLead: false }),
      [{ path: 'pricing.cap.bonusPerParticipant', code: 'rateAboveOne' }],
    ],
    // floor
    ['a floor above the cap of a bracket (2,500万 > 2,000万)', { ...base, floor: man(2500) }, [{ path: 'floor', code: 'floorAboveCap' }]],
    ['a floor above a fixed cap', { ...withCap({ kind: 'fixed', amount: man(50) }), floor: man(100) }, [{ path: 'floor', code: 'floorAboveCap' }]],
    ['a negative floor', { ...base, floor: -1 }, [{ path: 'floor', code: 'invalidYen' }]],
    // requirements, expense types, exclusions
    [
      'an unknown requirement code',
      { ...base, requirements: ['salesDecline10pct', cast('beNice') as never] },
      [{ path: 'requirements[1]', code: 'unknownRequirement' }],
    ],
    [
      'an unknown code inside anyOf',
      { ...base, requirements: [{ anyOf: ['rehabilitationPlan', cast('luck') as never] }] },
      [{ path: 'requirements[0]', code: 'unknownRequirement' }],
    ],
    [
      'a duplicate expense type',
      {
        ...base,
        expenseTypes: [
          { code: 'machinery', label: 'a' },
          { code: 'machinery', label: 'b' },
        ],
      },
      [{ path: 'expenseTypes[1].code', code: 'duplicateCode' }],
    ],
    ['no expense type', { ...base, expenseTypes: [] }, [{ path: 'expenseTypes', code: 'required' }]],
    ['an expense type without a label', { ...base, expenseTypes: [{ code: 'machinery', label: '' }] }, [{ path: 'expenseTypes[0].label', code: 'required' }]],
    [
      'an exclusion without criteria',
      { ...base, exclusions: [{ code: 'x', reason: '対象外' }] },
      [{ path: 'exclusions[0]', code: 'exclusionWithoutCriteria' }],
    ],
    [
      'an exclusion of an eligible expense type',
      { ...base, exclusions: [{ code: 'x', reason: '対象外', expenseTypes: ['machinery'] }] },
      [{ path: 'exclusions[0].expenseTypes', code: 'exclusionOfEligibleType' }],
    ],
    [
      'an exclusion without a reason',
      { ...base, exclusions: [{ code: 'x', reason: '', flags: ['generalPurpose'] }] },
      [{ path: 'exclusions[0].reason', code: 'required' }],
    ],
    // pricing kinds
    ['an unknown pricing kind', { ...base, pricing: cast({ kind: 'lottery' }) as never }, [{ path: 'pricing.kind', code: 'unknownKind' }]],
    ['an unknown category kind', cast({ ...base, kind: 'loan' }), [{ path: 'kind', code: 'unknownKind' }]],
    [
      'a contract without a valid ceiling',
      cast({ kind: 'contract', code: 'c', name: '委託', requirements: [], ceilingPerContract: -5 }),
      [{ path: 'ceilingPerContract', code: 'invalidYen' }],
    ],
    [
      'missing code and name',
      { ...base, code: '', name: ' ' },
      [
        { path: 'code', code: 'required' },
        { path: 'name', code: 'required' },
      ],
    ],
    ['itemized: a duplicate item kind', itemized({ items: [ITEM, ITEM] }), [{ path: 'pricing.items[1].itemKind', code: 'duplicateCode' }]],
    ['itemized: no item', itemized({ items: [] }), [{ path: 'pricing.items', code: 'required' }]],
    [
      'itemized: an expense type pricing as an unknown item',
      itemized({ items: [ITEM] }, [{ code: 'software', label: 'ソフト', itemKind: 'itTool' }]),
      [{ path: 'expenseTypes[0].itemKind', code: 'unknownItemKind' }],
    ],
    [
      'a share limit with tiered rates',
      {
        ...base,
        pricing: { kind: 'rate', rates: [SME_RATE, MID_RATE], cap: CAP, shareLimit: { label: 'ツール', expenseTypes: ['machinery'], maxShare: r(1, 2) } },
      },
      [{ path: 'pricing.shareLimit', code: 'shareLimitWithTiers' }],
    ],
    [
      'a share limit of 100%',
      {
        ...base,
        pricing: {
          kind: 'rate',
          rates: [MID_RATE, { ...SME_RATE, tiers: [{ rate: r(2, 3) }] }],
          cap: CAP,
          shareLimit: { label: 'ツール', expenseTypes: ['machinery'], maxShare: r(1, 1) },
        },
      },
      [{ path: 'pricing.shareLimit.maxShare', code: 'rateAboveOne' }],
    ],
    [
      'a share limit on an expense type the category lacks',
      {
        ...base,
        pricing: {
          kind: 'rate',
          rates: [MID_RATE, { ...SME_RATE, tiers: [{ rate: r(2, 3) }] }],
          cap: CAP,
          shareLimit: { label: 'ツール', expenseTypes: ['tools'], maxShare: r(1, 2) },
        },
      },
      [{ path: 'pricing.shareLimit.expenseTypes', code: 'unknownExpenseType' }],
    ],
  ])('%s', (_rule, config, expected) => {
    const problems = validateCategoryConfig(config);
    expect(problems.map((p) => ({ path: p.path, code: p.code }))).toEqual(expected);
    // every message names the path it is about, in Japanese
    for (const p of problems) expect(p.message.startsWith(`${p.path}:`)).toBe(true);
  });
});

/**
 * Configurations of the wrong shape (JSON an administrator entered): each was stored, or crashed the
 * validator or quote() with a TypeError (a 500), before the shape was checked first (config-shape.ts).
 */
describe('validateCategoryConfig: the shape first', () => {
  const rules = (when: unknown) => withRates({ ...SME_RATE, when } as RateRule, MID_RATE);
  it.each<[string, unknown, { path: string; code: string }[]]>([
    ['sizeClasses a number', rules({ sizeClasses: 5 }), [{ path: 'pricing.rates[0].when.sizeClasses', code: 'wrongType' }]],
    ['when null', rules(null), [{ path: 'pricing.rates[0].when', code: 'wrongType' }]],
    [
      'when left out',
      withRates({ label: 'x', tiers: [{ rate: r(1, 2) }] } as unknown as RateRule, SME_RATE, MID_RATE),
      [{ path: 'pricing.rates[0].when', code: 'required' }],
    ],
    [
      'a null bracket',
      withCap({ kind: 'byEmployees', brackets: [null, { min: 1, amount: 1 }] } as unknown as CapRule),
      [{ path: 'pricing.cap.brackets[0]', code: 'wrongType' }],
    ],
    [
      'a cap inside a size-class cap of the wrong shape',
      withCap({ kind: 'bySizeClass', entries: [{ sizeClasses: ['sme'], cap: { kind: 'fixed', amount: '1' } }] } as unknown as CapRule),
      [{ path: 'pricing.cap.entries[0].cap.amount', code: 'wrongType' }],
    ],
    [
      'an exclusion whose expense types are a number',
      { ...base, exclusions: [{ code: 'x', reason: 'y', expenseTypes: 5 }] },
      [{ path: 'exclusions[0].expenseTypes', code: 'wrongType' }],
    ],
    [
      'an exclusion whose flags are an object',
      { ...base, exclusions: [{ code: 'x', reason: 'y', flags: { length: 1 } }] },
      [{ path: 'exclusions[0].flags', code: 'wrongType' }],
    ],
    ['expense types as text', itemized({ items: [ITEM] }, 'abc' as never), [{ path: 'expenseTypes', code: 'wrongType' }]],
    ['a tier rate as text', withSmeTiers({ rate: '1/2' as never }), [{ path: 'pricing.rates[0].tiers[0].rate', code: 'wrongType' }]],
  ])('%s', (_rule, config, expected) => {
    const problems = validateCategoryConfig(cast(config));
    expect(problems.map((p) => ({ path: p.path, code: p.code }))).toEqual(expected);
    for (const p of problems) expect(p.message.startsWith(`${p.path}:`)).toBe(true);
  });
});
