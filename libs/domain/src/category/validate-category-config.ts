/**
 * validateCategoryConfig: the checks an administrator-entered 類型 configuration must pass before
 * it is stored or used (brackets overlapping or gapped, rates above 1, floor above the cap, …).
 * Returns every problem found; an empty list means the configuration is usable.
 */
import type { SizeClass } from '../applicant';
import { formatYen } from '../money';
import type { CapRule, CategoryConfig, ExclusionRule, ExpenseTypeDef, ItemRule, Pricing, RateRule, SubsidyCategoryConfig } from './category.types';
import { SIZE_CLASSES } from './category.types';
import { subsidyShapeProblems } from './config-shape';
import { isRequirementCode } from './requirements';
import { checkCap, checkRate, checkRates, checkSizeClasses, isYen, possibleCapAmounts, problem, type ConfigProblem } from './validate-rules';

export type { ConfigProblem, ConfigProblemCode } from './validate-rules';

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

const checkRequirements = (reqs: unknown): ConfigProblem[] => {
  if (!Array.isArray(reqs)) return [problem('requirements', 'required', 'requirements: 要件の一覧を指定してください（なければ空の一覧）')];
  return reqs.flatMap((r, i) => {
    const codes: unknown[] = typeof r === 'object' && r !== null && Array.isArray(r.anyOf) ? r.anyOf : [r];
    return codes
      .filter((c) => !isRequirementCode(c))
      .map((c) => problem(`requirements[${i}]`, 'unknownRequirement', `requirements[${i}]: 要件コード「${String(c)}」は不明です`));
  });
};

const checkExpenseTypes = (types: unknown): ConfigProblem[] => {
  if (!Array.isArray(types) || types.length === 0)
    return [problem('expenseTypes', 'required', 'expenseTypes: 補助対象経費の経費区分を1つ以上指定してください')];
  const seen = new Set<string>();
  return (types as ExpenseTypeDef[]).flatMap((t, i) => {
    const out: ConfigProblem[] = [];
    if (!nonEmpty(t?.code)) out.push(problem(`expenseTypes[${i}].code`, 'required', `expenseTypes[${i}].code: 経費区分のコードを入力してください`));
    else if (seen.has(t.code)) out.push(problem(`expenseTypes[${i}].code`, 'duplicateCode', `expenseTypes[${i}].code: 経費区分「${t.code}」が重複しています`));
    if (!nonEmpty(t?.label)) out.push(problem(`expenseTypes[${i}].label`, 'required', `expenseTypes[${i}].label: 経費区分の名称を入力してください`));
    if (nonEmpty(t?.code)) seen.add(t.code);
    return out;
  });
};

const checkExclusions = (exclusions: unknown, eligible: ReadonlySet<string>): ConfigProblem[] => {
  if (!Array.isArray(exclusions)) return [problem('exclusions', 'required', 'exclusions: 対象外とする経費の一覧を指定してください（なければ空の一覧）')];
  return (exclusions as ExclusionRule[]).flatMap((x, i) => {
    const p = `exclusions[${i}]`;
    const out: ConfigProblem[] = [];
    if (!nonEmpty(x?.code)) out.push(problem(`${p}.code`, 'required', `${p}.code: コードを入力してください`));
    if (!nonEmpty(x?.reason)) out.push(problem(`${p}.reason`, 'required', `${p}.reason: 対象外とする理由を入力してください`));
    if (!(x?.expenseTypes?.length || x?.itemKinds?.length || x?.flags?.length)) {
      out.push(problem(p, 'exclusionWithoutCriteria', `${p}: 経費区分・品目・フラグのいずれかを指定してください`));
    }
    for (const t of x?.expenseTypes ?? []) {
      if (eligible.has(t)) out.push(problem(`${p}.expenseTypes`, 'exclusionOfEligibleType', `${p}.expenseTypes: 「${t}」は補助対象経費にも含まれています`));
    }
    return out;
  });
};

const checkKnownTypes = (codes: unknown, path: string, eligible: ReadonlySet<string>): ConfigProblem[] =>
  (Array.isArray(codes) ? codes : [])
    .filter((c) => !eligible.has(c))
    .map((c) => problem(path, 'unknownExpenseType', `${path}: 経費区分「${String(c)}」が expenseTypes にありません`));

