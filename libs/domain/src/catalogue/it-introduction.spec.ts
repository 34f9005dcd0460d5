/** IT導入補助金 (programs.md §5): item sub-limits, the ITツール tier, the 複数社連携 group rule, 通常枠 A/B. */
import type { ExpenseLine, QuoteApplicant } from '../quote';
import { quoteLines, quoteSingle } from './__tests__/quote-helpers';

const R3 = 'itIntroduction.r3-sup';
const R1 = 'itIntroduction.r1-sup';
const sme: QuoteApplicant = { sizeClass: 'sme', employeeCount: 10 };

describe('デジタル化基盤導入類型: each item kind priced on its own', () => {
  it.each<{ rule: string; lines: ExpenseLine[]; amount: number }>([
    { rule: 'ITツール 3/4 below 50万 of subsidy (400,000 → 300,000)', lines: [{ expenseType: 'software', amount: 400_000 }], amount: 300_000 },
    {
      rule: 'ITツール subsidy exactly 50万 stays at 3/4 (666,667 × 3/4 = 500,000.25 → 500,000)',
      lines: [{ expenseType: 'software', amount: 666_667 }],
      amount: 500_000,
    },
    {
      rule: 'ITツール above 50万 of subsidy at 2/3 (666,671: 500,000 + 4 × 2/3 = 500,002; flat 3/4 would be 500,003)',
      lines: [{ expenseType: 'software', amount: 666_671 }],
      amount: 500_002,
    },
    { rule: 'ITツール 2,000,000 → 500,000 + 1,333,333 × 2/3 = 1,388,888', lines: [{ expenseType: 'cloudUsage', amount: 2_000_000 }], amount: 1_388_888 },
    { rule: 'ITツール reaches 350万 exactly (5,166,667 → 500,000 + 3,000,000)', lines: [{ expenseType: 'software', amount: 5_166_667 }], amount: 3_500_000 },
    { rule: 'ITツール capped at 350万 in total (10,000,000 → 6,722,222)', lines: [{ expenseType: 'software', amount: 10_000_000 }], amount: 3_500_000 },
    {
      rule: 'ソフト + クラウド + 導入関連費 are one ITツール item (300,000 × 3 = 900,000 → 500,000 + 233,333 × 2/3)',
      lines: [
        { expenseType: 'software', amount: 300_000 },
        { expenseType: 'cloudUsage', amount: 300_000 },
        { expenseType: 'implementation', amount: 300_000 },
      ],
      amount: 655_555,
    },
    { rule: 'PC・タブレット 1/2 (150,001 → 75,000)', lines: [{ expenseType: 'hardware', itemKind: 'pc', amount: 150_001 }], amount: 75_000 },
    { rule: 'PC・タブレット exactly 10万 (200,000 × 1/2)', lines: [{ expenseType: 'hardware', itemKind: 'pc', amount: 200_000 }], amount: 100_000 },
    { rule: 'PC・タブレット capped at 10万 (200,002 × 1/2 = 100,001)', lines: [{ expenseType: 'hardware', itemKind: 'pc', amount: 200_002 }], amount: 100_000 },
    { rule: 'レジ・券売機 1/2 (300,000 → 150,000)', lines: [{ expenseType: 'hardware', itemKind: 'register', amount: 300_000 }], amount: 150_000 },
    {
      rule: 'レジ・券売機 capped at 20万 (1,000,000 × 1/2 = 500,000)',
      lines: [{ expenseType: 'hardware', itemKind: 'register', amount: 1_000_000 }],
      amount: 200_000,
    },
    {
      rule: 'items are summed after their own limits: 1,388,888 + 100,000 + 200,000',
      lines: [
        { expenseType: 'software', amount: 2_000_000 },
        { expenseType: 'hardware', itemKind: 'pc', amount: 300_000 },
        { expenseType: 'hardware', itemKind: 'register', amount: 500_000 },
      ],
      amount: 1_688_888,
    },
    {
      rule: 'two PC lines share the one 10万 limit (120,000 + 120,000 → 120,000)',
      lines: [
        { expenseType: 'hardware', itemKind: 'pc', amount: 120_000 },
        { expenseType: 'hardware', itemKind: 'pc', amount: 120_000 },
      ],
      amount: 100_000,
    },
  ])('$rule', ({ lines, amount }) => {
    expect(quoteLines(R3, 'itIntroduction.digitalBase', sme, lines)).toMatchObject({ eligible: true, amount, problems: [] });
  });

  it('reports each item with its steps and cap', () => {
    const result = quoteLines(R3, 'itIntroduction.digitalBase', sme, [
      { expenseType: 'software', amount: 2_000_000 },
      { expenseType: 'hardware', itemKind: 'pc', amount: 300_000 },
    ]);
    expect(result.parts.map((p) => [p.code, p.steps.map((s) => [s.expenses, s.amount]), p.cap?.amount, p.amount])).toEqual([
      [
        'itTool',
        [
          [666_667, 500_000],
          [1_333_333, 888_888],
        ],
        3_500_000,
        1_388_888,
      ],
      ['pc', [[300_000, 150_000]], 100_000, 100_000],
    ]);
  });

  it.each([
    { rule: 'a hardware line must say which item it is', line: { expenseType: 'hardware', amount: 100_000 }, code: 'missingItemKind' },
    {
      rule: 'an item kind the category does not price is refused',
      line: { expenseType: 'hardware', itemKind: 'server', amount: 100_000 },
      code: 'unknownItemKind',
    },
    {
      rule: 'hardware is never an ITツール (2,000,000 of PCs would price at 3/4 up to 350万)',
      line: { expenseType: 'hardware', itemKind: 'itTool', amount: 2_000_000 },
      code: 'itemKindNotOfExpenseType',
    },
    {
      rule: 'software is an ITツール, never a PC at 1/2',
      line: { expenseType: 'software', itemKind: 'pc', amount: 100_000 },
      code: 'itemKindNotOfExpenseType',
    },
  ])('$rule', ({ line, code }) => {
    const result = quoteLines(R3, 'itIntroduction.digitalBase', sme, [line]);
    expect(result).toMatchObject({ eligible: false, amount: 0, problems: [{ code, field: 'expenses[0].itemKind' }] });
    expect(result.problems[0].message).toContain('expenses[0].itemKind');
  });

  it('says which items a 経費区分 may be', () => {
    expect(quoteLines(R3, 'itIntroduction.digitalBase', sme, [{ expenseType: 'hardware', itemKind: 'itTool', amount: 1 }]).problems[0].message).toBe(
      'expenses[0].itemKind（品目）「itTool」は経費区分「ハードウェア購入費」の品目ではありません（pc / register）',
    );
    expect(quoteLines(R3, 'itIntroduction.digitalBase', sme, [{ expenseType: 'hardware', amount: 1 }]).problems[0].message).toBe(
      'expenses[0].itemKind（品目: pc / register）を指定してください',
    );
    // the item its type fixes, named again, is that item
    expect(quoteLines(R3, 'itIntroduction.digitalBase', sme, [{ expenseType: 'software', itemKind: 'itTool', amount: 400_000 }])).toMatchObject({
      amount: 300_000,
      problems: [],
    });
  });
});

