import { groupYen, parseYen } from './yenInput';

describe('budget input', () => {
  it.each([
    ['1,234,567', 1_234_567],
    ['１２３４５６７円', 1_234_567],
    ['  500000 ', 500_000],
    ['', null],
    ['abc', null],
  ])('reads %j as %j', (text, expected) => expect(parseYen(text)).toBe(expected));

  it('groups by thousands', () => {
    expect(groupYen(60_000_000)).toBe('60,000,000');
    expect(groupYen(null)).toBe('');
  });
});
