/** The what-if cut over a prepared ranking: the same answer as simulateAdoption, without walking the ranking. */
import { PREFECTURES } from '../intake';
import {
  adoptionCut,
  limitsLeft,
  prepareAdoption,
  rankApplications,
  simulateAdoption,
  type AdoptionLimits,
  type RankedEntry,
  type RankingEntry,
} from './ranking';

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

/** simulateAdoption without its id lists, which adoptionCut leaves out */
const withoutIds = (ranked: readonly RankedEntry[], limits: AdoptionLimits) => {
  const { adoptedIds, waitlistedIds, rejectedIds, ...rest } = simulateAdoption(ranked, limits);
  return { rest, adoptedIds, waitlistedIds, rejectedIds };
};

/** a small deterministic generator (mulberry32), so a failure can be replayed */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const FIVE = rankApplications([
  entry('a', { finalScore: 50, quotedAmount: 300_000, prefecture: '大阪府', sizeClass: 'sme' }),
  entry('b', { finalScore: 45, quotedAmount: 500_000, prefecture: '北海道', sizeClass: 'smallBusiness' }),
  entry('c', { finalScore: 40, quotedAmount: 200_000, prefecture: '大阪府', sizeClass: 'sme' }),
  entry('d', { finalScore: 35, quotedAmount: 100_000, prefecture: '東京都', sizeClass: 'midsize' }),
  entry('e', { finalScore: 30, quotedAmount: 400_000, prefecture: '北海道', sizeClass: 'sme' }),
]);

describe('adoptionCut', () => {
  it.each<[string, AdoptionLimits]>([
    ['no limits: everything adopted', {}],
    ['budget exactly the first two', { budget: 800_000 }],
    ['budget one yen short of the first two: only a', { budget: 799_999 }],
    ['a cheaper one further down does not jump the line (budget 70万: a, then b does not fit)', { budget: 700_000 }],
    ['quota 2', { quota: 2 }],
    ['quota reached before the budget', { quota: 1, budget: 10_000_000 }],
    ['budget reached before the quota', { quota: 4, budget: 800_000 }],
    ['quota equal to the applications: exhausted, not quota', { quota: 5 }],
    ['quota 0 with a waitlist', { quota: 0, waitlistCount: 1 }],
    ['budget 0', { budget: 0, waitlistCount: 2 }],
    ['waitlist longer than what is left', { quota: 4, waitlistCount: 3 }],
    ['waitlist with everything adopted', { waitlistCount: 3 }],
    ['nulls mean no limit', { budget: null, quota: null, waitlistCount: null }],
  ])('%s: the same as simulateAdoption', (_case, limits) => {
    const { rest, adoptedIds, waitlistedIds } = withoutIds(FIVE, limits);
    const cut = adoptionCut(prepareAdoption(FIVE), limits);
    expect(cut).toEqual(rest);
    // the first `adopted` ranks are the adopted ones, the next `waitlisted` the 補欠
    expect(FIVE.slice(0, cut.totals.adopted).map((e) => e.applicationId)).toEqual(adoptedIds);
    expect(FIVE.slice(cut.totals.adopted, cut.totals.adopted + cut.totals.waitlisted).map((e) => e.applicationId)).toEqual(waitlistedIds);
  });

  it('agrees with simulateAdoption on 100 random rankings with ties, zero amounts and limits on and beside every sum', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const r = random(seed);
      const n = Math.floor(r() * 60);
      const ranked = rankApplications(
        Array.from({ length: n }, (_, i) =>
          entry(`app${i}`, {
            finalScore: Math.floor(r() * 8) * 5,
            quotedAmount: r() < 0.1 ? 0 : (1 + Math.floor(r() * 20)) * 100_000,
            prefecture: r() < 0.05 ? '不明' : PREFECTURES[Math.floor(r() * 6)],
            sizeClass: ['sme', 'smallBusiness', 'midsize'][Math.floor(r() * 3)],
          }),
        ),
      );
      const prepared = prepareAdoption(ranked);
      const sums = prepared.amount;
      const at = sums[Math.floor(r() * sums.length)];
      const budgets = [null, 0, at, at - 1, at + 1, Math.floor(r() * 1_000_000_000)].filter((b) => b === null || b >= 0);
      for (const budget of budgets)
        for (const quota of [null, 0, Math.floor(r() * (n + 2))])
          for (const waitlistCount of [0, Math.floor(r() * 10)]) {
            const limits = { budget, quota, waitlistCount };
            const { rest, adoptedIds, waitlistedIds } = withoutIds(ranked, limits);
            const cut = adoptionCut(prepared, limits);
            // the seed and limits in the message, so a failure can be replayed
            if (JSON.stringify(cut) !== JSON.stringify(rest)) expect({ seed, limits, cut }).toEqual({ seed, limits, cut: rest });
            expect(cut.totals.adopted).toBe(adoptedIds.length);
            expect(cut.totals.waitlisted).toBe(waitlistedIds.length);
          }
    }
  });

  it('stops at the first application over the budget even when a negative amount after it would bring the total back', () => {
    const ranked = rankApplications([
      entry('a', { finalScore: 3, quotedAmount: 500 }),
      entry('b', { finalScore: 2, quotedAmount: 600 }),
      entry('c', { finalScore: 1, quotedAmount: -400 }),
    ]);
    const cut = adoptionCut(prepareAdoption(ranked), { budget: 800 });
    expect(cut).toEqual(withoutIds(ranked, { budget: 800 }).rest);
    expect(cut.totals).toMatchObject({ adopted: 1, adoptedAmount: 500 });
  });

  it('re-sorts a ranking given out of rank order, as simulateAdoption does', () => {
    const reversed = [...FIVE].reverse();
    expect(adoptionCut(prepareAdoption(reversed), { quota: 2 })).toEqual(adoptionCut(prepareAdoption(FIVE), { quota: 2 }));
    expect(prepareAdoption(reversed).ranked.map((e) => e.applicationId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('handles an empty ranking', () => {
    expect(adoptionCut(prepareAdoption([]), { budget: 100, quota: 3 })).toEqual(withoutIds([], { budget: 100, quota: 3 }).rest);
  });

  it('refuses invalid limits with the same RangeError as simulateAdoption', () => {
    expect(() => adoptionCut(prepareAdoption(FIVE), { budget: -1 })).toThrow(new RangeError('予算額は0以上の整数（円）で入力してください'));
  });

  it('reads one entry of a prepared ranking of 100,000 per what-if (the last adopted), not the ranking', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) =>
      entry(`app${String(i).padStart(6, '0')}`, {
        finalScore: ((i * 7919) % 5001) / 100,
        quotedAmount: 1_000_000 + (i % 97) * 10_000,
        prefecture: PREFECTURES[i % PREFECTURES.length],
        sizeClass: i % 3 === 0 ? 'smallBusiness' : 'sme',
      }),
    );
    const prepared = prepareAdoption(rankApplications(entries));
    let reads = 0;
    const counted = {
      ...prepared,
      ranked: new Proxy(prepared.ranked, {
        get: (target, key, receiver) => {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
          return Reflect.get(target, key, receiver);
        },
      }),
    };
    const cut = adoptionCut(counted, { budget: 50_000_000_000, waitlistCount: 100 });
    expect(reads).toBe(1);
    expect(cut).toEqual(withoutIds(prepared.ranked, { budget: 50_000_000_000, waitlistCount: 100 }).rest);
    expect(cut.byPrefecture).toHaveLength(47);
  });
});

