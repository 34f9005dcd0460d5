import { fiscalYearOf } from './fiscal-year';

describe('fiscalYearOf', () => {
  it.each([
    ['2026-04-01', 2026, 'the first day of the 年度'],
    ['2026-12-04', 2026, 'December'],
    ['2027-01-01', 2026, 'New Year is still the same 年度'],
    ['2027-03-31', 2026, 'the last day of the 年度'],
    ['2027-04-01', 2027, 'the next 年度 begins'],
  ])('%s is in %i年度 (%s)', (date, fiscalYear) => expect(fiscalYearOf(date)).toBe(fiscalYear));
});
