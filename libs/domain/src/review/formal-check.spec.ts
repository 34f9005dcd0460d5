/** 要件確認: what the checklist contains, how answers are judged, and the 差戻し text. */
import { findCategory } from '../catalogue';
import type { CategoryConfig } from '../category';
import {
  advisorRequiredFor,
  buildFormalChecklist,
  correctionRequest,
  unmetRequirements,
  evaluateFormalCheck,
  formalCheckEligibility,
  overridesWithoutReason,
  requiredAttachmentsFor,
  type FormalCheckAnswer,
  type FormalCheckFacts,
} from './formal-check';

const FACTS: FormalCheckFacts = {
  requiredAttachments: [
    { kind: 'businessPlan', label: '事業計画書' },
    { kind: 'advisorConfirmation', label: '認定経営革新等支援機関による確認書' },
  ],
  presentAttachmentKinds: ['businessPlan', 'other'],
  eligibility: { eligible: true, reasons: [] },
  advisorRequired: true,
  advisorName: '東西信用金庫',
};

const codes = (facts: FormalCheckFacts) => buildFormalChecklist(facts).map((i) => i.code);
const item = (facts: FormalCheckFacts, code: string) => buildFormalChecklist(facts).find((i) => i.code === code);

describe('buildFormalChecklist', () => {
  it('lists documents, eligibility, the advisor and the declarations in that order', () => {
    expect(codes(FACTS)).toEqual([
      'document.businessPlan',
      'document.advisorConfirmation',
      'eligibility.requirements',
      'advisor.confirmed',
      'declaration.noDuplicate',
      'declaration.antisocialForces',
    ]);
  });

  it('suggests pass for an attached document and fail for a missing one', () => {
    expect(item(FACTS, 'document.businessPlan')).toMatchObject({ label: '添付書類「事業計画書」', source: 'document', suggestion: 'pass' });
    expect(item(FACTS, 'document.advisorConfirmation')).toMatchObject({ suggestion: 'fail', hint: '添付されていません' });
  });

  it('suggests nothing for a document of an application received on paper: the checker looks among its papers', () => {
    const paper = { ...FACTS, receivedOnPaper: true };
    expect(item(paper, 'document.advisorConfirmation')).toMatchObject({ suggestion: null, hint: expect.stringContaining('紙で受け付けた申請です') });
    // one uploaded all the same is seen as attached
    expect(item(paper, 'document.businessPlan')).toMatchObject({ suggestion: 'pass' });
  });

  it('lists a kind required twice once', () => {
    const facts = { ...FACTS, requiredAttachments: [...FACTS.requiredAttachments, { kind: 'businessPlan', label: '事業計画書' }] };
    expect(codes(facts).filter((c) => c === 'document.businessPlan')).toHaveLength(1);
  });

  it.each<[string, FormalCheckFacts['eligibility'], 'pass' | 'fail' | null, string]>([
    ['eligible → pass', { eligible: true, reasons: [] }, 'pass', '自動判定では要件を満たしています'],
    [
      'not eligible → fail, reasons listed',
      { eligible: false, reasons: ['売上高減少率が10%未満です', '従業員数が上限を超えています'] },
      'fail',
      '自動判定では要件を満たしていません：売上高減少率が10%未満です／従業員数が上限を超えています',
    ],
    ['no stored result → a person decides', null, null, '自動判定の結果がありません。申請内容から要件を確認してください'],
  ])('eligibility: %s', (_rule, eligibility, suggestion, hint) => {
    expect(item({ ...FACTS, eligibility }, 'eligibility.requirements')).toEqual({
      code: 'eligibility.requirements',
      label: '適格性・申請要件',
      source: 'eligibility',
      suggestion,
      hint,
      ...(suggestion === 'fail' ? { passNeedsReason: true } : {}),
    });
  });

  it('eligibility: lists each unmet requirement and the manual ones on the item; only a 不適 suggestion needs a reason to pass', () => {
    const failedRequirements = [{ code: 'salesDecline10pct', label: '売上高10%減少', message: '減少率は4.0%です' }];
    const failing = item({ ...FACTS, eligibility: { eligible: false, reasons: ['減少率は4.0%です'], failedRequirements } }, 'eligibility.requirements');
    expect(failing).toMatchObject({ suggestion: 'fail', passNeedsReason: true, failedRequirements });
    const passing = item({ ...FACTS, eligibility: { eligible: true, reasons: [], manualRequirements: ['賃上げ計画'] } }, 'eligibility.requirements');
    expect(passing).toMatchObject({
      suggestion: 'pass',
      manualRequirements: ['賃上げ計画'],
      hint: '自動判定では要件を満たしています。人による確認が必要な要件があります',
    });
    expect(passing?.passNeedsReason).toBeUndefined();
    // documents and the advisor keep their suggestion without asking for a reason (paper documents are common)
    expect(buildFormalChecklist(FACTS).filter((i) => i.passNeedsReason)).toEqual([]);
  });

  it.each<[string, string | null, 'fail' | null]>([
    ['an advisor named → a person confirms', '東西信用金庫', null],
    ['no advisor → fail', null, 'fail'],
    ['a blank advisor name counts as none', '　 ', 'fail'],
  ])('advisor: %s', (_rule, advisorName, suggestion) => {
    expect(item({ ...FACTS, advisorName }, 'advisor.confirmed')).toMatchObject({ label: '認定支援機関の確認書', source: 'advisor', suggestion });
  });

  it('has no advisor item when the category does not need one', () => {
    expect(codes({ ...FACTS, advisorRequired: false, advisorName: null })).not.toContain('advisor.confirmed');
  });

  it('always leaves the declarations to a person', () => {
    for (const code of ['declaration.noDuplicate', 'declaration.antisocialForces']) {
      expect(item(FACTS, code)).toMatchObject({ source: 'declaration', suggestion: null });
    }
    expect(item(FACTS, 'declaration.noDuplicate')?.label).toBe('他の補助金との重複受給がない');
    expect(item(FACTS, 'declaration.antisocialForces')?.label).toBe('反社会的勢力に該当しない');
  });
});

