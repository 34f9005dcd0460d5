/** 集計: means, 加点, spread and the normalisation of strict and lenient reviewers, computed by hand. */
import { aggregateScores, type AggregationOptions, type ApplicationReviews } from './aggregation';

const RAW: AggregationOptions = { normalise: false, disagreementThreshold: null };
const NORMALISED: AggregationOptions = { normalise: true, disagreementThreshold: null };

describe('aggregateScores without normalisation', () => {
  it('mean of the totals, plus 加点; spread max − min', () => {
    // (30 + 36 + 33) / 3 = 33; final 33 + 2 = 35; spread 36 − 30 = 6
    const [a] = aggregateScores(
      [
        {
          applicationId: 'A',
          bonus: 2,
          reviews: [
            { reviewerId: 's', total: 30 },
            { reviewerId: 'l', total: 36 },
            { reviewerId: 'm', total: 33 },
          ],
        },
      ],
      RAW,
    );
    expect(a).toEqual({
      applicationId: 'A',
      reviewerTotals: [
        { reviewerId: 's', raw: 30, normalised: 30 },
        { reviewerId: 'l', raw: 36, normalised: 36 },
        { reviewerId: 'm', raw: 33, normalised: 33 },
      ],
      mean: 33,
      bonus: 2,
      final: 35,
      spread: 6,
      disagreement: false,
    });
  });

  it('rounds to 4 decimals: (10 + 10 + 11) / 3 = 10.3333…', () => {
    const [a] = aggregateScores(
      [
        {
          applicationId: 'A',
          bonus: 0,
          reviews: [
            { reviewerId: 'a', total: 10 },
            { reviewerId: 'b', total: 10 },
            { reviewerId: 'c', total: 11 },
          ],
        },
      ],
      RAW,
    );
    expect(a.mean).toBe(10.3333);
    expect(a.final).toBe(10.3333);
  });

  it('one review: spread 0', () => {
    const [a] = aggregateScores([{ applicationId: 'A', bonus: 1, reviews: [{ reviewerId: 'a', total: 42.5 }] }], {
      normalise: false,
      disagreementThreshold: 0,
    });
    expect(a).toMatchObject({ mean: 42.5, final: 43.5, spread: 0, disagreement: false });
  });

  it('no review: mean 0, final = bonus, spread 0, no disagreement', () => {
    const [a] = aggregateScores([{ applicationId: 'A', bonus: 3, reviews: [] }], { normalise: true, disagreementThreshold: 0 });
    expect(a).toEqual({ applicationId: 'A', reviewerTotals: [], mean: 0, bonus: 3, final: 3, spread: 0, disagreement: false });
  });

  it('empty input → empty output', () => {
    expect(aggregateScores([], NORMALISED)).toEqual([]);
  });
});

describe('disagreement', () => {
  const app: ApplicationReviews = {
    applicationId: 'A',
    bonus: 0,
    reviews: [
      { reviewerId: 'a', total: 20 },
      { reviewerId: 'b', total: 35 },
    ],
  };
  it.each<[string, number | null, boolean]>([
    ['spread 15 above threshold 10', 10, true],
    ['spread 15 equal to threshold 15 is not above', 15, false],
    ['spread 15 below threshold 20', 20, false],
    ['no threshold never flags', null, false],
  ])('%s', (_rule, threshold, expected) => {
    expect(aggregateScores([app], { normalise: false, disagreementThreshold: threshold })[0].disagreement).toBe(expected);
  });

  it('is measured on the normalised totals when normalising', () => {
    // strict s and lenient l disagree by 10 on every application in raw terms, not at all once normalised
    const apps = strictAndLenient();
    expect(aggregateScores(apps, { normalise: false, disagreementThreshold: 5 }).map((a) => a.disagreement)).toEqual([true, true, true]);
    expect(aggregateScores(apps, { normalise: true, disagreementThreshold: 5 }).map((a) => a.disagreement)).toEqual([false, false, false]);
  });
});

/** s (strict) gives 20, 30, 40; l (lenient) gives 30, 40, 50 to the same applications A, B, C. */
function strictAndLenient(): ApplicationReviews[] {
  return [
    {
      applicationId: 'A',
      bonus: 0,
      reviews: [
        { reviewerId: 's', total: 20 },
        { reviewerId: 'l', total: 30 },
      ],
    },
    {
      applicationId: 'B',
      bonus: 1,
      reviews: [
        { reviewerId: 's', total: 30 },
        { reviewerId: 'l', total: 40 },
      ],
    },
    {
      applicationId: 'C',
      bonus: 0,
      reviews: [
        { reviewerId: 's', total: 40 },
        { reviewerId: 'l', total: 50 },
      ],
    },
  ];
}