describe('limitsLeft', () => {
  it('spends what already holds a slot from the 予算 and the 採択枠, never below 0', () => {
    const held = { adopted: 2, adoptedAmount: 27_666_666 };
    expect(limitsLeft({ budget: 300_000_000, quota: 10, waitlistCount: 3 }, held)).toEqual({ budget: 272_333_334, quota: 8, waitlistCount: 3 });
    expect(limitsLeft({ budget: 20_000_000, quota: 1 }, held)).toEqual({ budget: 0, quota: 0 });
  });

  it('leaves a limit that is not set unset', () => {
    const held = { adopted: 5, adoptedAmount: 1_000 };
    expect(limitsLeft({ budget: null, quota: undefined }, held)).toEqual({ budget: null, quota: undefined });
    expect(limitsLeft({}, held)).toEqual({ budget: undefined, quota: undefined });
  });

  it('makes the cut adopt only within what is left', () => {
    // FIVE's first two quoted amounts fit a budget of their sum; with one of them held already, one fits
    const prepared = prepareAdoption(FIVE);
    const whole = adoptionCut(prepared, { budget: FIVE[0].quotedAmount + FIVE[1].quotedAmount });
    const left = adoptionCut(
      prepared,
      limitsLeft({ budget: FIVE[0].quotedAmount + FIVE[1].quotedAmount }, { adopted: 1, adoptedAmount: FIVE[1].quotedAmount }),
    );
    expect(whole.totals.adopted).toBe(2);
    expect(left.totals.adopted).toBe(1);
    expect(left.totals.remainingBudget).toBe(0);
  });
});
