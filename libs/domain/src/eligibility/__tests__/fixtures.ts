import { ApplicantProfile, MonthlySales } from '../../applicant';

/** Test helpers shared by the eligibility specs (not exported from the library). */
export const sales = (entries: Readonly<Record<string, number>>): MonthlySales[] => Object.entries(entries).map(([month, amount]) => ({ month, amount }));

/** The same amount for every month from `from` to `to` inclusive ('YYYY-MM'). */
export const flat = (from: string, to: string, amount: number): Record<string, number> => {
  const out: Record<string, number> = {};
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out[`${y}-${String(m).padStart(2, '0')}`] = amount;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
};

export const applicant = (overrides: Partial<ApplicantProfile> = {}): ApplicantProfile => ({
  kind: 'corporation',
  sizeClass: 'sme',
  employeeCount: 10,
  ...overrides,
});
