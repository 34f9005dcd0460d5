import { applicationAmount } from './application-amount';

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
