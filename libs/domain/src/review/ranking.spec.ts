/** 順位と採択シミュレーション: every tie-break level, the budget and quota cut-offs, 補欠 and breakdowns. */
import { PREFECTURES } from '../intake';
import { TIE_BREAK, adoptionLimitProblems, rankApplications, simulateAdoption, type RankedEntry, type RankingEntry } from './ranking';

const entry = (applicationId: string, patch: Partial<RankingEntry> = {}): RankingEntry => ({
  applicationId,
  receiptNumber: null,
  finalScore: 30,
  mean: 30,
  bonus: 0,
  receivedAt: null,
  quotedAmount: 1_000_000,
  prefecture: '東京都',
  sizeClass: 'sme',
  ...patch,
});
const ids = (ranked: RankedEntry[]) => ranked.map((r) => r.applicationId);

describe('rankApplications', () => {
  it('orders by final score, highest first, and numbers from 1', () => {
    const ranked = rankApplications([entry('a', { finalScore: 30 }), entry('b', { finalScore: 42.5 }), entry('c', { finalScore: 35 })]);
    expect(ranked.map((r) => [r.applicationId, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it.each<[string, RankingEntry[], string[]]>([
    [
      'equal final score → higher score before 加点 first',
      [entry('a', { finalScore: 40, mean: 37, bonus: 3 }), entry('b', { finalScore: 40, mean: 39, bonus: 1 })],
      ['b', 'a'],
    ],
    [
      'equal final and mean → earlier 受付 first',
      [entry('a', { receivedAt: '2022-03-24T10:00:00+09:00' }), entry('b', { receivedAt: '2022-03-24T09:59:59+09:00' })],
      ['b', 'a'],
    ],
    [
      '受付 compared as instants, whatever the offset (00:30Z = 09:30+09:00 is earlier than 10:00+09:00)',
      [entry('a', { receivedAt: '2022-03-24T10:00:00+09:00' }), entry('b', { receivedAt: '2022-03-24T00:30:00Z' })],
      ['b', 'a'],
    ],
    ['no 受付 date goes after one with a date', [entry('a', { receivedAt: null }), entry('b', { receivedAt: '2022-03-24T10:00:00+09:00' })], ['b', 'a']],
    ['an unparsable 受付 date counts as none', [entry('a', { receivedAt: 'yesterday' }), entry('b', { receivedAt: '2022-03-24T10:00:00+09:00' })], ['b', 'a']],
    [
      'same 受付 instant → lower 受付番号 first',
      [
        entry('a', { receivedAt: '2022-03-24T10:00:00+09:00', receiptNumber: 'RES05-00000012' }),
        entry('b', { receivedAt: '2022-03-24T10:00:00+09:00', receiptNumber: 'RES05-00000009' }),
      ],
      ['b', 'a'],
    ],
    ['no 受付番号 goes after one with a number', [entry('a'), entry('b', { receiptNumber: 'RES05-00000099' })], ['b', 'a']],
    ['everything equal → application id', [entry('b'), entry('a'), entry('c')], ['a', 'b', 'c']],
    ['scores equal at 4 decimals are a tie (float noise ignored)', [entry('b', { finalScore: 0.1 + 0.2 }), entry('a', { finalScore: 0.3 })], ['a', 'b']],
  ])('%s', (_rule, entries, expected) => {
    expect(ids(rankApplications(entries))).toEqual(expected);
    expect(ids(rankApplications([...entries].reverse()))).toEqual(expected);
  });

  it('keeps every field and does not change its input', () => {
    const input = [entry('a', { finalScore: 1 }), entry('b', { finalScore: 2 })];
    const copy = structuredClone(input);
    expect(rankApplications(input)[0]).toEqual({ ...input[1], rank: 1 });
    expect(input).toEqual(copy);
  });

  it('describes the tie-break in five Japanese lines', () => {
    expect(TIE_BREAK).toHaveLength(5);
    expect(TIE_BREAK[2]).toContain('受付日時の早い順');
  });

  it('handles empty input', () => {
    expect(rankApplications([])).toEqual([]);
  });
});

/** a ranking of five applications, 10万円 … 50万円, in rank order a..e */
const FIVE = rankApplications([
  entry('a', { finalScore: 50, quotedAmount: 300_000, prefecture: '大阪府', sizeClass: 'sme' }),
  entry('b', { finalScore: 45, quotedAmount: 500_000, prefecture: '北海道', sizeClass: 'smallBusiness' }),
  entry('c', { finalScore: 40, quotedAmount: 200_000, prefecture: '大阪府', sizeClass: 'sme' }),
  entry('d', { finalScore: 35, quotedAmount: 100_000, prefecture: '東京都', sizeClass: 'midsize' }),
  entry('e', { finalScore: 30, quotedAmount: 400_000, prefecture: '北海道', sizeClass: 'sme' }),
]);

describe('simulateAdoption', () => {
  it('no limits: everything adopted, stopped by nothing', () => {
    const s = simulateAdoption(FIVE, {});
    expect(s).toMatchObject({
      adoptedIds: ['a', 'b', 'c', 'd', 'e'],
      waitlistedIds: [],
      rejectedIds: [],
      cutoffRank: 5,
      cutoffScore: 30,
      stoppedBy: 'exhausted',
    });
    expect(s.totals).toEqual({
      applied: 5,
      adopted: 5,
      waitlisted: 0,
      rejected: 0,
      adoptedAmount: 1_500_000,
      budget: null,
      remainingBudget: null,
      adoptionRate: 1,
    });
  });

  it('budget: adopts while the sum stays within it; exactly at the budget is adopted', () => {
    // a 30 + b 50 + c 20 = 100万 = budget → adopted; d would make 110万 > 100万 → stop
    const s = simulateAdoption(FIVE, { budget: 1_000_000 });
    expect(s).toMatchObject({ adoptedIds: ['a', 'b', 'c'], rejectedIds: ['d', 'e'], cutoffRank: 3, cutoffScore: 40, stoppedBy: 'budget' });
    expect(s.totals).toMatchObject({ adoptedAmount: 1_000_000, budget: 1_000_000, remainingBudget: 0, adoptionRate: 0.6 });
  });

  it('budget one yen short: c no longer fits', () => {
    // a + b = 80万; c would make 100万 > 99万9,999
    const s = simulateAdoption(FIVE, { budget: 999_999 });
    expect(s).toMatchObject({ adoptedIds: ['a', 'b'], stoppedBy: 'budget' });
    expect(s.totals.remainingBudget).toBe(199_999);
  });

  it('does not skip to a cheaper application further down once one does not fit', () => {
    // a 30万 fits in 70万, b 50万 does not (80万); c 20万 and d 10万 would fit but come after b
    const s = simulateAdoption(FIVE, { budget: 700_000 });
    expect(s).toMatchObject({ adoptedIds: ['a'], rejectedIds: ['b', 'c', 'd', 'e'], stoppedBy: 'budget' });
    expect(s.totals.remainingBudget).toBe(400_000);
  });

  it('quota: adopts the first N', () => {
    const s = simulateAdoption(FIVE, { quota: 2 });
    expect(s).toMatchObject({ adoptedIds: ['a', 'b'], rejectedIds: ['c', 'd', 'e'], cutoffRank: 2, cutoffScore: 45, stoppedBy: 'quota' });
    expect(s.totals.adoptionRate).toBe(0.4);
  });

  it.each<[string, { budget: number; quota: number }, string[], 'budget' | 'quota']>([
    ['the quota binds first (2 adopted, 80万 of 100万)', { budget: 1_000_000, quota: 2 }, ['a', 'b'], 'quota'],
    ['the budget binds first (a+b = 80万; c would make 100万 > 90万)', { budget: 900_000, quota: 4 }, ['a', 'b'], 'budget'],
    ['both reached on the same application: the quota is named', { budget: 1_000_000, quota: 3 }, ['a', 'b', 'c'], 'quota'],
  ])('budget and quota: %s', (_rule, limits, adopted, stoppedBy) => {
    expect(simulateAdoption(FIVE, limits)).toMatchObject({ adoptedIds: adopted, stoppedBy });
  });

  it('a quota equal to the number of applications is exhausted, not stopped', () => {
    expect(simulateAdoption(FIVE, { quota: 5 }).stoppedBy).toBe('exhausted');
  });

  it('quota 0 adopts nothing', () => {
    const s = simulateAdoption(FIVE, { quota: 0, waitlistCount: 1 });
    expect(s).toMatchObject({ adoptedIds: [], waitlistedIds: ['a'], cutoffRank: null, cutoffScore: null, stoppedBy: 'quota' });
  });

  it('waitlists the next N after the last adopted, starting with the one that did not fit', () => {
    const s = simulateAdoption(FIVE, { quota: 2, waitlistCount: 2 });
    expect(s).toMatchObject({ adoptedIds: ['a', 'b'], waitlistedIds: ['c', 'd'], rejectedIds: ['e'] });
    expect(s.totals).toMatchObject({ applied: 5, adopted: 2, waitlisted: 2, rejected: 1 });
  });

  it('a waitlist longer than what is left takes what is left', () => {
    expect(simulateAdoption(FIVE, { quota: 4, waitlistCount: 3 })).toMatchObject({ waitlistedIds: ['e'], rejectedIds: [] });
  });

  it('no waitlist when everything was adopted', () => {
    expect(simulateAdoption(FIVE, { waitlistCount: 3 }).waitlistedIds).toEqual([]);
  });

  it('follows rank, not input order', () => {
    expect(simulateAdoption([...FIVE].reverse(), { quota: 2 }).adoptedIds).toEqual(['a', 'b']);
  });

  it('empty input', () => {
    expect(simulateAdoption([], { budget: 100, quota: 3 })).toEqual({
      adoptedIds: [],
      waitlistedIds: [],
      rejectedIds: [],
      cutoffRank: null,
      cutoffScore: null,
      stoppedBy: 'exhausted',
      totals: { applied: 0, adopted: 0, waitlisted: 0, rejected: 0, adoptedAmount: 0, budget: 100, remainingBudget: 100, adoptionRate: 0 },
      byPrefecture: [],
      bySizeClass: [],
    });
  });

  it('breaks down by prefecture (in the order of PREFECTURES) and by size class (by key)', () => {
    // quota 3 → a (大阪 30万), b (北海道 50万), c (大阪 20万) adopted
    const s = simulateAdoption(FIVE, { quota: 3 });
    expect(s.byPrefecture).toEqual([
      { key: '北海道', applied: 2, adopted: 1, adoptedAmount: 500_000 },
      { key: '東京都', applied: 1, adopted: 0, adoptedAmount: 0 },
      { key: '大阪府', applied: 2, adopted: 2, adoptedAmount: 500_000 },
    ]);
    expect(s.bySizeClass).toEqual([
      { key: 'midsize', applied: 1, adopted: 0, adoptedAmount: 0 },
      { key: 'smallBusiness', applied: 1, adopted: 1, adoptedAmount: 500_000 },
      { key: 'sme', applied: 3, adopted: 2, adoptedAmount: 500_000 },
    ]);
  });

  it('puts a prefecture outside the list after the 47, by key', () => {
    const s = simulateAdoption(
      rankApplications([entry('a', { prefecture: '不明' }), entry('b', { prefecture: '沖縄県' }), entry('c', { prefecture: '' })]),
      {},
    );
    expect(s.byPrefecture.map((b) => b.key)).toEqual(['沖縄県', '', '不明']);
  });

  it('adoption rate rounded to 4 decimals: 1 of 3 = 0.3333', () => {
    expect(simulateAdoption(FIVE.slice(0, 3), { quota: 1 }).totals.adoptionRate).toBe(0.3333);
  });

  it('refuses invalid limits with a RangeError in Japanese', () => {
    expect(() => simulateAdoption(FIVE, { budget: -1 })).toThrow(new RangeError('予算額は0以上の整数（円）で入力してください'));
    expect(() => simulateAdoption(FIVE, { quota: 1.5, waitlistCount: -2 })).toThrow(RangeError);
  });

  it('runs 20,000 applications through rank and simulate (one sort, one pass)', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) =>
      entry(`app${String(i).padStart(5, '0')}`, {
        finalScore: ((i * 7919) % 5001) / 100,
        mean: ((i * 104729) % 4801) / 100,
        receiptNumber: `RES05-${String(i).padStart(8, '0')}`,
        receivedAt: i % 10 === 0 ? null : `2022-03-24T${String(9 + (i % 9)).padStart(2, '0')}:00:00+09:00`,
        quotedAmount: 1_000_000 + (i % 97) * 10_000,
        prefecture: PREFECTURES[i % PREFECTURES.length],
        sizeClass: i % 3 === 0 ? 'smallBusiness' : 'sme',
      }),
    );
    const ranked = rankApplications(entries);
    const s = simulateAdoption(ranked, { budget: 5_000_000_000, waitlistCount: 100 });
    expect(ranked.every((r, i) => r.rank === i + 1)).toBe(true);
    expect(ranked.every((r, i) => i === 0 || ranked[i - 1].finalScore >= r.finalScore)).toBe(true);
    expect(s.totals.adoptedAmount).toBeLessThanOrEqual(5_000_000_000);
    expect(s.totals.adopted + s.totals.waitlisted + s.totals.rejected).toBe(20_000);
    expect(s.byPrefecture).toHaveLength(47);
  });
});

describe('adoptionLimitProblems', () => {
  it.each<[string, Parameters<typeof adoptionLimitProblems>[0], string[]]>([
    ['no limits', {}, []],
    ['nulls', { budget: null, quota: null, waitlistCount: null }, []],
    ['zeros', { budget: 0, quota: 0, waitlistCount: 0 }, []],
    ['a negative budget', { budget: -1 }, ['budget']],
    ['a budget in decimal yen', { budget: 100.5 }, ['budget']],
    ['a quota of 2.5', { quota: 2.5 }, ['quota']],
    ['a negative waitlist', { waitlistCount: -1 }, ['waitlistCount']],
    ['NaN and Infinity', { budget: Number.NaN, quota: Number.POSITIVE_INFINITY }, ['budget', 'quota']],
    ['a string', { quota: '3' as unknown as number }, ['quota']],
  ])('%s', (_rule, limits, fields) => {
    expect(adoptionLimitProblems(limits).map((p) => p.field)).toEqual(fields);
  });

  it('says what to enter', () => {
    expect(adoptionLimitProblems({ waitlistCount: -1 })).toEqual([{ field: 'waitlistCount', message: '補欠の件数は0以上の整数で入力してください' }]);
  });
});
