import { ApplicantKind } from '../applicant';
import { DeclineRate, declineAtLeastPercent } from '../eligibility';
import { Yen, man } from '../money';

/**
 * 事業復活支援金 給付上限額, by decline band and applicant bracket:
 *
 * | 売上高減少率        | 個人事業者 | 法人 年間売上高 1億円以下 | 1億円超～5億円以下 | 5億円超 |
 * |--------------------|-----------|------------------------|-------------------|--------|
 * | ▲50%以上           | 50万円     | 100万円                 | 150万円            | 250万円 |
 * | ▲30%以上50%未満     | 30万円     | 60万円                  | 90万円             | 150万円 |
 *
 * 年間売上高 is that of the fiscal year (事業年度) containing the base month (基準月).
 */
export type BenefitBand = '50+' | '30-50';

export type BenefitCapBracket = 'soleProprietor' | 'revenueUpTo100M' | 'revenue100MTo500M' | 'revenueOver500M';

export const BENEFIT_CAPS: Readonly<Record<BenefitBand, Readonly<Record<BenefitCapBracket, Yen>>>> = {
  '50+': { soleProprietor: man(50), revenueUpTo100M: man(100), revenue100MTo500M: man(150), revenueOver500M: man(250) },
  '30-50': { soleProprietor: man(30), revenueUpTo100M: man(60), revenue100MTo500M: man(90), revenueOver500M: man(150) },
};

export const BENEFIT_BAND_LABELS: Readonly<Record<BenefitBand, string>> = {
  '50+': '▲50%以上',
  '30-50': '▲30%以上50%未満',
};

export const BENEFIT_CAP_BRACKET_LABELS: Readonly<Record<BenefitCapBracket, string>> = {
  soleProprietor: '個人事業者',
  revenueUpTo100M: '法人（年間売上高 1億円以下）',
  revenue100MTo500M: '法人（年間売上高 1億円超～5億円以下）',
  revenueOver500M: '法人（年間売上高 5億円超）',
};

const OKU = 100_000_000;

/** ▲50%以上 → '50+', ▲30%以上50%未満 → '30-50', less than 30% → null (not eligible). */
export const benefitBand = (rate: DeclineRate): BenefitBand | null =>
  declineAtLeastPercent(rate, 50) ? '50+' : declineAtLeastPercent(rate, 30) ? '30-50' : null;

/**
 * The cap bracket. A sole proprietor's bracket ignores revenue. A corporation's brackets are
 * inclusive at the top ("1億円以下", "5億円以下"): exactly 1億 is the first, exactly 5億 the second.
 * Returns null for a corporation whose annual revenue is unknown.
 */
export const benefitCapBracket = (kind: ApplicantKind, annualRevenue: Yen | undefined): BenefitCapBracket | null => {
  if (kind === 'soleProprietor') return 'soleProprietor';
  if (annualRevenue === undefined) return null;
  if (annualRevenue <= 1 * OKU) return 'revenueUpTo100M';
  if (annualRevenue <= 5 * OKU) return 'revenue100MTo500M';
  return 'revenueOver500M';
};
