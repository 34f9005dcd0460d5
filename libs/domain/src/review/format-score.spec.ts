import { formatScore } from './format-score';

describe('formatScore', () => {
  it.each([
    [34, '34.0'],
    [36.666666, '36.7'],
    [36.65, '36.7'],
    [36.64, '36.6'],
    [0.1 + 0.2, '0.3'],
    [0.05, '0.1'],
    [0, '0.0'],
    [-0, '0.0'],
    [-2.25, '-2.3'],
    [1234.5, '1,234.5'],
    [null, '-'],
    [undefined, '-'],
    [Number.NaN, '-'],
  ])('%p → %s', (score, expected) => {
    expect(formatScore(score)).toBe(expected);
  });
});
