/** GET /api/applications/:id/post-award (docs/post-award.md): the amounts, the filings, the routes offered now. */
export interface ExpenseLineRecord {
  expenseType: string;
  amount: number;
  description?: string;
}

export interface PostAward {
  applicationId: string;
  status: string;
  version: number;
  amounts: {
    adoptedAmount: number;
    requestedAmount: number;
    grantAmount: number | null;
    fixedAmount: number | null;
    grantExpenses: ExpenseLineRecord[];
    actualExpenses: ExpenseLineRecord[] | null;
    inspection: { index: number; reported: number; accepted: number; reason: string | null }[] | null;
  } | null;
  filings: { id: string; step: string; stepLabel: string; filedAt: string; channelId: string | null; note: string | null }[];
  actions: { decideGrant: boolean; inspect: boolean; fixAmount: boolean };
}
