import { shareDown } from './share';

describe('shareDown', () => {
  it.each([
    ['a budget with 66,672円 left is not 100%', 299_933_328, 300_000_000, 99.9],
    ['all of it is 100%', 300_000_000, 300_000_000, 100],
    ['one sheet open of 2,000 is not 100%', 1_999, 2_000, 99.9],
    ['a third', 1, 3, 33.3],
    ['nothing yet', 0, 10, 0],
    ['over the budget reads above 100', 301_000_000, 300_000_000, 100.3],
  ])('%s', (_name, part, whole, expected) => {
    expect(shareDown(part, whole)).toBe(expected);
  });

  it('has no share without a whole (no 予算 set, no sheet assigned)', () => {
    expect(shareDown(5, null)).toBeNull();
    expect(shareDown(0, 0)).toBeNull();
  });
});
