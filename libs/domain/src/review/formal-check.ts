/**
 * 要件確認 / 形式審査: the checklist a staff member works through before an application goes to the
 * reviewers. Each item shows what the system already knows (`suggestion`) but a person decides.
 * A failed check sends the application back (差戻し) with the text of correctionRequest().
 */
import { REQUIREMENT_LABELS, type CategoryConfig } from '../category';
import { ATTACHMENT_KINDS, requiredAttachmentKinds } from '../intake';
import type { Yen } from '../money';

export type FormalCheckSource = 'document' | 'eligibility' | 'advisor' | 'declaration';

export interface FormalCheckItem {
  /** 'document.<attachment kind>', 'eligibility.requirements', 'advisor.confirmed', 'declaration.<name>' */
  code: string;
  label: string;
  source: FormalCheckSource;
  /** what the system already knows, shown beside the item; null = only a person can tell */
  suggestion: 'pass' | 'fail' | null;
  hint?: string;
  /** eligibility: each requirement the automatic judgement found unmet, in Japanese */
  failedRequirements?: FailedRequirement[];
  /** eligibility: requirements only a person can judge, in Japanese */
  manualRequirements?: string[];
  /** marking this item 適 goes against the system's 不適 and needs a reason (overrideReason) */
  passNeedsReason?: boolean;
}

/** An unmet requirement of the stored eligibility: its code, its text (REQUIREMENT_LABELS) and the judgement's message. */
export interface FailedRequirement {
  code: string;
  label: string;
  message: string;
}

/** What the checklist reads of the automatic eligibility judgement stored with the application. */
export interface FormalCheckEligibility {
  eligible: boolean;
  reasons: string[];
  failedRequirements?: FailedRequirement[];
  manualRequirements?: string[];
}

export interface FormalCheckFacts {
  requiredAttachments: { kind: string; label: string }[];
  presentAttachmentKinds: string[];
  /**
   * The application came on paper (a bulk import: no intake channel), its documents with it: none is uploaded, so a
   * document not attached is for the checker to find among the papers, not a missing one.
   */
  receivedOnPaper?: boolean;
  /** from the stored eligibility (see formalCheckEligibility); null when none was stored */
  eligibility: FormalCheckEligibility | null;
  advisorRequired: boolean;
  advisorName: string | null;
}

export const FORMAL_CHECK_ELIGIBILITY = 'eligibility.requirements';
export const FORMAL_CHECK_ADVISOR = 'advisor.confirmed';
export const FORMAL_CHECK_NO_DUPLICATE = 'declaration.noDuplicate';
export const FORMAL_CHECK_ANTISOCIAL_FORCES = 'declaration.antisocialForces';
export const formalCheckDocumentCode = (kind: string): string => `document.${kind}`;

/**
 * The attachments a category requires for a quoted amount, with their Japanese labels, in the shape
 * FormalCheckFacts.requiredAttachments wants (see requiredAttachmentKinds in libs/domain/src/intake).
 */
export const requiredAttachmentsFor = (config: CategoryConfig, quotedAmount: Yen): { kind: string; label: string }[] =>
  requiredAttachmentKinds(config, quotedAmount).map((kind) => ({ kind, label: ATTACHMENT_KINDS[kind] }));

/** Whether the category's plan is made with a 認定支援機関 (its confirmation is then a required attachment). */
export const advisorRequiredFor = (config: CategoryConfig): boolean => requiredAttachmentKinds(config, 0).includes('advisorConfirmation');

const labelOf = (code: string): string => (REQUIREMENT_LABELS as Record<string, string>)[code] ?? code;
/** 'a|b' (an anyOf clause as the report names it) → 「A 又は B」 */
const requirementText = (requirement: string): string => requirement.split('|').map(labelOf).join(' 又は ');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The eligibility the 要件確認 suggests from, read from what the application stores: its eligibility
 * report (application.eligibility, checkEligibility's EligibilityReport: every failed requirement, the
 * manual ones) and its quote (a quote that is not eligible, e.g. below the floor, also fails). A
 * benefit (事業復活支援金) stores no report: its quote's own judgement is used. Null when neither
 * was stored (a person decides).
 */