describe('formalCheckEligibility (from what the application stores)', () => {
  const report = (failures: { requirement: string; message: string }[], manual: string[] = []) => ({
    ok: failures.length === 0,
    failures,
    manual,
    outcomes: [],
  });
  const eligibleQuote = { eligible: true, amount: 10_000_000, ineligibility: [] };

  it('fails on the stored eligibility report even when the quote itself is eligible, naming each unmet requirement in Japanese', () => {
    const e = formalCheckEligibility(
      report([
        { requirement: 'salesDecline10pct', message: '売上高の減少率は4.0%で、10%に届きません' },
        { requirement: 'certifiedAdvisorPlan|financialInstitutionAbove30M', message: '次のいずれかを満たす必要があります' },
      ]),
      eligibleQuote,
    );
    expect(e).toEqual({
      eligible: false,
      reasons: ['売上高の減少率は4.0%で、10%に届きません', '次のいずれかを満たす必要があります'],
      failedRequirements: [
        {
          code: 'salesDecline10pct',
          label: '2020年4月以降の連続する6か月間のうち任意の3か月の合計売上高が、コロナ以前の同3か月の合計売上高と比較して10%以上減少していること',
          message: '売上高の減少率は4.0%で、10%に届きません',
        },
        {
          code: 'certifiedAdvisorPlan|financialInstitutionAbove30M',
          label: '認定経営革新等支援機関と事業計画を策定していること 又は 補助金額が3,000万円を超える場合は、金融機関とも事業計画を策定していること',
          message: '次のいずれかを満たす必要があります',
        },
      ],
      manualRequirements: [],
    });
    const checklist = buildFormalChecklist({ ...FACTS, eligibility: e });
    expect(checklist.find((i) => i.code === 'eligibility.requirements')).toMatchObject({ suggestion: 'fail', passNeedsReason: true });
  });

  it('passes when the report has no failure and the quote is eligible; manual requirements come with their text', () => {
    expect(formalCheckEligibility(report([], ['wageTargets']), eligibleQuote)).toEqual({
      eligible: true,
      reasons: [],
      failedRequirements: [],
      manualRequirements: ['給与支給総額・事業場内最低賃金の増加目標を達成すること（未達の場合は補助金の全額返還）'],
    });
  });

  it('fails when the quote is not eligible (e.g. below the floor) although every requirement is met', () => {
    const e = formalCheckEligibility(report([]), { eligible: false, amount: 0, ineligibility: [{ message: '補助金額が下限の100万円に届きません' }] });
    expect(e).toMatchObject({ eligible: false, reasons: ['補助金額が下限の100万円に届きません'], failedRequirements: [] });
  });

  it("a benefit stores no report: the quote's own judgement; nothing stored → null", () => {
    expect(formalCheckEligibility(null, { eligible: false, ineligibility: [{ message: '売上高の入力がありません' }] })).toMatchObject({
      eligible: false,
      reasons: ['売上高の入力がありません'],
    });
    expect(formalCheckEligibility(null, { eligible: true })).toMatchObject({ eligible: true, reasons: [] });
    expect(formalCheckEligibility(null, null)).toBeNull();
    expect(formalCheckEligibility('garbage', 42)).toBeNull();
  });
});

