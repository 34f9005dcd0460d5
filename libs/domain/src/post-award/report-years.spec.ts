import { reportableFiscalYears } from './report-years';

describe('reportableFiscalYears', () => {
  it('runs from the 年度 of the 額の確定 to the current one', () => {
    expect(reportableFiscalYears('2026-12-06', '2029-05-01')).toEqual({ first: 2026, last: 2029 });
  });

  it('reads 年度 as April to March: a 額の確定 in March belongs to the 年度 before', () => {
    expect(reportableFiscalYears('2027-03-31', '2027-04-01')).toEqual({ first: 2026, last: 2027 });
  });

  it('is the one 年度 on the day of the 額の確定', () => {
    expect(reportableFiscalYears('2026-12-06', '2026-12-06')).toEqual({ first: 2026, last: 2026 });
  });

  it('has no first 年度 when no 額の確定 is recorded', () => {
    expect(reportableFiscalYears(null, '2026-12-06')).toEqual({ first: null, last: 2026 });
  });
});
