import { advanceExcess, advancePaymentDue, paidInFullInAdvance, paidOut } from './settlement';

describe('advancePaymentDue', () => {
  it('is the quote of everything paid so far, less what earlier 概算払 paid', () => {
    expect(advancePaymentDue(6_000_000, 16_000_000, 0)).toBe(6_000_000);
    // the second request lists the first one's 9,000,000円 again with 3,000,000円 more: 8,000,000 − 6,000,000
    expect(advancePaymentDue(8_000_000, 16_000_000, 6_000_000)).toBe(2_000_000);
  });

  it('never takes the total past the 交付決定額', () => {
    expect(advancePaymentDue(20_000_000, 16_000_000, 6_000_000)).toBe(10_000_000);
  });

  it('is nothing when the expenses listed quote no more than was paid', () => {
    expect(advancePaymentDue(6_000_000, 16_000_000, 6_000_000)).toBe(0);
    expect(advancePaymentDue(2_000_000, 16_000_000, 6_000_000)).toBeLessThan(0);
  });
});

describe('paidInFullInAdvance', () => {
  it('holds only when something was paid in advance and it is exactly the 確定額', () => {
    expect(paidInFullInAdvance(16_000_000, 16_000_000)).toBe(true);
    expect(paidInFullInAdvance(16_000_001, 16_000_000)).toBe(false);
    expect(paidInFullInAdvance(15_999_999, 16_000_000)).toBe(false);
    expect(paidInFullInAdvance(0, 0)).toBe(false);
  });
});

describe('advanceExcess', () => {
  it('is what the 概算払 paid above the 確定額, to the yen', () => {
    expect(advanceExcess(5_999_999, 6_000_000)).toBe(1);
    expect(advanceExcess(4_000_000, 6_000_000)).toBe(2_000_000);
    expect(advanceExcess(0, 6_000_000)).toBe(6_000_000);
  });

  it('is nothing when the 概算払 paid no more than the 確定額', () => {
    expect(advanceExcess(6_000_000, 6_000_000)).toBe(0);
    expect(advanceExcess(9_000_000, 6_000_000)).toBe(0);
    expect(advanceExcess(9_000_000, 0)).toBe(0);
  });
});

describe('paidOut', () => {
  it('before the 支払 is what the 概算払 paid', () => {
    expect(paidOut(false, 9_000_000, 6_000_000)).toBe(6_000_000);
    expect(paidOut(false, 9_000_000, 0)).toBe(0);
  });

  it('once settled is the 確定額, or the 概算払 where it paid more than that', () => {
    expect(paidOut(true, 9_000_000, 6_000_000)).toBe(9_000_000);
    expect(paidOut(true, 9_000_000, 0)).toBe(9_000_000);
    expect(paidOut(true, 4_000_000, 6_000_000)).toBe(6_000_000);
  });

  it.each([
    // [確定額, 概算払, 支払額 of the 支払 line, paid out]
    ['the 支払 line paid the 確定額 less the 概算払', 9_000_000, 6_000_000, 3_000_000, 9_000_000],
    ['the 支払 line paid the 確定額, no 概算払', 9_000_000, 0, 9_000_000, 9_000_000],
    ['the 支払 line paid less than the 確定額', 9_000_000, 0, 8_500_000, 8_500_000],
    ['the 支払 line paid less than the 確定額 less the 概算払', 9_000_000, 6_000_000, 2_000_000, 8_000_000],
    ['the 支払 line paid more than the 確定額', 9_000_000, 0, 9_100_000, 9_100_000],
  ])('once paid by a 支払 line is what was transferred: %s', (_case, fixed, advance, final, paid) => {
    expect(paidOut(true, fixed, advance, final)).toBe(paid);
  });
});
