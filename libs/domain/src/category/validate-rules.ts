/**
 * Checks of the parts of a category configuration: caps (brackets), rate rules and tiers.
 * Inputs may come from an administrator's form as JSON, so shapes are checked defensively.
 */
import type { Rate } from '../money';
import type { SizeClass } from '../applicant';
import { SIZE_CLASSES, SIZE_CLASS_LABELS, type CapRule, type EmployeeBracket, type RateRule } from './category.types';

export interface ConfigProblem {
  /** path inside the configuration, e.g. 'pricing.cap.brackets[1]' */
  readonly path: string;
  readonly code: ConfigProblemCode;
  /** Japanese message naming the path */
  readonly message: string;
}

export type ConfigProblemCode =
  | 'required'
  | 'invalidYen'
  | 'invalidRate'
  | 'rateAboveOne'
  | 'rateZero'
  | 'unknownKind'
  // a subsidy's part on a 給付金 or 委託 類型
  | 'notForKind'
  | 'unknownSizeClass'
  | 'unknownRequirement'
  | 'duplicateCode'
  | 'bracketsEmpty'
  | 'bracketInvalid'
  | 'bracketsOverlap'
  | 'bracketsGap'
  | 'lastBracketBounded'
  | 'sizeClassWithoutCap'
  | 'sizeClassCapOverlap'
  | 'tiersEmpty'
  | 'tierThresholdMissing'
  | 'tierThresholdsNotIncreasing'
  | 'lastTierBounded'
  | 'noRateForSizeClass'
  | 'rateForUnadmittedSizeClass'
  | 'floorAboveCap'
  | 'unknownExpenseType'
  | 'unknownItemKind'
  | 'exclusionWithoutCriteria'
  | 'exclusionOfEligibleType'
  | 'shareLimitWithTiers'
  | 'invalidList'
  | 'selfReference'
  | 'wrongType';

export const problem = (path: string, code: ConfigProblemCode, message: string): ConfigProblem => ({ path, code, message });

export const isYen = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export const isValidRate = (r: unknown): r is Rate => {
  const x = r as Rate | undefined;
  return (
    typeof x === 'object' && x !== null && Number.isSafeInteger(x.numerator) && Number.isSafeInteger(x.denominator) && x.denominator > 0 && x.numerator >= 0
  );
};

export const checkRate = (r: unknown, path: string): ConfigProblem[] => {
  if (!isValidRate(r)) return [problem(path, 'invalidRate', `${path}: 補助率は「分子/分母」の整数の分数で指定してください`)];
  if (r.numerator > r.denominator) return [problem(path, 'rateAboveOne', `${path}: 補助率 ${r.numerator}/${r.denominator} が1を超えています`)];
  if (r.numerator === 0) return [problem(path, 'rateZero', `${path}: 補助率が0です`)];
  return [];
};

export const checkSizeClasses = (classes: unknown, path: string): ConfigProblem[] =>
  Array.isArray(classes)
    ? classes.flatMap((c, i) =>
        SIZE_CLASSES.includes(c as SizeClass) ? [] : [problem(`${path}[${i}]`, 'unknownSizeClass', `${path}[${i}]: 規模区分「${String(c)}」は不明です`)],
      )
    : [problem(path, 'required', `${path}: 規模区分の一覧を指定してください`)];

