/**
 * describeCategory: one-line Japanese summaries of a category's cap, rates and floor, for lists
 * (「従業員20人以下 2,000万円 / …」「中小企業 2/3（6,000万円超は1/2）」).
 */
import { formatMan, formatRate } from '../money';
import { SIZE_CLASS_LABELS, type CapRule, type CategoryConfig, type Pricing, type RateRule } from '../category';
import { bracketLabel } from './resolve-cap';

export interface CategorySummary {
  readonly cap: string;
  readonly rate: string;
  readonly floor: string | null;
  /** what the briefing says is still being designed (the config's caveat), or null */
  readonly caveat: string | null;
}

export function describeCap(rule: CapRule): string {
  switch (rule.kind) {
    case 'fixed':
      return formatMan(rule.amount);
    case 'byEmployees':
      return rule.brackets.map((b) => `${bracketLabel(b)} ${formatMan(b.amount)}`).join(' / ');
    case 'bySizeClass':
      return rule.entries.map((e) => `${e.sizeClasses.map((c) => SIZE_CLASS_LABELS[c]).join('・')} ${describeCap(e.cap)}`).join(' / ');
    case 'perParticipant':
      return `${formatMan(rule.amountPerParticipant)} × 参加者数`;
    case 'groupBonus':
      return `${describeCap(rule.base)}（連携参加1社ごとに上限の${formatRate(rule.bonusPerParticipant)}を加算）`;
    case 'none':
      return '上限なし';
  }
}

export function describeRates(rates: readonly RateRule[]): string {
  return rates
    .map((r) => {
      const [first, ...rest] = r.tiers;
      const tiers = rest.map((t, i) => `${formatMan(r.tiers[i].upToSubsidy ?? 0)}超は${formatRate(t.rate)}`);
      return `${r.label} ${formatRate(first.rate)}${tiers.length ? `（${tiers.join('、')}）` : ''}`;
    })
    .join(' / ');
}

function describePricing(p: Pricing): { cap: string; rate: string } {
  switch (p.kind) {
    case 'rate':
      return { cap: describeCap(p.cap), rate: describeRates(p.rates) };
    case 'itemized':
      return {
        cap: [...p.items.map((i) => `${i.label} ${describeCap(i.cap)}`), ...(p.cap ? [`合計 ${describeCap(p.cap)}`] : [])].join(' / '),
        rate: p.items.map((i) => `${i.label}: ${describeRates(i.rates)}`).join(' / '),
      };
    case 'multiCompanyIt':
      return {
        cap: `(1)+(2) ${describeCap(p.baseAndAnalysisCap)} / (2) ${describeCap(p.analysis.cap)} / (3) ((1)+(2))×${formatRate(p.admin.shareOfBaseAndAnalysis)}`,
        rate: `(2) ${describeRates(p.analysis.rates)} / (3) ${describeRates(p.admin.rates)}`,
      };
  }
}

export function describeCategory(config: CategoryConfig): CategorySummary {
  const caveat = config.caveat ?? null;
  if (config.kind === 'benefit')
    return { cap: '売上高減少率と年間売上高に応じて50万～250万円', rate: '基準期間の売上高 − 対象月の売上高 × 5', floor: null, caveat };
  if (config.kind === 'contract') return { cap: `1契約あたり ${formatMan(config.ceilingPerContract)}`, rate: '委託', floor: null, caveat };
  return { ...describePricing(config.pricing), floor: config.floor === undefined ? null : formatMan(config.floor), caveat };
}
