/** The reference catalogue: structure, stable codes, rounds and their rule sets, lookups. */
import {
  JST_INSTANT,
  REFERENCE_CATALOGUE,
  categoriesOfRound,
  findCategory,
  findProgram,
  findRound,
  findRoundCategory,
  findRuleSet,
  ruleSetsOfProgram,
  validateCatalogue,
  type ReferenceCatalogue,
} from '.';

describe('REFERENCE_CATALOGUE', () => {
  it('passes validateCatalogue (unique codes, references, JST instants, valid categories)', () => {
    expect(validateCatalogue(REFERENCE_CATALOGUE)).toEqual([]);
  });

  it('lists every programme of programs.md with its kind and workflow', () => {
    expect(REFERENCE_CATALOGUE.programs.map((p) => [p.code, p.kind, p.workflowKind])).toEqual([
      ['recoveryBenefit', 'benefit', 'benefit'],
      ['restructuring', 'subsidy', 'subsidy'],
      ['regionalDx', 'subsidy', 'subsidy'],
      ['regionalDigitalInnovation', 'subsidy', 'subsidy'],
      ['regionalDigitalTalent', 'contract', 'subsidy'],
      ['regionalCoexistence', 'subsidy', 'subsidy'],
      ['monozukuri', 'subsidy', 'subsidy'],
      ['sustainability', 'subsidy', 'subsidy'],
      ['itIntroduction', 'subsidy', 'itSubsidy'],
      ['businessSuccession', 'subsidy', 'subsidy'],
      ['cocreationServiceIt', 'subsidy', 'subsidy'],
    ]);
  });

  it.each([
    ['restructuring.r2-sup3', '令和2年度第3次補正', ['standard', 'emergency', 'minimumWage', 'largeWageIncrease', 'graduation', 'globalVRecovery']],
    ['restructuring.r3-sup', '令和3年度補正', ['standard', 'largeWageIncrease', 'recovery', 'minimumWage', 'greenGrowth']],
    ['monozukuri.r3-sup', '令和3年度補正（10次公募〜）', ['standard', 'recoveryWageIncrease', 'digital', 'green']],
    ['sustainability.r3-sup', '令和3年度補正', ['standard', 'growthDistribution', 'renewal', 'invoice']],
    ['sustainability.r2-sup3', '令和2年度第3次補正（低感染リスク型ビジネス枠）', ['lowInfectionRisk']],
    ['itIntroduction.r3-sup', '令和3年度補正（デジタル化基盤導入枠）', ['digitalBase', 'multiCompany']],
    ['itIntroduction.r1-sup', '令和元年度補正（通常枠）', ['standardA', 'standardB']],
    ['recoveryBenefit.r3-sup', '令和3年度補正', ['benefit']],
    ['regionalDx.r4', '令和4年度当初（地域未来DX投資促進事業）', ['typeA', 'typeB', 'typeC']],
    ['regionalDigitalInnovation.r4', '令和4年度当初（地域未来DX投資促進事業）', ['sme', 'nonSme']],
    ['regionalDigitalTalent.r3-sup', '令和3年度補正', ['fieldTrainingFormation']],
    ['regionalCoexistence.r4', '令和4年度当初', ['standard', 'wide', 'extraWide']],
    ['businessSuccession.r3-sup', '令和3年度補正', ['innovation', 'expertUse', 'closure']],
    ['cocreationServiceIt.r4', '令和4年度当初', ['standard']],
  ])('rule set %s (%s) has categories %j', (code, label, categories) => {
    const ruleSet = findRuleSet(code)!;
    expect(ruleSet.label).toBe(label);
    expect(ruleSet.categories.map((c) => c.code)).toEqual(categories.map((c) => `${ruleSet.programCode}.${c}`));
  });

  it('marks the benefit as a marker category for ../benefit', () => {
    expect(findCategory('recoveryBenefit.r3-sup', 'recoveryBenefit.benefit')).toEqual({
      kind: 'benefit',
      code: 'recoveryBenefit.benefit',
      name: '事業復活支援金',
      requirements: ['covidImpact', 'benefitSalesDecline30pct', 'preCheck'],
    });
  });
});