/** Inclusive brackets must be sorted, neither overlap nor leave a gap, and the last one open. */
export const checkBrackets = (brackets: unknown, path: string): ConfigProblem[] => {
  if (!Array.isArray(brackets) || brackets.length === 0) {
    return [problem(path, 'bracketsEmpty', `${path}: 従業員数の区分を1つ以上指定してください`)];
  }
  const out: ConfigProblem[] = [];
  (brackets as EmployeeBracket[]).forEach((b, i) => {
    const p = `${path}[${i}]`;
    const minOk = Number.isSafeInteger(b?.min) && b.min >= 0;
    const maxOk = b?.max === undefined || (Number.isSafeInteger(b.max) && b.max >= b.min);
    if (!minOk || !maxOk) out.push(problem(p, 'bracketInvalid', `${p}: 従業員数の区分は 0以上の整数で、下限 ≤ 上限 としてください`));
    if (!isYen(b?.amount)) out.push(problem(`${p}.amount`, 'invalidYen', `${p}.amount: 上限額は0以上の整数（円）で指定してください`));
    if (i === 0 || !minOk) return;
    const prev = (brackets as EmployeeBracket[])[i - 1];
    if (prev.max === undefined || b.min <= prev.max) {
      out.push(problem(p, 'bracketsOverlap', `${p}: 従業員数の区分が前の区分と重なっています（${b.min}人）`));
    } else if (b.min > prev.max + 1) {
      out.push(problem(p, 'bracketsGap', `${p}: 従業員数 ${prev.max + 1}～${b.min - 1}人 に該当する区分がありません`));
    }
  });
  const last = (brackets as EmployeeBracket[])[brackets.length - 1];
  if (last?.max !== undefined) {
    const p = `${path}[${brackets.length - 1}]`;
    out.push(problem(p, 'lastBracketBounded', `${p}: 最後の区分に上限があるため、従業員数 ${last.max + 1}人以上 に該当する区分がありません`));
  }
  return out;
};

export const checkCap = (rule: unknown, path: string, admitted: readonly SizeClass[]): ConfigProblem[] => {
  const cap = rule as CapRule | undefined;
  switch (cap?.kind) {
    case 'fixed':
      return isYen(cap.amount) ? [] : [problem(`${path}.amount`, 'invalidYen', `${path}.amount: 上限額は0以上の整数（円）で指定してください`)];
    case 'byEmployees':
      return checkBrackets(cap.brackets, `${path}.brackets`);
    case 'perParticipant':
      return isYen(cap.amountPerParticipant)
        ? []
        : [problem(`${path}.amountPerParticipant`, 'invalidYen', `${path}.amountPerParticipant: 1者あたり上限額は0以上の整数（円）で指定してください`)];
    case 'groupBonus':
      return [...checkCap(cap.base, `${path}.base`, admitted), ...checkRate(cap.bonusPerParticipant, `${path}.bonusPerParticipant`)];
    case 'none':
      return [];
    case 'bySizeClass': {
      if (!Array.isArray(cap.entries)) return [problem(`${path}.entries`, 'required', `${path}.entries: 規模区分ごとの上限額を指定してください`)];
      const out: ConfigProblem[] = [];
      const seen = new Set<SizeClass>();
      cap.entries.forEach((e, i) => {
        const p = `${path}.entries[${i}]`;
        out.push(...checkSizeClasses(e?.sizeClasses, `${p}.sizeClasses`), ...checkCap(e?.cap, `${p}.cap`, admitted));
        for (const c of (Array.isArray(e?.sizeClasses) ? e.sizeClasses : []) as readonly SizeClass[]) {
          if (seen.has(c)) out.push(problem(p, 'sizeClassCapOverlap', `${p}: ${SIZE_CLASS_LABELS[c] ?? c} の上限額が重複しています`));
          seen.add(c);
        }
      });
      for (const c of admitted) {
        if (!seen.has(c)) out.push(problem(path, 'sizeClassWithoutCap', `${path}: ${SIZE_CLASS_LABELS[c]} の上限額がありません`));
      }
      return out;
    }
    default:
      return [problem(`${path}.kind`, 'unknownKind', `${path}.kind: 上限額の種類「${String((rule as { kind?: unknown } | undefined)?.kind)}」は不明です`)];
  }
};