describe('aggregateScores with normalisation', () => {
  it('a strict and a lenient reviewer scoring the same applications end up equal', () => {
    // pool: 20,30,40,30,40,50 → μ = 210/6 = 35; deviations² 225,25,25,25,25,225 → σ² = 550/6 = 91.666…, σ = 9.5743
    // s: μ_s = 30, σ_s² = (100 + 0 + 100)/3 = 66.666…; l: μ_l = 40, σ_l = σ_s
    // σ/σ_s = √(91.666…/66.666…) = √1.375 = 1.1726039…
    // A: 35 + 1.1726039 × (20 − 30) = 23.2739604 → 23.274 (and the same for l: 35 + 1.1726 × (30 − 40))
    // B: 35 + 0 = 35; C: 35 + 11.726039 = 46.726
    const out = aggregateScores(strictAndLenient(), NORMALISED);
    expect(out.map((a) => a.reviewerTotals)).toEqual([
      [
        { reviewerId: 's', raw: 20, normalised: 23.274 },
        { reviewerId: 'l', raw: 30, normalised: 23.274 },
      ],
      [
        { reviewerId: 's', raw: 30, normalised: 35 },
        { reviewerId: 'l', raw: 40, normalised: 35 },
      ],
      [
        { reviewerId: 's', raw: 40, normalised: 46.726 },
        { reviewerId: 'l', raw: 50, normalised: 46.726 },
      ],
    ]);
    expect(out.map((a) => [a.mean, a.final, a.spread])).toEqual([
      [23.274, 23.274, 0],
      [35, 36, 0],
      [46.726, 46.726, 0],
    ]);
  });

  it('keeps raw means when normalisation is off (the same input: 25, 35+1, 45)', () => {
    expect(aggregateScores(strictAndLenient(), RAW).map((a) => [a.mean, a.final, a.spread])).toEqual([
      [25, 25, 10],
      [35, 36, 10],
      [45, 45, 10],
    ]);
  });

  it('rescales a reviewer with a narrow range to the spread of the pool', () => {
    // x gives 10, 12 (μ_x 11, σ_x 1); y gives 0, 40 (μ_y 20, σ_y 20)
    // pool 10,12,0,40: μ = 62/4 = 15.5; deviations² 30.25, 12.25, 240.25, 600.25 → σ² = 883/4 = 220.75, σ = 14.857658
    // x on A: 15.5 + 14.857658 × (10 − 11)/1 = 0.642342 → 0.6423; x on B: 15.5 + 14.857658 = 30.357658 → 30.3577
    // y on A: 15.5 + 14.857658 × (0 − 20)/20 = 0.6423;        y on B: 30.3577
    const out = aggregateScores(
      [
        {
          applicationId: 'A',
          bonus: 0,
          reviews: [
            { reviewerId: 'x', total: 10 },
            { reviewerId: 'y', total: 0 },
          ],
        },
        {
          applicationId: 'B',
          bonus: 0,
          reviews: [
            { reviewerId: 'x', total: 12 },
            { reviewerId: 'y', total: 40 },
          ],
        },
      ],
      NORMALISED,
    );
    expect(out.map((a) => a.reviewerTotals.map((t) => t.normalised))).toEqual([
      [0.6423, 0.6423],
      [30.3577, 30.3577],
    ]);
  });

  it('a reviewer with one review, or all reviews equal, is only shifted by its mean: t − μ_r + μ', () => {
    // pool: 30 (solo), 10, 10 (flat), 20, 40 (spread) → μ = 110/5 = 22
    // solo: 30 − 30 + 22 = 22; flat: 10 − 10 + 22 = 22 on both
    // spread: μ_r 30, σ_r 10; σ² = (64 + 144 + 144 + 4 + 324)/5 = 136, σ = 11.661904
    //   on B: 22 + 11.661904 × (20 − 30)/10 = 10.338096 → 10.3381; on C: 33.661904 → 33.6619
    const out = aggregateScores(
      [
        { applicationId: 'A', bonus: 0, reviews: [{ reviewerId: 'solo', total: 30 }] },
        {
          applicationId: 'B',
          bonus: 0,
          reviews: [
            { reviewerId: 'flat', total: 10 },
            { reviewerId: 'spread', total: 20 },
          ],
        },
        {
          applicationId: 'C',
          bonus: 0,
          reviews: [
            { reviewerId: 'flat', total: 10 },
            { reviewerId: 'spread', total: 40 },
          ],
        },
      ],
      NORMALISED,
    );
    expect(out.map((a) => a.reviewerTotals.map((t) => t.normalised))).toEqual([[22], [22, 10.3381], [22, 33.6619]]);
    // B: mean (22 + 10.338096)/2 = 16.169048 → 16.169; spread 11.661904 → 11.6619
    expect(out[1]).toMatchObject({ mean: 16.169, spread: 11.6619 });
  });

  it('treats equal totals with float noise as σ_r = 0', () => {
    const t = 0.1 + 0.2; // 0.30000000000000004
    const out = aggregateScores(
      [
        {
          applicationId: 'A',
          bonus: 0,
          reviews: [
            { reviewerId: 'a', total: t },
            { reviewerId: 'b', total: 1 },
          ],
        },
        {
          applicationId: 'B',
          bonus: 0,
          reviews: [
            { reviewerId: 'a', total: 0.3 },
            { reviewerId: 'b', total: 3 },
          ],
        },
      ],
      NORMALISED,
    );
    // pool μ = (0.3 + 1 + 0.3 + 3)/4 = 1.15; a is flat → 0.3 − 0.3 + 1.15 = 1.15 on both
    expect(out.map((a) => a.reviewerTotals[0].normalised)).toEqual([1.15, 1.15]);
  });
});
