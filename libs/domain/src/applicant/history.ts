/**
 * 申請履歴: the same applicant's applications across rounds and programmes, and what a reviewer should be
 * told about them (docs/applicant-history.md). Pure: the API reads the candidates and asks these functions.
 *
 * Who is "the same applicant":
 * - the same 法人番号: certain (一致);
 * - the same インボイス登録番号 (a corporation's is T + its 法人番号): certain (一致);
 * - a 個人事業者 without either: the same name, 住所 and 生年月日, each normalised (normalizeSearchText; the
 *   住所's 丁目/番地/番/号 and hyphens written one way): probable (推定一致), since none of them is an identifier.
 */
import { programmesOverlap } from '../catalogue/overlaps';
import { normalizeSearchText } from '../search/normalize-search';
import type { ApplicantKind } from './applicant';

export type HistoryMatch = 'exact' | 'probable';
export type HistoryBasis = 'corporateNumber' | 'invoiceNumber' | 'nameAddressBirthDate';

/** What identifies an applicant on one application. */
export interface ApplicantIdentity {
  readonly kind: ApplicantKind;
  readonly name: string;
  readonly corporateNumber?: string | null;
  readonly invoiceNumber?: string | null;
  readonly address?: string | null;
  /** 'YYYY-MM-DD' */
  readonly birthDate?: string | null;
}

/** T + 13 digits, as typed (全角, hyphens and spaces allowed); null when it is not one. */
export function normalizeInvoiceNumber(text: string | null | undefined): string | null {
  if (!text) return null;
  const v = text
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―ー－]/g, '')
    .toUpperCase();
  return /^T\d{13}$/.test(v) ? v : null;
}

/** A 住所 written one way: 1丁目2番3号 = 1-2-3, hyphen variants, spaces, 全角 digits, 都道府県 kept. */
export function normalizeAddress(text: string | null | undefined): string {
  if (!text) return '';
  return normalizeSearchText(text)
    .replace(/[‐‑‒–—―ー－−]/g, '-')
    .replace(/(\d)(丁目|番地の?|番の?)(?=\d)/g, '$1-')
    .replace(/(\d)(丁目|番地|番|号)$/g, '$1')
    .replace(/(\d)号(?=\D|$)/g, '$1')
    .replace(/-+$/, '');
}

/** The keys this application can be matched by; empty: its history cannot be looked up. */
export function historyBases(a: ApplicantIdentity): HistoryBasis[] {
  const out: HistoryBasis[] = [];
  if (a.corporateNumber) out.push('corporateNumber');
  if (normalizeInvoiceNumber(a.invoiceNumber)) out.push('invoiceNumber');
  if (a.kind === 'soleProprietor' && a.birthDate && normalizeAddress(a.address) && normalizeSearchText(a.name)) out.push('nameAddressBirthDate');
  return out;
}

/** The invoice numbers an application is known by: its own, and a corporation's T + 法人番号. */
export function invoiceNumbersOf(a: ApplicantIdentity): string[] {
  const own = normalizeInvoiceNumber(a.invoiceNumber);
  const corporate = a.corporateNumber ? `T${a.corporateNumber}` : null;
  return [...new Set([own, corporate].filter((x): x is string => !!x))];
}

/** Whether `other` is the same applicant as `a`, and how sure that is; null when it is not. */
export function matchApplicant(a: ApplicantIdentity, other: ApplicantIdentity): { match: HistoryMatch; basis: HistoryBasis } | null {
  if (a.corporateNumber && a.corporateNumber === other.corporateNumber) return { match: 'exact', basis: 'corporateNumber' };
  const mine = invoiceNumbersOf(a);
  if (mine.length && invoiceNumbersOf(other).some((n) => mine.includes(n))) return { match: 'exact', basis: 'invoiceNumber' };
  if (
    a.kind === 'soleProprietor' &&
    other.kind === 'soleProprietor' &&
    a.birthDate &&
    a.birthDate === other.birthDate &&
    normalizeAddress(a.address) !== '' &&
    normalizeAddress(a.address) === normalizeAddress(other.address) &&
    normalizeSearchText(a.name) === normalizeSearchText(other.name)
  ) {
    return { match: 'probable', basis: 'nameAddressBirthDate' };
  }
  return null;
}

/** An expense line as the history compares it. */
export interface HistoryExpense {
  readonly expenseType: string;
  readonly description?: string | null;
}

