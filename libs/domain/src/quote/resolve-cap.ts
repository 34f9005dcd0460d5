/** Resolving a cap rule for one applicant: the amount and the reason it applies (e.g. 従業員101人以上). */
import { applyRateFloor, formatMan, formatRate, type Rate, type Yen } from '../money';
import { SIZE_CLASS_LABELS, type CapRule, type CapUnit, type EmployeeBracket } from '../category';
import type { QuoteApplicant, QuoteIneligibility, QuoteProblem } from './quote.types';

export interface ResolvedCap {
  readonly amount: Yen;
  readonly reason: string;
}

/** `cap: null` means the category sets no cap. */
export type CapResolution =
  | { readonly kind: 'ok'; readonly cap: ResolvedCap | null }
  | { readonly kind: 'problem'; readonly problem: QuoteProblem }
  | { readonly kind: 'ineligible'; readonly ineligibility: QuoteIneligibility };

const ok = (amount: Yen, reason: string): CapResolution => ({ kind: 'ok', cap: { amount, reason } });

const UNIT_LABELS: Readonly<Record<CapUnit, string>> = {
  application: '',
  company: '1社あたり',
  community: '1コミュニティあたり',
  contract: '1契約あたり',
};

export const bracketLabel = (b: EmployeeBracket): string => {
  if (b.max === undefined) return b.min === 0 ? '従業員数によらず' : `従業員${b.min}人以上`;
  if (b.min === 0) return `従業員${b.max}人以下`;
  return b.min === b.max ? `従業員${b.min}人` : `従業員${b.min}～${b.max}人`;
};

/** 1/10 → '10%' where the rate is a whole percentage, else '1/8'. */
const formatShare = (r: Rate): string => ((r.numerator * 100) % r.denominator === 0 ? `${(r.numerator * 100) / r.denominator}%` : formatRate(r));

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const byEmployees = (brackets: readonly EmployeeBracket[], applicant: QuoteApplicant): CapResolution => {
  const n = applicant.employeeCount;
  if (!isCount(n)) {
    return {
      kind: 'problem',
      problem: {
        code: 'missingEmployeeCount',
        field: 'applicant.employeeCount',
        message: 'applicant.employeeCount（従業員数）を0以上の整数で入力してください。本類型の補助上限額は従業員数で決まります',
      },
    };
  }
  const bracket = brackets.find((b) => n >= b.min && (b.max === undefined || n <= b.max));
  if (!bracket) {
    const admitted = brackets.map(bracketLabel).join('、');
    return {
      kind: 'ineligible',
      ineligibility: { code: 'employeeCountNotAdmitted', message: `従業員数 ${n}人 は本類型の対象外です（対象: ${admitted}）` },
    };
  }
  return ok(bracket.amount, bracketLabel(bracket));
};

/** Participating companies in a group application; an applicant applying alone counts as 1. */
const participants = (applicant: QuoteApplicant, required: boolean): number | QuoteProblem => {
  const n = applicant.participantCount;
  if (n === undefined && !required) return 1;
  if (isCount(n) && n >= 1) return n;
  return {
    code: 'missingParticipantCount',
    field: 'applicant.participantCount',
    message: 'applicant.participantCount（参加事業者数）を1以上の整数で入力してください。本類型の補助上限額は参加事業者数で決まります',
  };
};

export const resolveCap = (rule: CapRule, applicant: QuoteApplicant): CapResolution => {
  switch (rule.kind) {
    case 'none':
      return { kind: 'ok', cap: null };
    case 'fixed':
      return ok(rule.amount, UNIT_LABELS[rule.per ?? 'application']);
    case 'byEmployees':
      return byEmployees(rule.brackets, applicant);
    case 'bySizeClass': {
      const entry = rule.entries.find((e) => applicant.sizeClass !== undefined && e.sizeClasses.includes(applicant.sizeClass));
      const label = applicant.sizeClass ? SIZE_CLASS_LABELS[applicant.sizeClass] : '';
      if (!entry) {
        return { kind: 'ineligible', ineligibility: { code: 'sizeClassNotAdmitted', message: `${label} に適用される補助上限額がありません` } };
      }
      const inner = resolveCap(entry.cap, applicant);
      if (inner.kind !== 'ok' || inner.cap === null) return inner;
      return ok(inner.cap.amount, inner.cap.reason ? `${label}、${inner.cap.reason}` : label);
    }
    case 'perParticipant': {
      const n = participants(applicant, true);
      if (typeof n !== 'number') return { kind: 'problem', problem: n };
      return ok(rule.amountPerParticipant * n, `${formatMan(rule.amountPerParticipant)} × 参加事業者${n}者`);
    }
    case 'groupBonus': {
      const base = resolveCap(rule.base, applicant);
      if (base.kind !== 'ok' || base.cap === null) return base;
      const n = participants(applicant, false);
      if (typeof n !== 'number') return { kind: 'problem', problem: n };
      // the lead's cap rises by a share of the base cap for each participating company
      const companies = rule.countsLead ? n : n - 1;
      if (companies <= 0) return base;
      const bonus = applyRateFloor(base.cap.amount, rule.bonusPerParticipant) * companies;
      const reason = `${base.cap.reason ? `${base.cap.reason}、` : ''}${formatMan(base.cap.amount)} + ${formatMan(base.cap.amount)} × ${formatShare(rule.bonusPerParticipant)} × 連携企業${companies}者`;
      return ok(base.cap.amount + bonus, reason);
    }
  }
};
