/** 要件確認: what the checklist contains, how answers are judged, and the 差戻し text. */
import { findCategory } from '../catalogue';
import type { CategoryConfig } from '../category';
import {
  advisorRequiredFor,
  buildFormalChecklist,
  correctionRequest,
  evaluateFormalCheck,
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
    });
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
    expect(evaluateFormalCheck(items, allPassed)).toEqual({ complete: true, passed: true, missing: [], unknown: [], failed: [] });
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
    expect(evaluateFormalCheck([], [])).toEqual({ complete: true, passed: true, missing: [], unknown: [], failed: [] });
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
