import { applicationAmount, requestedAmountProblems } from './application-amount';

describe('applicationAmount', () => {
  it('is what the rules give when the applicant asked for nothing in particular', () => {
    expect(applicationAmount(10_000_000, undefined)).toBe(10_000_000);
    expect(applicationAmount(10_000_000, null)).toBe(10_000_000);
  });
  it('is what the applicant asked for when that is less', () => {
    expect(applicationAmount(10_000_000, 5_000_000)).toBe(5_000_000);
    expect(applicationAmount(10_000_000, 10_000_000)).toBe(10_000_000);
  });
  it('never more than the rules give', () => {
    expect(applicationAmount(10_000_000, 12_000_000)).toBe(10_000_000);
  });
});

describe('requestedAmountProblems', () => {
  const quoted = { eligible: true, amount: 10_000_000, floor: { amount: 1_000_000, met: true, computed: 10_000_000 } };
  it('finds nothing when the applicant asks for nothing in particular, or for an amount between the floor and the quote', () => {
    expect(requestedAmountProblems(quoted, undefined)).toEqual([]);
    expect(requestedAmountProblems(quoted, 1_000_000)).toEqual([]);
    expect(requestedAmountProblems(quoted, 10_000_000)).toEqual([]);
  });
  it('refuses more than the rules give, and less than the floor', () => {
    expect(requestedAmountProblems(quoted, 10_000_001).map((p) => p.code)).toEqual(['aboveQuote']);
    expect(requestedAmountProblems(quoted, 999_999).map((p) => p.code)).toEqual(['belowFloor']);
  });
  it('leaves a category without a floor, and a quote that is itself not eligible (its own reasons say why), alone', () => {
    expect(requestedAmountProblems({ ...quoted, floor: null }, 1)).toEqual([]);
    expect(requestedAmountProblems({ eligible: false, amount: 0, floor: null }, 5_000_000)).toEqual([]);
  });
});
