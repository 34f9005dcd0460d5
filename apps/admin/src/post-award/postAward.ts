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
    /** the 概算払 last requested, and what the paid batches paid in advance */
    advanceRequestedAmount?: number | null;
    advancePaidAmount?: number;
    grantExpenses: ExpenseLineRecord[];
    actualExpenses: ExpenseLineRecord[] | null;
    inspection: { index: number; reported: number; accepted: number; reason: string | null }[] | null;
  } | null;
  /** false: the application's workflow keeps no amounts (subsidy@1 …), so `amounts` stays null past the 交付申請 too */
  amountsKept?: boolean;
  /** the open payment batch carrying its payment: its state changes wait for that batch (docs/payments.md) */
  paymentBatch?: { id: string; transferDate: string } | null;
  /** the 返還 of a 交付決定取消 (docs/post-award.md "交付決定取消 and 返還"); null: not revoked */
  repayment: Repayment | null;
  /** the application has ended (返還済, 事業廃止, 報告期間終了 …): its reports not filed are no longer due */
  reportingEnded?: boolean;
  /** the yearly 事業化状況報告 due after the 額の確定 (docs/post-award.md "事業化状況報告の予定") */
  commercializationReports?: { id: string; sequence: number; dueDate: string; reportedAt: string | null; remindedAt: string | null }[];
  filings: { id: string; step: string; stepLabel: string; filedAt: string; channelId: string | null; note: string | null }[];
  actions: {
    decideGrant: boolean;
    inspect: boolean;
    fixAmount: boolean;
    revokeGrant?: boolean;
    recordRepayment?: boolean;
    paperSteps: PostAwardStep[];
  };
}

/** The applicant's steps after 採択 (the API's post-award-steps.ts). */
export type PostAwardStep =
  'grantApplication' | 'advancePayment' | 'performanceReport' | 'planChange' | 'abandonment' | 'withdrawal' | 'commercializationReport';

/** Body of POST /api/applications/:id/paper-filings (PaperFilingDto). */
export interface PaperFilingBody {
  step: PostAwardStep;
  expenses?: ExpenseLineRecord[];
  reason?: string;
  description?: string;
  fiscalYear?: number;
  sales?: number;
  documents: string[];
  note: string;
}

/** The steps whose filing carries expense lines. */
export const WITH_EXPENSES: readonly PostAwardStep[] = ['grantApplication', 'advancePayment', 'performanceReport'];
/** The steps whose filing needs a reason. */
export const WITH_REASON: readonly PostAwardStep[] = ['abandonment', 'withdrawal'];

/**
 * The paper filing's body from the dialog's fields: only what the step carries, amounts read as yen (「2,400万」);
 * a string naming what is wrong when an amount cannot be read.
 */
export function paperFilingBody(
  step: PostAwardStep,
  fields: {
    lines: ExpenseLineRecord[];
    amounts: string[];
    reason: string;
    description: string;
    fiscalYear: string;
    sales: string;
    documents: string[];
    note: string;
  },
  parseYen: (text: string) => { ok: true; yen: number | null } | { ok: false; reason: string },
): PaperFilingBody | string {
  const body: PaperFilingBody = { step, documents: fields.documents, note: fields.note.trim() };
  if (WITH_EXPENSES.includes(step)) {
    const expenses: ExpenseLineRecord[] = [];
    for (let i = 0; i < fields.lines.length; i++) {
      const parsed = parseYen(fields.amounts[i] ?? '');
      if (!parsed.ok || parsed.yen === null) return `${i + 1}`;
      expenses.push({ ...fields.lines[i]!, amount: parsed.yen });
    }
    body.expenses = expenses;
  }
  if (WITH_REASON.includes(step)) body.reason = fields.reason.trim();
  if (step === 'planChange') body.description = fields.description.trim();
  if (step === 'commercializationReport') {
    const year = Number(fields.fiscalYear.normalize('NFKC'));
    if (fields.fiscalYear.trim() !== '') body.fiscalYear = Number.isInteger(year) ? year : NaN;
    const sales = parseYen(fields.sales);
    if (!sales.ok) return 'sales';
    if (sales.yen !== null) body.sales = sales.yen;
  }
  return body;
}

/** The 返還額 (from what was paid), its 納期限 and the repayments received. */
export interface Repayment {
  amount: number;
  paidAmount: number;
  ground: 'general' | 'wageTargetMissed' | 'advanceAboveFixedAmount';
  reason: string;
  dueDate: string | null;
  revokedAt: string;
  repaidTotal: number;
  outstanding: number;
  repaidAt: string | null;
  received: { id: string; receivedOn: string; amount: number; note: string | null; recordedAt: string }[];
}