const checkTiers = (rule: RateRule, path: string): ConfigProblem[] => {
  if (!Array.isArray(rule.tiers) || rule.tiers.length === 0) return [problem(path, 'tiersEmpty', `${path}: 補助率を1つ以上指定してください`)];
  const out: ConfigProblem[] = [];
  let previous = 0;
  rule.tiers.forEach((t, i) => {
    const p = `${path}[${i}]`;
    out.push(...checkRate(t?.rate, `${p}.rate`));
    const last = i === rule.tiers.length - 1;
    if (last && t?.upToSubsidy !== undefined) {
      out.push(problem(`${p}.upToSubsidy`, 'lastTierBounded', `${p}.upToSubsidy: 最後の段階には補助金額の上限（閾値）を付けないでください`));
    } else if (!last && !isYen(t?.upToSubsidy)) {
      out.push(problem(`${p}.upToSubsidy`, 'tierThresholdMissing', `${p}.upToSubsidy: 段階の閾値（補助金額）を0以上の整数（円）で指定してください`));
    } else if (!last && (t.upToSubsidy as number) <= previous) {
      out.push(problem(`${p}.upToSubsidy`, 'tierThresholdsNotIncreasing', `${p}.upToSubsidy: 段階の閾値は昇順にしてください`));
    }
    if (!last && isYen(t?.upToSubsidy)) previous = t.upToSubsidy;
  });
  return out;
};

const isUnconditionalFor = (rule: RateRule, sizeClass: SizeClass): boolean =>
  rule.when?.lossMaking === undefined &&
  rule.when?.inRehabilitation === undefined &&
  (rule.when?.sizeClasses === undefined || rule.when.sizeClasses.includes(sizeClass));

/** Rate rules: valid tiers, and every admitted size class has a rate without further conditions. */
export const checkRates = (rules: unknown, path: string, admitted: readonly SizeClass[]): ConfigProblem[] => {
  if (!Array.isArray(rules) || rules.length === 0) return [problem(path, 'required', `${path}: 補助率を1つ以上指定してください`)];
  const out: ConfigProblem[] = [];
  (rules as RateRule[]).forEach((r, i) => {
    const p = `${path}[${i}]`;
    if (typeof r !== 'object' || r === null) {
      out.push(problem(p, 'invalidRate', `${p}: 補助率は { label, tiers } の形で指定してください`));
      return;
    }
    if (typeof r?.label !== 'string' || r.label === '')
      out.push(problem(`${p}.label`, 'required', `${p}.label: 補助率の対象（例: 中小企業）を入力してください`));
    if (r?.when?.sizeClasses !== undefined) {
      out.push(...checkSizeClasses(r.when.sizeClasses, `${p}.when.sizeClasses`));
      const classes = (Array.isArray(r.when.sizeClasses) ? r.when.sizeClasses : []) as readonly SizeClass[];
      const unadmitted = classes.filter((c) => SIZE_CLASSES.includes(c) && !admitted.includes(c));
      if (unadmitted.length > 0) {
        const labels = unadmitted.map((c) => SIZE_CLASS_LABELS[c]).join('・');
        out.push(problem(`${p}.when.sizeClasses`, 'rateForUnadmittedSizeClass', `${p}.when.sizeClasses: ${labels} は本類型の対象外です`));
      }
    }
    out.push(...checkTiers(r, `${p}.tiers`));
  });
  for (const c of admitted) {
    if (!(rules as RateRule[]).some((r) => typeof r === 'object' && r !== null && isUnconditionalFor(r, c))) {
      out.push(problem(path, 'noRateForSizeClass', `${path}: ${SIZE_CLASS_LABELS[c]} に適用される補助率がありません`));
    }
  }
  return out;
};

/** Every amount a cap can take for a fixed group size, used to compare with the floor. */
export const possibleCapAmounts = (rule: CapRule): number[] => {
  switch (rule.kind) {
    case 'fixed':
      return [rule.amount];
    case 'byEmployees':
      return rule.brackets.map((b) => b.amount);
    case 'bySizeClass':
      return rule.entries.flatMap((e) => possibleCapAmounts(e.cap));
    default:
      // grows with the number of participants, or no cap: nothing to compare
      return [];
  }
};
