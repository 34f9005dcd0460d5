import { formatMan, formatManRounded, formatYen } from './money';

describe('formatMan: amounts as a 公募要領 writes them', () => {
  it.each([
    ['1.5億 (グリーン成長枠 中堅) is 1億5,000万円, not 15,000万円', 150_000_000, '1億5,000万円'],
    ['a whole 億', 100_000_000, '1億円'],
    ['below 1億 in 万', 80_000_000, '8,000万円'],
    ['1万円', 10_000, '1万円'],
    ['several 億 with 万', 1_234_560_000, '12億3,456万円'],
    ['10億 exactly', 1_000_000_000, '10億円'],
    ['not a whole number of 万: yen', 1_234_567, '1,234,567円'],
    ['zero', 0, '0万円'],
  ])('%s', (_rule, amount, expected) => expect(formatMan(amount)).toBe(expected));

  it('formatYen writes every digit', () => expect(formatYen(150_000_000)).toBe('150,000,000円'));

  it.each([
    ['chart ticks round to 万 and use 億', 149_999_999, '1億5,000万'],
    ['below 1億', 12_345_678, '1,235万'],
    ['the origin', 0, '0'],
    ['less than half a 万', 4_999, '0'],
    ['negative', -12_345_678, '−1,235万'],
  ])('formatManRounded: %s', (_rule, amount, expected) => expect(formatManRounded(amount)).toBe(expected));
});
