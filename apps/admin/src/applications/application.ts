import { formatYen, PREFECTURES, SIZE_CLASS_LABELS } from '@jimukyoku/domain';

/** One transition the signed-in user may fire now (GET /api/applications/:id → transitions). */
export interface AvailableTransition {
  name: string;
  label: string;
  to: string;
  toLabel?: string;
  requiresReason: boolean;
  /** why a reason is asked for although the transition needs none (a 採択 before the 応募締切 or beyond the 予算) */
  overrideReasons?: string[];
}

/** The 類型's 予算 as it stands, answered while a decision (採択/補欠/不採択) is on offer. */
export interface BudgetEffect {
  /** null: the round × 類型 has no 予算 */
  budget: number | null;
  /** quoted amounts of the applications already holding a 採択 */
  adoptedAmount: number;
  /** this application's quoted amount */
  amount: number;
}

/** One audit record of the application (GET /api/applications/:id → timeline). */
export interface TimelineEntry {
  id: string | number;
  occurredAt: string;
  actorId: string | null;
  /** the staff member's name (the API answers it: not every role may read /api/users) */
  actorName?: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  changes: unknown;
}

export interface Assignment {
  id: string;
  reviewerId: string;
  /** 書面審査 (a score sheet) or 要件確認 */
  purpose?: 'review' | 'formalCheck';
  /** the reviewer's name, answered with the application (not every role may read /api/users) */
  reviewerName?: string | null;
  assignedAt: string;
  dueAt: string | null;
  submittedAt: string | null;
  revokedAt: string | null;
}

export interface ExpenseLine {
  expenseType: string;
  amount: number;
  description?: string;
  itemKind?: string;
  flags?: string[];
  participant?: string;
}

export interface RateValue {
  numerator: number;
  denominator: number;
}

export interface QuoteStep {
  rate: RateValue;
  expenses: number;
  amount: number;
  fromSubsidy: number;
  upToSubsidy?: number;
}

export interface QuoteCap {
  amount: number;
  reason: string;
  binding: boolean;
}

export interface QuotePart {
  code: string;
  label: string;
  participant?: string;
  expenseTotal: number;
  rateLabel: string;
  steps: QuoteStep[];
  computed: number;
  cap: QuoteCap | null;
  amount: number;
}

/** The QuoteResult snapshot (libs/domain) an application carries; a 給付金 carries a BenefitResult instead. */
export interface Quote {
  /** what the briefing says is still being designed for the 類型 (absent in quotes stored before it existed) */
  caveat?: string | null;
  eligible?: boolean;
  amount?: number;
  eligibleExpenseTotal?: number;
  parts?: QuotePart[];
  cap?: QuoteCap | null;
  floor?: { amount: number; met: boolean } | null;
  shareLimit?: { label: string; limitedSubsidy: number; allowedLimitedSubsidy: number } | null;
  excludedLines?: { index: number; reason: string }[];
  ineligibility?: { code?: string; message: string }[];
  explanation?: string[];
}

export interface Eligibility {
  ok: boolean;
  failures: { requirement: string; message: string }[];
  manual: string[];
}

/**
 * 申請 as GET /api/applications/:id returns it. A row of GET /api/applications carries only the list's
 * fields (APPLICATION_LIST_FIELDS in the API), and react-admin shows it in place of the application until
 * the application is read: see isWholeApplication.
 */
export interface ApplicationRecord {
  id: string;
  roundId: string;
  categoryId: string;
  receiptNumber: string | null;
  status: string;
  statusLabel: string;
  /** the workflow definition the application runs on (GET /api/workflows, id `code@version`) */
  workflowCode: string;
  workflowVersion: number;
  version: number;
  applicantKind: string;
  applicantName: string;
  corporateNumber: string | null;
  sizeClass: string;
  employeeCount: number;
  capital: number | null;
  prefecture: string;
  industry: string | null;
  email: string;
  contactPerson: string | null;
  certifiedAdvisor: { name?: string; id?: string; isFinancialInstitution?: boolean } | null;
  /** what the applicant declared for the rules (null: not declared) */
  annualRevenue: number | null;
  lossMaking: boolean | null;
  inRehabilitation: boolean | null;
  participantCount: number | null;
  prefectureCount: number | null;
  financialInstitution: { name?: string } | null;
  planTitle: string | null;
  planSummary: string | null;
  expenses: ExpenseLine[];
  quote: Quote | null;
  quotedAmount: number;
  /** the 申請額 the applicant asked for (null: what the rules give); quotedAmount is the lower of the two */
  requestedAmount?: number | null;
  eligibility: Eligibility | null;
  correctionDueAt: string | null;
  receivedAt: string | null;
  receivedInGrace: boolean;
  stamps: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  transitions?: AvailableTransition[];
  /** set while a decision is on offer: the 予算 the confirmation shows */
  budgetEffect?: BudgetEffect | null;
  /** the open payment batch that carries it: it leaves its state only by that batch's confirmation (no transitions meanwhile) */
  paymentBatch?: { id: string; transferDate: string } | null;
  timeline?: TimelineEntry[];
  assignments?: Assignment[];
}

/**
 * Whether the record is the whole application (GET /api/applications/:id, which always has its timeline)
 * rather than a row of the list that react-admin keeps in its cache and shows first.
 */
export const isWholeApplication = (record: Pick<ApplicationRecord, 'timeline'>): boolean => Array.isArray(record.timeline);

export interface TransitionBody {
  reason?: string;
  expectedVersion?: number;
}

export interface TransitionResult {
  transition: string;
  application: ApplicationRecord;
}

export interface BulkTransitionBody {
  transition: string;
  ids?: string[];
  filter?: Record<string, unknown>;
  reason?: string;
}

export interface BulkItemResult {
  id: string;
  ok: boolean;
  status?: string;
  code?: string;
  message?: string;
}

export interface BulkTransitionResult {
  transition?: string;
  total: number;
  succeeded: number;
  failed: number;
  results: BulkItemResult[];
}

export const sizeClassChoices = Object.entries(SIZE_CLASS_LABELS).map(([id, name]) => ({ id, name }));

/** The 47 都道府県 (libs/domain, the list intake checks against). */
export const prefectureChoices = PREFECTURES.map((p) => ({ id: p, name: p }));

/**
 * What the applicant declared for the rules, as the 申請内容 tab shows it: only the declared facts,
 * in Japanese (「はい」/「いいえ」 from `yesNo`, 円, 者, 都道府県).
 */
export function declaredFactLines(
  record: Pick<ApplicationRecord, 'annualRevenue' | 'lossMaking' | 'inRehabilitation' | 'participantCount' | 'prefectureCount' | 'financialInstitution'>,
  yesNo: (value: boolean) => string,
): { source: string; text: string }[] {
  const facts: [string, string | null][] = [
    ['annualRevenue', record.annualRevenue == null ? null : formatYen(record.annualRevenue)],
    ['lossMaking', record.lossMaking == null ? null : yesNo(record.lossMaking)],
    ['inRehabilitation', record.inRehabilitation == null ? null : yesNo(record.inRehabilitation)],
    ['participantCount', record.participantCount == null ? null : `${record.participantCount.toLocaleString('ja-JP')}者`],
    ['prefectureCount', record.prefectureCount == null ? null : `${record.prefectureCount}都道府県`],
    ['financialInstitution', record.financialInstitution?.name || null],
  ];
  return facts.filter((f): f is [string, string] => f[1] !== null).map(([source, text]) => ({ source, text }));
}