export function formalCheckEligibility(storedEligibility: unknown, storedQuote: unknown): FormalCheckEligibility | null {
  const quote = isRecord(storedQuote) ? storedQuote : null;
  const quoteIneligible = quote !== null && quote.eligible === false;
  const quoteReasons =
    quoteIneligible && Array.isArray(quote.ineligibility)
      ? quote.ineligibility.flatMap((x) => (isRecord(x) && typeof x.message === 'string' ? [x.message] : []))
      : [];
  if (isRecord(storedEligibility) && Array.isArray(storedEligibility.failures)) {
    const failedRequirements = storedEligibility.failures.flatMap((f): FailedRequirement[] =>
      isRecord(f) && typeof f.requirement === 'string'
        ? [{ code: f.requirement, label: requirementText(f.requirement), message: typeof f.message === 'string' ? f.message : '' }]
        : [],
    );
    const manualRequirements = Array.isArray(storedEligibility.manual)
      ? storedEligibility.manual.filter((m): m is string => typeof m === 'string').map(requirementText)
      : [];
    return {
      eligible: storedEligibility.ok === true && failedRequirements.length === 0 && !quoteIneligible,
      reasons: [...failedRequirements.map((f) => f.message || f.label), ...quoteReasons],
      failedRequirements,
      manualRequirements,
    };
  }
  if (quote !== null && typeof quote.eligible === 'boolean')
    return { eligible: quote.eligible, reasons: quoteReasons, failedRequirements: [], manualRequirements: [] };
  return null;
}

function documentItems(facts: FormalCheckFacts): FormalCheckItem[] {
  const present = new Set(facts.presentAttachmentKinds);
  const seen = new Set<string>();
  const out: FormalCheckItem[] = [];
  for (const { kind, label } of facts.requiredAttachments) {
    if (seen.has(kind)) continue;
    seen.add(kind);
    const ok = present.has(kind);
    const item = { code: formalCheckDocumentCode(kind), label: `添付書類「${label}」`, source: 'document' } as const;
    if (ok) out.push({ ...item, suggestion: 'pass', hint: '添付されています。内容（記名・日付・様式）を確認してください' });
    else if (facts.receivedOnPaper)
      out.push({ ...item, suggestion: null, hint: '紙で受け付けた申請です。提出された書類の中にあるか、内容（記名・日付・様式）とともに確認してください' });
    else out.push({ ...item, suggestion: 'fail', hint: '添付されていません' });
  }
  return out;
}

function eligibilityItem(eligibility: FormalCheckFacts['eligibility']): FormalCheckItem {
  const item: FormalCheckItem = { code: FORMAL_CHECK_ELIGIBILITY, label: '適格性・申請要件', source: 'eligibility', suggestion: null };
  if (eligibility === null) return { ...item, hint: '自動判定の結果がありません。申請内容から要件を確認してください' };
  const reasons = eligibility.reasons.length > 0 ? `：${eligibility.reasons.join('／')}` : '';
  const manual = eligibility.manualRequirements ?? [];
  const extra = {
    ...(eligibility.failedRequirements?.length ? { failedRequirements: eligibility.failedRequirements.map((f) => ({ ...f })) } : {}),
    ...(manual.length ? { manualRequirements: [...manual] } : {}),
  };
  if (eligibility.eligible) {
    return {
      ...item,
      ...extra,
      suggestion: 'pass',
      hint: `自動判定では要件を満たしています${reasons}${manual.length ? '。人による確認が必要な要件があります' : ''}`,
    };
  }
  return { ...item, ...extra, suggestion: 'fail', passNeedsReason: true, hint: `自動判定では要件を満たしていません${reasons}` };
}

function advisorItem(advisorName: string | null): FormalCheckItem {
  const name = advisorName?.trim() ?? '';
  const named = name !== '';
  return {
    code: FORMAL_CHECK_ADVISOR,
    label: '認定支援機関の確認書',
    source: 'advisor',
    suggestion: named ? null : 'fail',
    hint: named
      ? `申請書記載の認定支援機関: ${name}。確認書の発行者と一致し、認定を受けた機関であることを確認してください`
      : '申請書に認定支援機関の名称がありません',
  };
}

const DECLARATIONS: readonly FormalCheckItem[] = [
  {
    code: FORMAL_CHECK_NO_DUPLICATE,
    label: '他の補助金との重複受給がない',
    source: 'declaration',
    suggestion: null,
    hint: '同一の経費について国の他の補助金等を受けていないことを、宣誓内容と照合してください',
  },
  {
    code: FORMAL_CHECK_ANTISOCIAL_FORCES,
    label: '反社会的勢力に該当しない',
    source: 'declaration',
    suggestion: null,
    hint: '反社会的勢力排除に関する誓約事項への同意を確認してください',
  },
];

/**
 * The checklist, in this order: one item per required attachment (`document.<kind>`, suggested pass
 * when attached, fail when not; a kind listed twice appears once), `eligibility.requirements` (suggested
 * from the stored eligibility result, its reasons in the hint), `advisor.confirmed` only when the
 * category needs a 認定支援機関 (suggested fail when no advisor is named; otherwise a person checks the
 * confirmation), and the declarations a person always checks.
 */
