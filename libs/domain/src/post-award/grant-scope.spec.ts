import { approvedPlanChanges, grantedExpenseTypes, linesOutsideGrant } from './grant-scope';

const at = (iso: string) => new Date(iso);
const line = (expenseType: string, amount = 1_000_000) => ({ expenseType, amount });
const types = [
  { code: 'machinery', label: '機械装置・システム構築費' },
  { code: 'advertising', label: '広告宣伝・販売促進費' },
];

describe('approvedPlanChanges', () => {
  const first = { filedAt: at('2026-06-01T01:00:00Z'), expenses: [line('advertising')] };
  const second = { filedAt: at('2026-07-01T01:00:00Z'), expenses: [line('training')] };

  it('takes each approval as the answer to the latest request filed before it', () => {
    expect(approvedPlanChanges([second, first], [at('2026-06-10T00:00:00Z')])).toEqual([first]);
    expect(approvedPlanChanges([first, second], [at('2026-07-02T00:00:00Z')])).toEqual([second]);
    expect(approvedPlanChanges([first, second], [at('2026-06-10T00:00:00Z'), at('2026-07-02T00:00:00Z')])).toEqual([first, second]);
  });

  it('leaves a request approved by nothing (refused, or still pending) out', () => {
    expect(approvedPlanChanges([first, second], [])).toEqual([]);
  });

  it('does not count an approval recorded before any request', () => {
    expect(approvedPlanChanges([first], [at('2026-05-01T00:00:00Z')])).toEqual([]);
  });
});

describe('grantedExpenseTypes', () => {
  it('is the 交付申請 types and those of the approved 計画変更', () => {
    const granted = grantedExpenseTypes(
      [line('machinery')],
      [
        { filedAt: at('2026-06-01T00:00:00Z'), expenses: [line('advertising')] },
        { filedAt: at('2026-06-02T00:00:00Z'), expenses: null },
      ],
    );
    expect([...granted].sort()).toEqual(['advertising', 'machinery']);
  });
});

describe('linesOutsideGrant', () => {
  it('names each line of a 区分 the grant does not cover, by index and label', () => {
    const problems = linesOutsideGrant([line('machinery'), line('advertising'), line('unknownType')], new Set(['machinery']), types);
    expect(problems.map((p) => p.field)).toEqual(['expenses[1].expenseType', 'expenses[2].expenseType']);
    expect(problems[0].message).toContain('経費区分「広告宣伝・販売促進費」は交付決定を受けた経費');
    expect(problems[1].message).toContain('経費区分「unknownType」');
  });

  it('offers a 計画変更 only to a procedure that has one', () => {
    const [withPlanChange] = linesOutsideGrant([line('advertising')], new Set(['machinery']), types);
    expect(withPlanChange.message).toContain('先に計画変更の承認を受けてください');
    const [without] = linesOutsideGrant([line('advertising')], new Set(['machinery']), types, false);
    expect(without.message).not.toContain('計画変更');
    expect(without.message).toContain('事務局にお問い合わせください');
  });

  it('finds nothing when every line is of a granted 区分', () => {
    expect(linesOutsideGrant([line('machinery', 5), line('machinery', 7)], new Set(['machinery']), types)).toEqual([]);
  });
});