const checkItems = (items: unknown, path: string, admitted: readonly SizeClass[]): ConfigProblem[] => {
  if (!Array.isArray(items) || items.length === 0) return [problem(path, 'required', `${path}: 品目を1つ以上指定してください`)];
  const seen = new Set<string>();
  return (items as ItemRule[]).flatMap((item, i) => {
    const p = `${path}[${i}]`;
    const out: ConfigProblem[] = [];
    if (!nonEmpty(item?.itemKind)) out.push(problem(`${p}.itemKind`, 'required', `${p}.itemKind: 品目のコードを入力してください`));
    else if (seen.has(item.itemKind)) out.push(problem(`${p}.itemKind`, 'duplicateCode', `${p}.itemKind: 品目「${item.itemKind}」が重複しています`));
    if (nonEmpty(item?.itemKind)) seen.add(item.itemKind);
    out.push(...checkRates(item?.rates, `${p}.rates`, admitted), ...checkCap(item?.cap, `${p}.cap`, admitted));
    return out;
  });
};

const isTiered = (rules: readonly RateRule[] | undefined): boolean => (rules ?? []).some((r) => (r?.tiers?.length ?? 0) > 1);

const checkPricing = (pricing: Pricing | undefined, admitted: readonly SizeClass[], eligible: ReadonlySet<string>): ConfigProblem[] => {
  switch (pricing?.kind) {
    case 'rate': {
      const out = [...checkRates(pricing.rates, 'pricing.rates', admitted), ...checkCap(pricing.cap, 'pricing.cap', admitted)];
      if (pricing.shareLimit) {
        const s = pricing.shareLimit;
        out.push(...checkRate(s.maxShare, 'pricing.shareLimit.maxShare'), ...checkKnownTypes(s.expenseTypes, 'pricing.shareLimit.expenseTypes', eligible));
        if (isValidShare(s.maxShare) && s.maxShare.numerator === s.maxShare.denominator) {
          out.push(problem('pricing.shareLimit.maxShare', 'rateAboveOne', 'pricing.shareLimit.maxShare: 割合の上限は1未満にしてください'));
        }
        // the share of a tiered subsidy cannot be attributed to expense lines unambiguously
        if (isTiered(pricing.rates)) out.push(problem('pricing.shareLimit', 'shareLimitWithTiers', 'pricing.shareLimit: 段階的な補助率とは併用できません'));
      }
      return out;
    }
    case 'itemized':
      return [...checkItems(pricing.items, 'pricing.items', admitted), ...(pricing.cap ? checkCap(pricing.cap, 'pricing.cap', admitted) : [])];
    case 'multiCompanyIt':
      return [
        ...checkItems(pricing.items, 'pricing.items', admitted),
        ...checkKnownTypes(pricing.analysis?.expenseTypes, 'pricing.analysis.expenseTypes', eligible),
        ...checkRates(pricing.analysis?.rates, 'pricing.analysis.rates', admitted),
        ...checkCap(pricing.analysis?.cap, 'pricing.analysis.cap', admitted),
        ...checkCap(pricing.baseAndAnalysisCap, 'pricing.baseAndAnalysisCap', admitted),
        ...checkKnownTypes(pricing.admin?.expenseTypes, 'pricing.admin.expenseTypes', eligible),
        ...checkRates(pricing.admin?.rates, 'pricing.admin.rates', admitted),
        ...checkRate(pricing.admin?.shareOfBaseAndAnalysis, 'pricing.admin.shareOfBaseAndAnalysis'),
      ];
    default:
      return [problem('pricing.kind', 'unknownKind', `pricing.kind: 算定方法「${String((pricing as { kind?: unknown } | undefined)?.kind)}」は不明です`)];
  }
};

const isValidShare = (r: unknown): r is { numerator: number; denominator: number } => checkRate(r, '').length === 0;

/** Expense types that price as an item kind must name an item the pricing defines. */
const checkItemKinds = (config: SubsidyCategoryConfig): ConfigProblem[] => {
  const p = config.pricing;
  if (p?.kind !== 'itemized' && p?.kind !== 'multiCompanyIt') return [];
  const kinds = new Set((Array.isArray(p.items) ? p.items : []).map((i) => i?.itemKind));
  return (config.expenseTypes ?? []).flatMap((t, i) =>
    t?.itemKind !== undefined && !kinds.has(t.itemKind)
      ? [problem(`expenseTypes[${i}].itemKind`, 'unknownItemKind', `expenseTypes[${i}].itemKind: 品目「${t.itemKind}」が pricing.items にありません`)]
      : [],
  );
};

const maxCap = (caps: number[]): number | undefined => (caps.length ? Math.max(...caps) : undefined);

