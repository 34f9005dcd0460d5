import { niceStep, rankTicks, scoreTicks, tickLabel } from './chartTicks';

describe('chart ticks', () => {
  it.each([
    [47.3, [0, 10, 20, 30, 40, 50]],
    [50, [0, 10, 20, 30, 40, 50]],
    [36.7, [0, 10, 20, 30, 40]],
    [8.4, [0, 2, 4, 6, 8, 10]],
    [112.5, [0, 25, 50, 75, 100, 125]],
    [1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, [0, 1]],
  ])('scores up to %p: %j', (max, ticks) => {
    expect(scoreTicks(max)).toEqual(ticks);
  });

  it.each([
    [162, [1, 50, 100, 150]],
    [20000, [1, 5000, 10000, 15000, 20000]],
    [3, [1, 2, 3]],
    [1, [1]],
    [0, []],
  ])('%p ranks: %j', (n, ticks) => {
    expect(rankTicks(n)).toEqual(ticks);
  });

  it('steps are 1, 2, 2.5 or 5 times a power of ten', () => {
    for (const max of [0.7, 3, 13, 47.3, 99, 230, 1234, 98765]) {
      const step = niceStep(max);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).toContain(Math.round(mantissa * 100) / 100);
    }
  });

  it('labels whole numbers without decimals', () => {
    expect([0, 10, 2.5, 1000].map(tickLabel)).toEqual(['0', '10', '2.5', '1,000']);
  });
});