describe('複数社連携IT導入類型: group rule', () => {
  const group = (participantCount: number): QuoteApplicant => ({ sizeClass: 'sme', employeeCount: 5, participantCount });
  const tenTools: ExpenseLine[] = Array.from({ length: 10 }, (_, i) => ({ expenseType: 'software', amount: 10_000_000, participant: `P${i + 1}` }));

  it.each<{ rule: string; participants: number; lines: ExpenseLine[]; amount: number }>([
    {
      rule: '(1) per participant + (2) 2/3 + (3) limited to ((1)+(2)) × 10%: 1,388,888 + 100,000 + 800,000 + 228,888',
      participants: 12,
      lines: [
        { expenseType: 'software', amount: 2_000_000, participant: 'A' },
        { expenseType: 'hardware', itemKind: 'pc', amount: 300_000, participant: 'B' },
        { expenseType: 'consumerAnalysis', amount: 1_200_000 },
        { expenseType: 'adminExpert', amount: 500_000 },
      ],
      amount: 2_517_776,
    },
    {
      rule: '(3) below its limit stays at 2/3 (150,000 × 2/3 = 100,000 ≤ 228,888)',
      participants: 12,
      lines: [
        { expenseType: 'software', amount: 2_000_000, participant: 'A' },
        { expenseType: 'hardware', itemKind: 'pc', amount: 300_000, participant: 'B' },
        { expenseType: 'consumerAnalysis', amount: 1_200_000 },
        { expenseType: 'adminExpert', amount: 150_000 },
      ],
      amount: 2_388_888,
    },
    {
      rule: '(2) limited to 50万 × participants (10 × 50万 = 500万; 9,000,000 × 2/3 = 600万)',
      participants: 10,
      lines: [{ expenseType: 'consumerAnalysis', amount: 9_000_000 }],
      amount: 5_000_000,
    },
    {
      rule: '(1) per participant: each business has its own 350万 ITツール limit (2 × 350万)',
      participants: 10,
      lines: [
        { expenseType: 'software', amount: 10_000_000, participant: 'A' },
        { expenseType: 'software', amount: 10_000_000, participant: 'B' },
      ],
      amount: 7_000_000,
    },
    {
      rule: '(1)+(2) limited to 3,000万 (10 × 350万 = 3,500万), then (3) ≤ 300万 (6,000,000 × 2/3 = 400万)',
      participants: 10,
      lines: [...tenTools, { expenseType: 'adminExpert', amount: 6_000_000 }],
      amount: 33_000_000,
    },
  ])('$rule', ({ participants, lines, amount }) => {
    expect(quoteLines(R3, 'itIntroduction.multiCompany', group(participants), lines)).toMatchObject({ eligible: true, amount, problems: [] });
  });

  it('explains the combined limit and the share limit of (3)', () => {
    const result = quoteLines(R3, 'itIntroduction.multiCompany', group(10), [...tenTools, { expenseType: 'adminExpert', amount: 6_000_000 }]);
    expect(result.cap).toEqual({ amount: 30_000_000, reason: '', binding: true });
    expect(result.parts.find((p) => p.code === 'admin')?.cap).toEqual({ amount: 3_000_000, reason: '(1)+(2) 30,000,000円 × 1/10', binding: true });
    expect(result.explanation).toContain('(1)基盤導入経費+(2)消費動向等分析経費の上限を適用: 35,000,000円 → 30,000,000円');
  });

  it.each([
    {
      rule: 'a 基盤導入 line must name its participant',
      applicant: group(10),
      lines: [{ expenseType: 'software', amount: 100_000 }],
      problem: { code: 'missingParticipant', field: 'expenses[0].participant' },
    },
    {
      rule: '(2) needs the number of participants',
      applicant: { sizeClass: 'sme' as const, employeeCount: 5 },
      lines: [{ expenseType: 'consumerAnalysis', amount: 100_000 }],
      problem: { code: 'missingParticipantCount', field: 'applicant.participantCount' },
    },
    {
      rule: 'more participants in the lines than declared',
      applicant: group(1),
      lines: [
        { expenseType: 'software', amount: 100_000, participant: 'A' },
        { expenseType: 'software', amount: 100_000, participant: 'B' },
      ],
      problem: { code: 'tooManyParticipants', field: 'applicant.participantCount' },
    },
  ])('$rule', ({ applicant, lines, problem }) => {
    const result = quoteLines(R3, 'itIntroduction.multiCompany', applicant, lines);
    expect(result).toMatchObject({ eligible: false, amount: 0, problems: [problem] });
    expect(result.problems[0].message).toContain(problem.field);
  });
});