/** The floor must not exceed the cap in any bracket (otherwise that bracket can never be eligible). */
const checkFloor = (config: SubsidyCategoryConfig): ConfigProblem[] => {
  if (config.floor === undefined) return [];
  if (!isYen(config.floor)) return [problem('floor', 'invalidYen', 'floor: 補助下限額は0以上の整数（円）で指定してください')];
  const floor = config.floor;
  const p = config.pricing;
  let caps: number[] = [];
  if (p.kind === 'rate') caps = possibleCapAmounts(p.cap);
  else if (p.kind === 'itemized' && p.cap) caps = possibleCapAmounts(p.cap);
  else if (p.kind === 'itemized') caps = [p.items.reduce((sum, item) => sum + (maxCap(possibleCapAmounts(item.cap)) ?? Infinity), 0)];
  else caps = possibleCapAmounts(p.baseAndAnalysisCap);
  return caps
    .filter((c) => Number.isFinite(c) && c < floor)
    .map((c) => problem('floor', 'floorAboveCap', `floor: 補助下限額 ${formatYen(floor)} が上限額 ${formatYen(c)} を超えています`));
};

/** reconsiderIn: other 類型 codes (whether they exist in the rule set is validateCatalogue's check). */
const checkReconsiderIn = (targets: unknown, own: string): ConfigProblem[] => {
  if (targets === undefined) return [];
  if (!Array.isArray(targets)) return [problem('reconsiderIn', 'invalidList', 'reconsiderIn: 再審査先の類型コードを配列で指定してください')];
  return targets.flatMap((t, i) =>
    !nonEmpty(t)
      ? [problem(`reconsiderIn[${i}]`, 'required', `reconsiderIn[${i}]: 再審査先の類型コードを入力してください`)]
      : t === own
        ? [problem(`reconsiderIn[${i}]`, 'selfReference', `reconsiderIn[${i}]: 再審査先に同じ類型「${t}」は指定できません`)]
        : [],
  );
};

/** What only a subsidy's configuration reads: on a 給付金 or 委託, once kept unread while its amounts followed other rules. */
const SUBSIDY_ONLY = ['pricing', 'expenseTypes', 'exclusions', 'admittedSizeClasses', 'floor'] as const;

const subsidyPartsOf = (config: object, kindLabel: string): ConfigProblem[] =>
  SUBSIDY_ONLY.filter((key) => key in config).map((key) =>
    problem(key, 'notForKind', `${key}: 補助金の類型の項目です。${kindLabel}の類型には指定できません（kind を確かめてください）`),
  );

export const validateCategoryConfig = (config: CategoryConfig): ConfigProblem[] => {
  const out: ConfigProblem[] = [];
  if (!nonEmpty(config?.code)) out.push(problem('code', 'required', 'code: 類型コードを入力してください'));
  if (!nonEmpty(config?.name)) out.push(problem('name', 'required', 'name: 類型の名称を入力してください'));
  out.push(...checkRequirements(config?.requirements));
  if (config?.caveat !== undefined && !nonEmpty(config.caveat))
    out.push(problem('caveat', 'required', 'caveat: 制度設計中の注意書きは文字列で入力してください（ない場合は項目ごと省略）'));
  switch (config?.kind) {
    case 'benefit':
      return [...out, ...subsidyPartsOf(config, '給付金')];
    case 'contract':
      if (!isYen(config.ceilingPerContract))
        out.push(problem('ceilingPerContract', 'invalidYen', 'ceilingPerContract: 契約上限額は0以上の整数（円）で指定してください'));
      return [...out, ...subsidyPartsOf(config, '委託')];
    case 'subsidy': {
      // the rules below read the configuration as its type says: first, that it has that shape
      const shape = subsidyShapeProblems(config);
      if (shape.length > 0) return [...out, ...shape];
      break;
    }
    default:
      return [...out, problem('kind', 'unknownKind', `kind: 類型の種類「${String((config as { kind?: unknown })?.kind)}」は不明です`)];
  }
  const declared = Array.isArray(config.admittedSizeClasses) ? config.admittedSizeClasses : [];
  if (declared.length === 0) out.push(problem('admittedSizeClasses', 'required', 'admittedSizeClasses: 対象とする規模区分を1つ以上指定してください'));
  else out.push(...checkSizeClasses(declared, 'admittedSizeClasses'));
  // coverage of rates and caps is checked for the known size classes only
  const admitted = declared.filter((c) => SIZE_CLASSES.includes(c));
  const eligible = new Set((Array.isArray(config.expenseTypes) ? config.expenseTypes : []).map((t) => t?.code));
  out.push(
    ...checkExpenseTypes(config.expenseTypes),
    ...checkExclusions(config.exclusions, eligible),
    ...checkPricing(config.pricing, admitted, eligible),
    ...checkItemKinds(config),
  );
  out.push(...checkReconsiderIn(config.reconsiderIn, config.code));
  // the floor is compared with the caps only once they are well-formed
  if (out.length === 0) out.push(...checkFloor(config));
  return out;
};

/** Convenience for callers holding a cap alone (e.g. an admin editing one table). */
export const validateCapRule = (cap: CapRule, admitted: readonly SizeClass[]): ConfigProblem[] => checkCap(cap, 'cap', admitted);
