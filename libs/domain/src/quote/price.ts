/**
 * The three pricing methods of a subsidy category: rate × expenses (capped), items priced
 * separately, and the 複数社連携IT導入 group rule. Each returns parts plus any issues.
 */
import { applyRateFloor, formatRate, formatYen, rate as makeRate, type Yen } from '../money';
import { SIZE_CLASS_LABELS, type ItemRule, type ItemizedPricing, type MultiCompanyItPricing, type RatePricing, type RateRule } from '../category';
import type { AppliedCap, PartQuote, QuoteApplicant, QuoteIneligibility, QuoteProblem, ShareLimitResult } from './quote.types';
import { applyTiers, selectRateRule, sumSteps } from './rate-tiers';
import { resolveCap, type CapResolution, type ResolvedCap } from './resolve-cap';
import type { IncludedLine } from './classify-lines';

export interface PricingOutcome {
  readonly parts: PartQuote[];
  readonly cap: AppliedCap | null;
  /** the amount the whole-category cap was compared with */
  readonly capComputed: Yen;
  readonly shareLimit: ShareLimitResult | null;
  readonly amount: Yen;
  readonly problems: QuoteProblem[];
  readonly ineligibility: QuoteIneligibility[];
}

const total = (lines: readonly IncludedLine[]): Yen => lines.reduce((sum, l) => sum + l.line.amount, 0);

const applyCap = (computed: Yen, cap: ResolvedCap | null): { amount: Yen; cap: AppliedCap | null } =>
  cap === null ? { amount: computed, cap: null } : { amount: Math.min(computed, cap.amount), cap: { ...cap, binding: computed > cap.amount } };

/** Collects issues while parts are priced. */
class Pricer {
  readonly problems: QuoteProblem[] = [];
  readonly ineligibility: QuoteIneligibility[] = [];
  constructor(private readonly applicant: QuoteApplicant) {}

  cap(resolution: CapResolution): ResolvedCap | null | undefined {
    if (resolution.kind === 'ok') return resolution.cap;
    if (resolution.kind === 'problem' && !this.problems.some((p) => p.field === resolution.problem.field)) this.problems.push(resolution.problem);
    if (resolution.kind === 'ineligible') this.ineligibility.push(resolution.ineligibility);
    return undefined;
  }

  rate(rules: readonly RateRule[], label: string): RateRule | undefined {
    const rule = selectRateRule(rules, this.applicant);
    if (!rule) {
      const who = this.applicant.sizeClass ? SIZE_CLASS_LABELS[this.applicant.sizeClass] : '申請者';
      this.ineligibility.push({ code: 'noRateForApplicant', message: `${label}: ${who} に適用される補助率がありません` });
    }
    return rule;
  }

  part(
    code: string,
    label: string,
    lines: readonly IncludedLine[],
    rules: readonly RateRule[],
    cap: CapResolution,
    participant?: string,
  ): PartQuote | undefined {
    const rule = this.rate(rules, label);
    const resolved = this.cap(cap);
    if (!rule || resolved === undefined) return undefined;
    const expenseTotal = total(lines);
    const steps = applyTiers(expenseTotal, rule.tiers);
    const computed = sumSteps(steps);
    const capped = applyCap(computed, resolved);
    return { code, label, ...(participant === undefined ? {} : { participant }), expenseTotal, rateLabel: rule.label, steps, computed, ...capped };
  }

  outcome(parts: PartQuote[], amount: Yen, cap: AppliedCap | null, capComputed: Yen, shareLimit: ShareLimitResult | null = null): PricingOutcome {
    return { parts, cap, capComputed, shareLimit, amount, problems: this.problems, ineligibility: this.ineligibility };
  }
}

/**
 * 共創型: the subsidy from the limited expense types may be at most `maxShare` of the subsidy.
 * With limited part L and the rest O (flat rate): L ≤ s × (O + L) ⇔ L ≤ O × s/(1−s); when the cap
 * then binds, L is limited again to s × cap. Rounding gains of the whole are attributed to O.
 */
const limitShare = (pricing: RatePricing, part: PartQuote, lines: readonly IncludedLine[]): { amount: Yen; result: ShareLimitResult } => {
  const s = pricing.shareLimit!;
  const limitedLines = lines.filter((l) => s.expenseTypes.includes(l.line.expenseType));
  const limited = applyRateFloor(total(limitedLines), part.steps[0]?.rate ?? makeRate(0, 1));
  const others = part.computed - limited;
  let allowed = Math.min(limited, applyRateFloor(others, makeRate(s.maxShare.numerator, s.maxShare.denominator - s.maxShare.numerator)));
  let amount = others + allowed;
  if (part.cap && amount > part.cap.amount) {
    allowed = Math.min(allowed, applyRateFloor(part.cap.amount, s.maxShare));
    amount = Math.min(part.cap.amount, others + allowed);
  }
  return { amount, result: { label: s.label, maxShare: s.maxShare, limitedSubsidy: limited, allowedLimitedSubsidy: allowed } };
};

