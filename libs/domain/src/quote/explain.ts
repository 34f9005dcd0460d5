/** Japanese explanation lines of a quote, e.g. 「補助対象経費 15,000,000円 × 2/3 = 10,000,000円（中小企業）」. */
import { formatMan, formatRate, formatYen, type Yen } from '../money';
import type { AppliedCap, PartQuote, RateStep, ShareLimitResult } from './quote.types';

const band = (step: RateStep): string =>
  step.upToSubsidy !== undefined
    ? `補助金額${formatMan(step.upToSubsidy)}までの部分`
    : step.fromSubsidy > 0
      ? `補助金額${formatMan(step.fromSubsidy)}を超える部分`
      : '';

/** The subsidy band is named only when the subsidy reached a second tier. */
const stepLine = (step: RateStep, rateLabel: string, tiered: boolean): string => {
  const note = [rateLabel, tiered ? band(step) : ''].filter((x) => x !== '').join('、');
  return `補助対象経費 ${formatYen(step.expenses)} × ${formatRate(step.rate)} = ${formatYen(step.amount)}${note ? `（${note}）` : ''}`;
};

export const capLines = (cap: AppliedCap | null, computed: Yen, prefix = ''): string[] => {
  if (cap === null) return [];
  const head = `${prefix}上限 ${formatMan(cap.amount)}${cap.reason ? ` (${cap.reason})` : ''}`;
  return cap.binding ? [head, `${prefix}上限を適用: ${formatYen(computed)} → ${formatYen(cap.amount)}`] : [head];
};

const partPrefix = (part: PartQuote, single: boolean): string => {
  if (single) return '';
  return part.participant === undefined ? `[${part.label}] ` : `[参加事業者 ${part.participant}: ${part.label}] `;
};

export const partLines = (parts: readonly PartQuote[]): string[] => {
  const single = parts.length === 1 && parts[0].code === 'main';
  return parts.flatMap((part) => {
    const prefix = partPrefix(part, single);
    const lines = part.steps.map((s) => `${prefix}${stepLine(s, part.rateLabel, part.steps.length > 1)}`);
    if (part.steps.length > 1) lines.push(`${prefix}計 ${formatYen(part.computed)}`);
    lines.push(...capLines(part.cap, part.computed, prefix));
    return lines;
  });
};

export const shareLimitLines = (s: ShareLimitResult | null): string[] =>
  s === null || s.allowedLimitedSubsidy === s.limitedSubsidy
    ? []
    : [`${s.label}: 補助金額の${formatRate(s.maxShare)}以内に制限 ${formatYen(s.limitedSubsidy)} → ${formatYen(s.allowedLimitedSubsidy)}`];
