import { SIZE_CLASS_LABELS } from '@jimukyoku/domain';

/** One transition the signed-in user may fire now (GET /api/applications/:id → transitions). */
export interface AvailableTransition {
  name: string;
  label: string;
  to: string;
  toLabel?: string;
  requiresReason: boolean;
}

/** One audit record of the application (GET /api/applications/:id → timeline). */
export interface TimelineEntry {
  id: string | number;
  occurredAt: string;
  actorId: string | null;
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

/** 申請 as GET /api/applications(/:id) returns it. */
export interface ApplicationRecord {
  id: string;
  roundId: string;
  categoryId: string;
  receiptNumber: string | null;
  status: string;
  statusLabel: string;
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
  planTitle: string | null;
  planSummary: string | null;
  expenses: ExpenseLine[];
  quote: Quote | null;
  quotedAmount: number;
  eligibility: Eligibility | null;
  correctionDueAt: string | null;
  receivedAt: string | null;
  receivedInGrace: boolean;
  stamps: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  transitions?: AvailableTransition[];
  timeline?: TimelineEntry[];
  assignments?: Assignment[];
}

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

/**
 * The states of the three workflows (libs/workflow) with their Japanese labels, for the 状態 filter;
 * where two workflows name a state differently the 補助金 one is shown. Rows themselves carry the
 * API's `statusLabel`.
 */
export const STATUS_CODES = [
  'draft', 'submitted', 'formalCheck', 'returned', 'resubmitted', 'underReview', 'reviewed', 'adopted', 'waitlisted', 'rejected',
  'grantApplied', 'grantDecided', 'performanceReported', 'finalInspection', 'amountFixed', 'paid', 'commercializationReported',
  'withdrawn', 'ineligible', 'idIssued', 'preChecked', 'deficient', 'benefitDecided', 'transferred', 'notGranted', 'effectReported',
] as const;
export const statusChoices = STATUS_CODES.map((code) => ({ id: code, name: `app.applications.status.${code}` }));

/** The transitions a manager commonly runs over many applications at once (一括操作). */
export const BULK_TRANSITIONS = ['startFormalCheck', 'completeReview', 'adopt', 'reject', 'waitlist', 'closeWaitlist', 'decideGrant', 'fixAmount', 'pay'] as const;
export const bulkTransitionChoices = BULK_TRANSITIONS.map((name) => ({ id: name, name: `app.applications.transitions.${name}` }));

export const sizeClassChoices = Object.entries(SIZE_CLASS_LABELS).map(([id, name]) => ({ id, name }));

export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県',
  '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県',
  '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;
export const prefectureChoices = PREFECTURES.map((p) => ({ id: p, name: p }));

/** Colour of a status chip by how far along the application is. */
export function statusColor(status: string): 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary' | 'secondary' {
  if (['draft', 'idIssued'].includes(status)) return 'default';
  if (['returned', 'deficient', 'waitlisted'].includes(status)) return 'warning';
  if (['rejected', 'ineligible', 'notGranted', 'withdrawn'].includes(status)) return 'error';
  if (['adopted', 'grantDecided', 'benefitDecided', 'amountFixed', 'paid', 'transferred', 'commercializationReported', 'effectReported'].includes(status)) return 'success';
  if (['grantApplied', 'performanceReported', 'finalInspection'].includes(status)) return 'secondary';
  return 'info';
}