describe('requiredAttachmentsFor / advisorRequiredFor (from the category configuration)', () => {
  const standard = findCategory('restructuring.r3-sup', 'restructuring.standard') as CategoryConfig;
  const sustainability = findCategory('sustainability.r3-sup', 'sustainability.standard') as CategoryConfig;

  it('事業再構築 通常枠 above 3,000万円: plan, advisor, bank and sales evidence with their labels', () => {
    expect(requiredAttachmentsFor(standard, 30_000_001)).toEqual([
      { kind: 'businessPlan', label: '事業計画書' },
      { kind: 'advisorConfirmation', label: '認定経営革新等支援機関による確認書' },
      { kind: 'financialInstitutionConfirmation', label: '金融機関による確認書' },
      { kind: 'salesEvidence', label: '売上高が減少したことを示す書類' },
    ]);
    expect(advisorRequiredFor(standard)).toBe(true);
  });

  it('持続化 通常枠: the business plan only, no advisor', () => {
    expect(requiredAttachmentsFor(sustainability, 500_000)).toEqual([{ kind: 'businessPlan', label: '事業計画書' }]);
    expect(advisorRequiredFor(sustainability)).toBe(false);
  });
});

describe('evaluateFormalCheck', () => {
  const items = buildFormalChecklist(FACTS);
  const allPassed: FormalCheckAnswer[] = items.map((i) => ({ code: i.code, passed: true }));

  it('every item passed → complete and passed', () => {
    expect(evaluateFormalCheck(items, allPassed)).toEqual({ complete: true, passed: true, missing: [], unknown: [], failed: [], overridden: [] });
  });

  it('unanswered items are missing, in checklist order; not complete, not passed', () => {
    const e = evaluateFormalCheck(
      items,
      allPassed.filter((a) => a.code !== 'declaration.noDuplicate' && a.code !== 'document.businessPlan'),
    );
    expect(e).toMatchObject({ complete: false, passed: false, missing: ['document.businessPlan', 'declaration.noDuplicate'] });
  });

  it('a failed item with or without a comment is valid; comments are trimmed, blank ones become null', () => {
    const answers = allPassed.map((a) =>
      a.code === 'document.advisorConfirmation'
        ? { ...a, passed: false, comment: '  確認書が添付されていません。 ' }
        : a.code === 'declaration.antisocialForces'
          ? { ...a, passed: false, comment: '  ' }
          : a,
    );
    expect(evaluateFormalCheck(items, answers)).toEqual({
      complete: true,
      passed: false,
      missing: [],
      unknown: [],
      failed: [
        { code: 'document.advisorConfirmation', label: '添付書類「認定経営革新等支援機関による確認書」', comment: '確認書が添付されていません。' },
        { code: 'declaration.antisocialForces', label: '反社会的勢力に該当しない', comment: null },
      ],
      overridden: [],
    });
  });

  it('reports answers for codes not on the checklist once each, without failing the check', () => {
    const e = evaluateFormalCheck(items, [...allPassed, { code: 'document.salesEvidence', passed: true }, { code: 'document.salesEvidence', passed: false }]);
    expect(e).toMatchObject({ complete: true, passed: true, unknown: ['document.salesEvidence'] });
  });

  it('the last answer for a code counts', () => {
    const e = evaluateFormalCheck(items, [...allPassed, { code: 'declaration.noDuplicate', passed: false }]);
    expect(e.failed.map((f) => f.code)).toEqual(['declaration.noDuplicate']);
    expect(evaluateFormalCheck(items, [{ code: 'declaration.noDuplicate', passed: false }, ...allPassed]).passed).toBe(true);
  });

  it('an empty checklist with no answers is complete and passed', () => {
    expect(evaluateFormalCheck([], [])).toEqual({ complete: true, passed: true, missing: [], unknown: [], failed: [], overridden: [] });
  });

  describe('適 against a 不適 eligibility suggestion', () => {
    const failing = buildFormalChecklist({ ...FACTS, eligibility: { eligible: false, reasons: ['減少率不足'] } });
    const passAll = (reason?: string): FormalCheckAnswer[] =>
      failing.map((i) => ({
        code: i.code,
        passed: true,
        ...(i.code === 'eligibility.requirements' && reason !== undefined ? { overrideReason: reason } : {}),
      }));

    it('without a reason (or a blank one) is reported by overridesWithoutReason and as overridden with reason null', () => {
      expect(overridesWithoutReason(failing, passAll())).toEqual(['eligibility.requirements']);
      expect(overridesWithoutReason(failing, passAll('   '))).toEqual(['eligibility.requirements']);
      expect(evaluateFormalCheck(failing, passAll()).overridden).toEqual([{ code: 'eligibility.requirements', label: '適格性・申請要件', reason: null }]);
    });

    it('with a reason is accepted, the reason trimmed', () => {
      expect(overridesWithoutReason(failing, passAll(' 売上台帳で10%減少を確認 '))).toEqual([]);
      expect(evaluateFormalCheck(failing, passAll(' 売上台帳で10%減少を確認 '))).toMatchObject({
        passed: true,
        overridden: [{ code: 'eligibility.requirements', reason: '売上台帳で10%減少を確認' }],
      });
    });

    it('agreeing (不適) needs no reason, nor does 適 on an item suggested 適', () => {
      const agree = passAll().map((a) => (a.code === 'eligibility.requirements' ? { ...a, passed: false } : a));
      expect(overridesWithoutReason(failing, agree)).toEqual([]);
      expect(evaluateFormalCheck(failing, agree).overridden).toEqual([]);
      expect(overridesWithoutReason(items, allPassed)).toEqual([]);
    });
  });
});