describe('通常枠 (reference, 令和元年度補正): bounds on the subsidy', () => {
  it.each([
    { rule: 'A類型 below 30万 is not eligible (599,998 × 1/2 = 299,999)', category: 'itIntroduction.standardA', expenses: 599_998, eligible: false, amount: 0 },
    { rule: 'A類型 at 30万 (600,000 × 1/2)', category: 'itIntroduction.standardA', expenses: 600_000, eligible: true, amount: 300_000 },
    { rule: 'A類型 150万未満: capped at 1,499,999', category: 'itIntroduction.standardA', expenses: 4_000_000, eligible: true, amount: 1_499_999 },
    {
      rule: 'B類型 below 150万 is not eligible (2,999,998 × 1/2 = 1,499,999)',
      category: 'itIntroduction.standardB',
      expenses: 2_999_998,
      eligible: false,
      amount: 0,
    },
    { rule: 'B類型 at 150万', category: 'itIntroduction.standardB', expenses: 3_000_000, eligible: true, amount: 1_500_000 },
    { rule: 'B類型 450万以下: capped at 450万', category: 'itIntroduction.standardB', expenses: 10_000_000, eligible: true, amount: 4_500_000 },
  ])('$rule', ({ category, expenses, eligible, amount }) => {
    expect(quoteSingle(R1, category, sme, expenses, 'software')).toMatchObject({ eligible, amount });
  });
});