/** Another application of the same applicant, as the flags read it. */
export interface HistoryApplication {
  readonly id: string;
  readonly receiptNumber: string | null;
  readonly programCode: string;
  readonly programName: string;
  readonly roundName: string;
  /** holds a 採択 (its state carries the workflow's holdsSlot tag) */
  readonly adopted: boolean;
  readonly match: HistoryMatch;
  readonly expenses: readonly HistoryExpense[];
}

export type HistoryFlag =
  | {
      readonly kind: 'expenseAlreadySubsidised';
      readonly applicationId: string;
      readonly receiptNumber: string | null;
      readonly match: HistoryMatch;
      readonly expenseType: string;
      readonly description: string;
      readonly message: string;
    }
  | {
      readonly kind: 'overlappingAdoption';
      readonly applicationId: string;
      readonly receiptNumber: string | null;
      readonly match: HistoryMatch;
      readonly programCode: string;
      readonly message: string;
    };

/** Shortest normalised description that counts as "contained" in another (shorter ones say too little). */
export const MIN_DESCRIPTION_OVERLAP = 3;

/**
 * The same expense, by the heuristic of docs/applicant-history.md: the same 経費区分 code and descriptions
 * that, normalised (normalizeSearchText), are equal or one contains the other (the shorter one
 * MIN_DESCRIPTION_OVERLAP characters or more). Lines without a description never match.
 */
export function sameExpense(a: HistoryExpense, b: HistoryExpense): boolean {
  if (a.expenseType !== b.expenseType) return false;
  const x = normalizeSearchText(a.description ?? '');
  const y = normalizeSearchText(b.description ?? '');
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= MIN_DESCRIPTION_OVERLAP && long.includes(short);
}

const ref = (o: HistoryApplication) =>
  `${o.programName} ${o.roundName}（受付番号 ${o.receiptNumber ?? '未採番'}${o.match === 'probable' ? '、推定一致' : ''}）`;

/**
 * What the reviewer is told about `current` given the applicant's other applications: an expense line that
 * an adopted one already had (expenseAlreadySubsidised), and an 採択 in an overlapping programme
 * (overlappingAdoption, programmesOverlap). Only adopted applications count: an application not adopted
 * subsidised nothing.
 */
export function historyFlags(
  current: { readonly programCode: string; readonly expenses: readonly HistoryExpense[] },
  others: readonly HistoryApplication[],
): HistoryFlag[] {
  const flags: HistoryFlag[] = [];
  for (const o of others.filter((x) => x.adopted)) {
    const overlap = programmesOverlap(current.programCode, o.programCode);
    if (overlap) {
      flags.push({
        kind: 'overlappingAdoption',
        applicationId: o.id,
        receiptNumber: o.receiptNumber,
        match: o.match,
        programCode: o.programCode,
        message: `重複する事業（${overlap}）で既に採択されています: ${ref(o)}`,
      });
    }
    for (const line of current.expenses) {
      const earlier = o.expenses.find((e) => sameExpense(line, e));
      if (!earlier) continue;
      flags.push({
        kind: 'expenseAlreadySubsidised',
        applicationId: o.id,
        receiptNumber: o.receiptNumber,
        match: o.match,
        expenseType: line.expenseType,
        description: line.description ?? '',
        message: `経費「${line.description}」は、採択済みの申請の経費「${earlier.description}」と同じ経費の可能性があります: ${ref(o)}`,
      });
    }
  }
  return flags;
}

/** GET /api/applications/:id/history: the wire shape the admin reads (one definition for both). */
export interface ApplicantHistory {
  /** the keys the applicant was looked up by; empty: none given, no history */
  readonly bases: readonly { readonly basis: HistoryBasis; readonly value: string }[];
  readonly entries: readonly ApplicantHistoryEntry[];
  readonly flags: readonly HistoryFlag[];
}

export interface ApplicantHistoryEntry {
  /** null when this user may not open that application (a reviewer sees only assigned ones) */
  readonly id: string | null;
  readonly receiptNumber: string | null;
  readonly applicantName: string;
  readonly programName: string;
  readonly roundName: string;
  readonly categoryName: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly adopted: boolean;
  /** integer yen: the quoted amount (the 採択 amount once adopted) */
  readonly amount: number;
  readonly receivedAt: string | null;
  readonly match: HistoryMatch;
  readonly basis: HistoryBasis;
}
