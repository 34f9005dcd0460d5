/**
 * Checks expense lines and sorts them into included lines and excluded lines (with a reason).
 * Malformed lines become problems carrying the field path, never exceptions.
 */
import { EXPENSE_FLAG_LABELS, type ExclusionRule, type SubsidyCategoryConfig } from '../category';
import type { ExcludedLine, ExpenseLine, QuoteProblem } from './quote.types';

/** An included line with the item kind it prices as (resolved from the line or its 経費区分). */
export interface IncludedLine {
  readonly index: number;
  readonly line: ExpenseLine;
  readonly itemKind?: string;
}

export interface ClassifiedLines {
  readonly included: readonly IncludedLine[];
  readonly excluded: readonly ExcludedLine[];
  readonly problems: readonly QuoteProblem[];
}

const isYen = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const matchingExclusion = (line: ExpenseLine, exclusions: readonly ExclusionRule[]): ExclusionRule | undefined =>
  exclusions.find(
    (x) =>
      x.expenseTypes?.includes(line.expenseType) ||
      (line.itemKind !== undefined && x.itemKinds?.includes(line.itemKind)) ||
      (line.flags ?? []).some((f) => x.flags?.includes(f)),
  );

/**
 * The items a line of each 経費区分 may price as: the one its type fixes (IT導入: ソフトウェア購入費 → ITツール), or, for a
 * type that fixes none (ハードウェア購入費), the items no type fixes (PC・タブレット, レジ・券売機). A PC is never an
 * ITツール at 3/4, nor software a PC at 1/2 (docs/programs.md "IT導入補助金").
 */
const allowedItemKinds = (config: SubsidyCategoryConfig, itemKinds: ReadonlySet<string>): Map<string, readonly string[]> => {
  const fixed = new Set(config.expenseTypes.flatMap((t) => (t.itemKind === undefined ? [] : [t.itemKind])));
  const free = [...itemKinds].filter((k) => !fixed.has(k));
  return new Map(config.expenseTypes.map((t) => [t.code, t.itemKind === undefined ? free : [t.itemKind]]));
};

/** Expense types priced outside the item rules (複数社連携IT導入: 消費動向等分析経費, 事務費・専門家費). */
const nonItemTypes = (config: SubsidyCategoryConfig): ReadonlySet<string> =>
  new Set(config.pricing.kind === 'multiCompanyIt' ? [...config.pricing.analysis.expenseTypes, ...config.pricing.admin.expenseTypes] : []);

export const classifyLines = (config: SubsidyCategoryConfig, expenses: unknown): ClassifiedLines => {
  if (!Array.isArray(expenses)) {
    return {
      included: [],
      excluded: [],
      problems: [{ code: 'invalidExpenses', field: 'expenses', message: 'expenses（補助対象経費）は経費明細の一覧で指定してください' }],
    };
  }
  const types = new Map(config.expenseTypes.map((t) => [t.code, t]));
  const flags = new Set([...Object.keys(EXPENSE_FLAG_LABELS), ...config.exclusions.flatMap((x) => x.flags ?? [])]);
  const pricing = config.pricing;
  const itemKinds = pricing.kind === 'rate' ? undefined : new Set(pricing.items.map((i) => i.itemKind));
  const outsideItems = nonItemTypes(config);
  const allowed = itemKinds ? allowedItemKinds(config, itemKinds) : undefined;
  const included: IncludedLine[] = [];
  const excluded: ExcludedLine[] = [];
  const problems: QuoteProblem[] = [];

  expenses.forEach((raw: unknown, index) => {
    const f = `expenses[${index}]`;
    if (typeof raw !== 'object' || raw === null) {
      problems.push({ code: 'invalidExpenseLine', field: f, message: `${f}（経費明細）の形式が正しくありません` });
      return;
    }
    const line = raw as ExpenseLine;
    const before = problems.length;
    if (!isYen(line.amount)) {
      problems.push({ code: 'invalidAmount', field: `${f}.amount`, message: `${f}.amount（経費の金額）は0以上の整数（円）で入力してください` });
    }
    if (typeof line.expenseType !== 'string' || line.expenseType === '') {
      problems.push({ code: 'missingExpenseType', field: `${f}.expenseType`, message: `${f}.expenseType（経費区分）を入力してください` });
    }
    if (line.flags !== undefined && (!Array.isArray(line.flags) || line.flags.some((x) => typeof x !== 'string'))) {
      problems.push({ code: 'invalidFlags', field: `${f}.flags`, message: `${f}.flags（経費の属性）は文字列の一覧で指定してください` });
    } else {
      (line.flags ?? []).forEach((flag, j) => {
        if (!flags.has(flag)) problems.push({ code: 'unknownFlag', field: `${f}.flags[${j}]`, message: `${f}.flags[${j}]（経費の属性）「${flag}」は不明です` });
      });
    }
    if (problems.length > before) return;

    const exclusion = matchingExclusion(line, config.exclusions);
    if (exclusion) {
      excluded.push({ index, reason: exclusion.reason });
      return;
    }
    const type = types.get(line.expenseType);
    if (!type) {
      problems.push({
        code: 'unknownExpenseType',
        field: `${f}.expenseType`,
        message: `${f}.expenseType（経費区分）「${line.expenseType}」は本類型の経費区分にありません`,
      });
      return;
    }
    if (!itemKinds || outsideItems.has(line.expenseType)) {
      included.push({ index, line });
      return;
    }
    // categories that price items separately need to know which item each line is, among those its 経費区分 allows
    const itemKind = line.itemKind ?? type.itemKind;
    const mayBe = allowed!.get(type.code) ?? [];
    if (itemKind === undefined) {
      problems.push({ code: 'missingItemKind', field: `${f}.itemKind`, message: `${f}.itemKind（品目: ${mayBe.join(' / ')}）を指定してください` });
    } else if (!itemKinds.has(itemKind)) {
      problems.push({ code: 'unknownItemKind', field: `${f}.itemKind`, message: `${f}.itemKind（品目）「${itemKind}」は本類型の品目にありません` });
    } else if (!mayBe.includes(itemKind)) {
      problems.push({
        code: 'itemKindNotOfExpenseType',
        field: `${f}.itemKind`,
        message: `${f}.itemKind（品目）「${itemKind}」は経費区分「${type.label}」の品目ではありません（${mayBe.join(' / ')}）`,
      });
    } else if (pricing.kind === 'multiCompanyIt' && (typeof line.participant !== 'string' || line.participant === '')) {
      problems.push({
        code: 'missingParticipant',
        field: `${f}.participant`,
        message: `${f}.participant（参加事業者）を指定してください。基盤導入経費は参加事業者ごとに算定します`,
      });
    } else {
      included.push({ index, line, itemKind });
    }
  });

  const total = included.reduce((sum, l) => sum + l.line.amount, 0);
  if (!Number.isSafeInteger(total)) {
    problems.push({ code: 'totalTooLarge', field: 'expenses', message: 'expenses（補助対象経費）の合計が大きすぎます' });
  }
  return { included, excluded, problems };
};