export const priceRate = (pricing: RatePricing, categoryName: string, lines: readonly IncludedLine[], applicant: QuoteApplicant): PricingOutcome => {
  const p = new Pricer(applicant);
  const part = p.part('main', categoryName, lines, pricing.rates, resolveCap(pricing.cap, applicant));
  if (!part) return p.outcome([], 0, null, 0);
  if (!pricing.shareLimit) return p.outcome([part], part.amount, part.cap, part.computed);
  const { amount, result } = limitShare(pricing, part, lines);
  return p.outcome([part], amount, part.cap, part.computed, result);
};

/** Prices each item kind's lines on their own (one part per item kind present). */
const priceItems = (p: Pricer, items: readonly ItemRule[], lines: readonly IncludedLine[], applicant: QuoteApplicant, participant?: string): PartQuote[] =>
  items.flatMap((item) => {
    const own = lines.filter((l) => l.itemKind === item.itemKind);
    if (own.length === 0) return [];
    const part = p.part(
      participant === undefined ? item.itemKind : `base.${item.itemKind}`,
      item.label,
      own,
      item.rates,
      resolveCap(item.cap, applicant),
      participant,
    );
    return part ? [part] : [];
  });

export const priceItemized = (pricing: ItemizedPricing, lines: readonly IncludedLine[], applicant: QuoteApplicant): PricingOutcome => {
  const p = new Pricer(applicant);
  const parts = priceItems(p, pricing.items, lines, applicant);
  const sum = parts.reduce((s, part) => s + part.amount, 0);
  const resolved = pricing.cap ? p.cap(resolveCap(pricing.cap, applicant)) : null;
  const { amount, cap } = applyCap(sum, resolved ?? null);
  return p.outcome(parts, amount, cap, sum);
};

export const priceMultiCompanyIt = (pricing: MultiCompanyItPricing, lines: readonly IncludedLine[], applicant: QuoteApplicant): PricingOutcome => {
  const p = new Pricer(applicant);
  const analysisLines = lines.filter((l) => pricing.analysis.expenseTypes.includes(l.line.expenseType));
  const adminLines = lines.filter((l) => pricing.admin.expenseTypes.includes(l.line.expenseType));
  const baseLines = lines.filter((l) => l.itemKind !== undefined);

  // (1) 基盤導入経費: each participating business is priced as in デジタル化基盤導入類型
  const participants = [...new Set(baseLines.map((l) => l.line.participant as string))];
  const n = applicant.participantCount;
  if (typeof n === 'number' && Number.isSafeInteger(n) && participants.length > n) {
    p.problems.push({
      code: 'tooManyParticipants',
      field: 'applicant.participantCount',
      message: `applicant.participantCount（参加事業者数 ${n}者）より多い ${participants.length}者 の基盤導入経費があります`,
    });
  }
  const parts = participants.flatMap((who) =>
    priceItems(
      p,
      pricing.items,
      baseLines.filter((l) => l.line.participant === who),
      applicant,
      who,
    ),
  );
  // (2) 消費動向等分析経費, capped per participant
  const analysis = analysisLines.length
    ? p.part('analysis', '消費動向等分析経費', analysisLines, pricing.analysis.rates, resolveCap(pricing.analysis.cap, applicant))
    : undefined;
  if (analysis) parts.push(analysis);
  // (1)+(2) limited as a whole
  const baseAndAnalysis = parts.reduce((s, part) => s + part.amount, 0);
  const { amount: combined, cap } = applyCap(baseAndAnalysis, p.cap(resolveCap(pricing.baseAndAnalysisCap, applicant)) ?? null);
  // (3) 事務費・専門家費, capped at a share of (1)+(2) after their cap
  if (adminLines.length) {
    const share = pricing.admin.shareOfBaseAndAnalysis;
    const adminCap: CapResolution = {
      kind: 'ok',
      cap: { amount: applyRateFloor(combined, share), reason: `(1)+(2) ${formatYen(combined)} × ${formatRate(share)}` },
    };
    const admin = p.part('admin', '事務費・専門家費', adminLines, pricing.admin.rates, adminCap);
    if (admin) parts.push(admin);
    return p.outcome(parts, combined + (admin?.amount ?? 0), cap, baseAndAnalysis);
  }
  return p.outcome(parts, combined, cap, baseAndAnalysis);
};