describe('correctionRequest', () => {
  it('numbers the failed items: label：comment, or the label alone', () => {
    expect(
      correctionRequest([
        { code: 'document.businessPlan', label: '添付書類「事業計画書」', comment: '3ページ目が欠落しています。' },
        { code: 'declaration.noDuplicate', label: '他の補助金との重複受給がない', comment: null },
      ]),
    ).toBe(
      [
        '要件確認の結果、次の点に不備がありました。内容をご確認のうえ、修正又は書類の追加をして再提出してください。',
        '',
        '1. 添付書類「事業計画書」：3ページ目が欠落しています。',
        '2. 他の補助金との重複受給がない',
      ].join('\n'),
    );
  });

  it('is empty when nothing failed', () => {
    expect(correctionRequest([])).toBe('');
  });
});

describe('unmetRequirements (the 要件不適合 reason)', () => {
  const failed = [
    { code: 'advisorConfirmation', label: '認定経営革新等支援機関の確認書', comment: '提出されていません' },
    { code: 'salesDecline', label: '売上高減少要件', comment: null },
  ];

  it.each([
    ['lists each requirement not met, with its comment', undefined, '1. 認定経営革新等支援機関の確認書：提出されていません\n2. 売上高減少要件'],
    [
      'adds the checker’s note after them',
      '  売上高の根拠資料に矛盾があります ',
      '1. 認定経営革新等支援機関の確認書：提出されていません\n2. 売上高減少要件\n\n補足: 売上高の根拠資料に矛盾があります',
    ],
  ])('%s', (_rule, note, expected) => {
    expect(unmetRequirements(failed, note)).toBe(expected);
  });

  it('asks for nothing: no 再提出, no 修正', () => {
    expect(unmetRequirements(failed, null)).not.toMatch(/再提出|修正/);
  });
});
