import type { GrantAmount } from './grant-amount.entity';

/** What the application page shows of the amounts (null: none recorded yet); `advancePaid`: 概算払 paid by batches. */
export function amountsView(a: GrantAmount | null, advancePaid = 0) {
  if (!a) return null;
  return {
    advanceRequestedAmount: a.advanceRequestedAmount,
    advancePaidAmount: advancePaid,
    adoptedAmount: a.adoptedAmount,
    grantExpenses: a.grantExpenses,
    requestedAmount: a.requestedAmount,
    grantAmount: a.grantAmount,
    grantDecidedAt: a.grantDecidedAt,
    actualExpenses: a.actualExpenses,
    inspection: a.inspection,
    inspectedAt: a.inspectedAt,
    fixedAmount: a.fixedAmount,
    amountFixedAt: a.amountFixedAt,
  };
}