export function buildFormalChecklist(facts: FormalCheckFacts): FormalCheckItem[] {
  return [
    ...documentItems(facts),
    eligibilityItem(facts.eligibility),
    ...(facts.advisorRequired ? [advisorItem(facts.advisorName)] : []),
    ...DECLARATIONS.map((d) => ({ ...d })),
  ];
}

export interface FormalCheckAnswer {
  code: string;
  passed: boolean;
  comment?: string;
  /** why 適 although the system suggests 不適 (required where the item says passNeedsReason) */
  overrideReason?: string;
}

/**
 * The answers that mark 適 an item whose 不適 suggestion needs a reason to be overruled
 * (passNeedsReason), without one: their codes, once each, in answer order. Refuse these.
 */
export function overridesWithoutReason(items: readonly FormalCheckItem[], answers: readonly FormalCheckAnswer[]): string[] {
  const needs = new Set(items.filter((i) => i.passNeedsReason === true).map((i) => i.code));
  const out: string[] = [];
  for (const a of answers) {
    const reason = typeof a.overrideReason === 'string' ? a.overrideReason.trim() : '';
    if (a.passed && needs.has(a.code) && reason === '' && !out.includes(a.code)) out.push(a.code);
  }
  return out;
}

export interface FormalCheckEvaluation {
  /** every item has an answer */
  complete: boolean;
  /** complete and no item failed */
  passed: boolean;
  /** item codes without an answer, in checklist order */
  missing: string[];
  /** answer codes that are not on the checklist (once each, in answer order); refuse these with 400 */
  unknown: string[];
  /** failed items in checklist order; comment null when the reviewer left none */
  failed: { code: string; label: string; comment: string | null }[];
  /** items marked 適 against a 不適 suggestion that needs a reason, with the reason (null: none given; refuse) */
  overridden: { code: string; label: string; reason: string | null }[];
}

/**
 * Evaluates a staff member's answers against the checklist. When a code is answered twice the last
 * answer counts. A failed item without a comment is valid (correctionRequest then uses its label).
 * Unknown answers are reported but do not change `complete` or `passed`.
 */
export function evaluateFormalCheck(items: readonly FormalCheckItem[], answers: readonly FormalCheckAnswer[]): FormalCheckEvaluation {
  const codes = new Set(items.map((i) => i.code));
  const byCode = new Map<string, FormalCheckAnswer>();
  const unknown: string[] = [];
  for (const a of answers) {
    if (codes.has(a.code)) byCode.set(a.code, a);
    else if (!unknown.includes(a.code)) unknown.push(a.code);
  }
  const missing = items.filter((i) => !byCode.has(i.code)).map((i) => i.code);
  const failed = items.flatMap((i) => {
    const a = byCode.get(i.code);
    if (a === undefined || a.passed) return [];
    const comment = typeof a.comment === 'string' && a.comment.trim() !== '' ? a.comment.trim() : null;
    return [{ code: i.code, label: i.label, comment }];
  });
  const overridden = items.flatMap((i) => {
    const a = byCode.get(i.code);
    if (a === undefined || !a.passed || i.passNeedsReason !== true) return [];
    const reason = typeof a.overrideReason === 'string' && a.overrideReason.trim() !== '' ? a.overrideReason.trim() : null;
    return [{ code: i.code, label: i.label, reason }];
  });
  const complete = missing.length === 0;
  return { complete, passed: complete && failed.length === 0, missing, unknown, failed, overridden };
}

/**
 * The 差戻し reason for the applicant: one numbered line per failed item, `label：comment`, or the label
 * alone when there is no comment. Empty string when nothing failed.
 */
export function correctionRequest(failed: FormalCheckEvaluation['failed']): string {
  if (failed.length === 0) return '';
  const lines = failed.map((f, i) => `${i + 1}. ${f.label}${f.comment !== null && f.comment.trim() !== '' ? `：${f.comment.trim()}` : ''}`);
  return ['要件確認の結果、次の点に不備がありました。内容をご確認のうえ、修正又は書類の追加をして再提出してください。', '', ...lines].join('\n');
}

/**
 * The 要件不適合 reason for the applicant: the requirements not met, one numbered line per failed item
 * (`label：comment`), then the checker's own words if any. Unlike correctionRequest it asks for nothing:
 * the application ends here (the 要件不適合 mail prints it under 「満たしていない要件」).
 */
export function unmetRequirements(failed: FormalCheckEvaluation['failed'], note?: string | null): string {
  const lines = failed.map((f, i) => `${i + 1}. ${f.label}${f.comment !== null && f.comment.trim() !== '' ? `：${f.comment.trim()}` : ''}`);
  const extra = note?.trim();
  return [...lines, ...(extra ? [...(lines.length ? [''] : []), `補足: ${extra}`] : [])].join('\n');
}