describe('rounds', () => {
  it.each([
    [
      'restructuring.round4',
      'restructuring.r2-sup3',
      '2021-10-28T00:00:00+09:00',
      '2021-12-21T18:00:00+09:00',
      '令和4年3月上旬頃（予定）',
      '2022-03-01T00:00:00+09:00',
      '2022-03-10T23:59:59+09:00',
    ],
    [
      'restructuring.round5',
      'restructuring.r2-sup3',
      '2022-01-20T00:00:00+09:00',
      '2022-03-24T18:00:00+09:00',
      '令和4年5月下旬～6月上旬頃（予定）',
      '2022-05-21T00:00:00+09:00',
      '2022-06-10T23:59:59+09:00',
    ],
  ])('%s (from the briefing) runs on %s', (code, ruleSetCode, opensAt, closesAt, label, from, to) => {
    expect(findRound(code)).toMatchObject({ ruleSetCode, opensAt, closesAt, announcement: { label, from, to } });
  });

  it('第4回 closes at 2021-12-21 09:00 UTC (18:00 JST)', () => {
    expect(new Date(findRound('restructuring.round4')!.closesAt).toISOString()).toBe('2021-12-21T09:00:00.000Z');
  });

  it('第6回 runs on the 令和3年度補正 rule set, with assumed dates', () => {
    const round = findRound('restructuring.round6')!;
    expect(round.ruleSetCode).toBe('restructuring.r3-sup');
    expect(round.assumption).toContain('仮置き');
  });

  it.each(REFERENCE_CATALOGUE.rounds.map((r) => [r.code, r]))('%s has JST instants', (_code, round) => {
    expect(round.opensAt).toMatch(JST_INSTANT);
    expect(round.closesAt).toMatch(JST_INSTANT);
  });

  it.each(REFERENCE_CATALOGUE.rounds.filter((r) => r.code !== 'restructuring.round4').map((r) => [r.code, r]))(
    '%s states what it assumes (no round but 第4回 is fully given by the briefing)',
    (_code, round) => {
      expect(round.assumption).toEqual(expect.any(String));
    },
  );

  it('the same 類型 code resolves to the rule set of the round (通常枠 ≤20人: 4,000万 in 第5回, 2,000万 in 第6回)', () => {
    const cap = (round: string) => {
      const category = findRoundCategory(round, 'restructuring.standard');
      return category?.kind === 'subsidy' && category.pricing.kind === 'rate' && category.pricing.cap.kind === 'byEmployees'
        ? category.pricing.cap.brackets[0].amount
        : undefined;
    };
    expect([cap('restructuring.round5'), cap('restructuring.round6')]).toEqual([40_000_000, 20_000_000]);
  });

  it('第6回 no longer offers 緊急事態宣言特別枠', () => {
    expect(findRoundCategory('restructuring.round6', 'restructuring.emergency')).toBeUndefined();
    expect(categoriesOfRound('restructuring.round6').map((c) => c.code)).toContain('restructuring.recovery');
  });
});

describe('lookups', () => {
  it('find by code, undefined when unknown', () => {
    expect(findProgram('monozukuri')?.name).toBe('ものづくり補助金（ものづくり・商業・サービス生産性向上促進事業）');
    expect(findProgram('nope')).toBeUndefined();
    expect(findRound('nope')).toBeUndefined();
    expect(findCategory('restructuring.r3-sup', 'restructuring.emergency')).toBeUndefined();
    expect(categoriesOfRound('nope')).toEqual([]);
    expect(ruleSetsOfProgram('restructuring').map((r) => `${r.edition} v${r.version ?? 1}`)).toEqual(['r2-sup3 v1', 'r2-sup3 v2', 'r3-sup v1']);
  });
});

describe('validateCatalogue', () => {
  const base = REFERENCE_CATALOGUE;
  const round4 = findRound('restructuring.round4')!;
  it.each<[string, ReferenceCatalogue, string]>([
    ['duplicate round code', { ...base, rounds: [...base.rounds, round4] }, '公募回コード restructuring.round4 が重複しています'],
    ['round on an unknown rule set', { ...base, rounds: [{ ...round4, ruleSetCode: 'restructuring.r9' }] }, '予算 restructuring.r9 がありません'],
    ['instant without the JST offset', { ...base, rounds: [{ ...round4, closesAt: '2021-12-21T18:00:00Z' }] }, 'closesAt は +09:00 付きの日時にしてください'],
    ['closing before opening', { ...base, rounds: [{ ...round4, closesAt: '2021-10-01T18:00:00+09:00' }] }, '応募締切は公募開始より後にしてください'],
    [
      'category a round offers but its rule set lacks',
      { ...base, rounds: [{ ...round4, categoryCodes: ['restructuring.greenGrowth'] }] },
      '類型 restructuring.greenGrowth が予算 restructuring.r2-sup3 にありません',
    ],
  ])('%s', (_rule, catalogue, message) => {
    expect(validateCatalogue(catalogue).map((p) => p.message)).toContain(message);
  });
});
