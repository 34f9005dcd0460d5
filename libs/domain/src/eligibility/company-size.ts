import { ApplicantKind, IndustryGroup, SizeClass } from '../applicant';
import { Yen, formatMan } from '../money';

/**
 * 中小企業基本法 第2条 size classes.
 *
 * | industry                                   | 中小企業者: 資本金 ≤  | OR 従業員 ≤ | 小規模: 従業員 ≤ |
 * |--------------------------------------------|----------------------|-------------|-----------------|
 * | 製造業・建設業・運輸業・その他               | 3億円                | 300人       | 20人            |
 * | 卸売業                                     | 1億円                | 100人       | 5人             |
 * | サービス業                                  | 5,000万円            | 100人       | 5人             |
 * | 小売業                                     | 5,000万円            | 50人        | 5人             |
 *
 * 中堅 (midsize) = not an SME and 資本金 < 10億円 (the programmes' digest); otherwise large.
 *
 * The 政令's exceptions (中小企業基本法施行令 第1条: ゴム製品製造業 3億円・900人, ソフトウェア業・情報処理サービス業
 * 3億円・300人, 旅館業 5,000万円・200人; 第2条: 宿泊業・娯楽業 小規模 20人) are finer than the five industry
 * groups an applicant declares, so `classifyCompanySize` applies the group's thresholds; SIZE_THRESHOLD_EXCEPTIONS
 * lists the exceptions within each group, for judging what an applicant of that group may declare
 * (declared-size-class.ts).
 * Assumption: a sole proprietor (個人事業者) has no 資本金, so only the employee tests apply, and it
 * cannot be 中堅 (which is defined for companies by capital): a sole proprietor above the employee
 * threshold is 'large'. The same holds for a corporation whose capital is unknown.
 */
export type SizeIndustry = IndustryGroup | 'construction' | 'transport';

export interface CompanySizeInput {
  readonly industry: SizeIndustry;
  /** 資本金 (or 出資の総額) in yen; ignored for sole proprietors */
  readonly capital?: Yen;
  /** 常時使用する従業員の数 */
  readonly employeeCount: number;
  readonly kind: ApplicantKind;
}

export interface CompanySizeClassification {
  readonly sizeClass: SizeClass;
  /** true for 'smallBusiness' and 'sme' (小規模事業者 are 中小企業者 in law) */
  readonly isSme: boolean;
  /** Japanese: which threshold matched, with the numbers compared */
  readonly reason: string;
}

export interface SizeThresholds {
  readonly label: string;
  readonly capital: Yen;
  readonly employees: number;
  readonly smallEmployees: number;
}

const OKU = 100_000_000;
const MANUFACTURING_AND_OTHERS = { capital: 3 * OKU, employees: 300, smallEmployees: 20 } as const;

export const SIZE_THRESHOLDS: Readonly<Record<SizeIndustry, SizeThresholds>> = {
  manufacturing: { label: '製造業', ...MANUFACTURING_AND_OTHERS },
  construction: { label: '建設業', ...MANUFACTURING_AND_OTHERS },
  transport: { label: '運輸業', ...MANUFACTURING_AND_OTHERS },
  other: { label: 'その他の業種', ...MANUFACTURING_AND_OTHERS },
  wholesale: { label: '卸売業', capital: 1 * OKU, employees: 100, smallEmployees: 5 },
  service: { label: 'サービス業', capital: 50_000_000, employees: 100, smallEmployees: 5 },
  retail: { label: '小売業', capital: 50_000_000, employees: 50, smallEmployees: 5 },
};

/** The 政令's exceptions within a group (see above): each a sub-industry whose thresholds replace the group's. */
export const SIZE_THRESHOLD_EXCEPTIONS: Readonly<Partial<Record<SizeIndustry, readonly SizeThresholds[]>>> = {
  manufacturing: [{ label: 'ゴム製品製造業', capital: 3 * OKU, employees: 900, smallEmployees: 20 }],
  service: [
    { label: 'ソフトウェア業・情報処理サービス業', capital: 3 * OKU, employees: 300, smallEmployees: 5 },
    { label: '旅館業', capital: 50_000_000, employees: 200, smallEmployees: 20 },
    { label: '宿泊業・娯楽業', capital: 50_000_000, employees: 100, smallEmployees: 20 },
  ],
};

/** 資本金 below this makes a non-SME company 中堅. */
export const MIDSIZE_CAPITAL_LIMIT: Yen = 10 * OKU;

export const classifyCompanySize = (input: CompanySizeInput): CompanySizeClassification => {
  const t = SIZE_THRESHOLDS[input.industry];
  if (!t) throw new RangeError(`unknown industry ${String(input.industry)}`);
  return classifyByThresholds(t, input);
};

/** The classification under the given thresholds (a group's, or one of the 政令's exceptions); `industry` is not read. */
export const classifyByThresholds = (t: SizeThresholds, input: Omit<CompanySizeInput, 'industry'>): CompanySizeClassification => {
  const { employeeCount: e } = input;
  if (!Number.isSafeInteger(e) || e < 0) throw new RangeError(`employeeCount must be a non-negative integer, got ${e}`);
  const capital = input.kind === 'corporation' ? input.capital : undefined;
  if (capital !== undefined && (!Number.isSafeInteger(capital) || capital < 0)) {
    throw new RangeError(`capital must be a non-negative integer number of yen, got ${capital}`);
  }
  const who = `${t.label}${input.kind === 'soleProprietor' ? '・個人事業者' : ''}`;

  if (e <= t.smallEmployees) {
    return {
      sizeClass: 'smallBusiness',
      isSme: true,
      reason: `${who}: 従業員数 ${e}人 ≤ ${t.smallEmployees}人 のため小規模事業者`,
    };
  }
  if (capital !== undefined && capital <= t.capital) {
    return {
      sizeClass: 'sme',
      isSme: true,
      reason: `${who}: 資本金 ${formatMan(capital)} ≤ ${formatMan(t.capital)} のため中小企業者（従業員数 ${e}人 > 小規模の上限 ${t.smallEmployees}人）`,
    };
  }
  if (e <= t.employees) {
    return {
      sizeClass: 'sme',
      isSme: true,
      reason: `${who}: 従業員数 ${e}人 ≤ ${t.employees}人 のため中小企業者（小規模の上限 ${t.smallEmployees}人を超過）`,
    };
  }
  const notSme =
    capital === undefined
      ? `従業員数 ${e}人 > ${t.employees}人 のため中小企業者に該当せず`
      : `資本金 ${formatMan(capital)} > ${formatMan(t.capital)} かつ 従業員数 ${e}人 > ${t.employees}人 のため中小企業者に該当せず`;
  if (capital !== undefined && capital < MIDSIZE_CAPITAL_LIMIT) {
    return {
      sizeClass: 'midsize',
      isSme: false,
      reason: `${who}: ${notSme}、資本金 ${formatMan(capital)} < 10億円 のため中堅企業`,
    };
  }
  const why = capital === undefined ? '資本金がないため中堅企業にも該当せず大企業' : `資本金 ${formatMan(capital)} ≥ 10億円 のため大企業`;
  return { sizeClass: 'large', isSme: false, reason: `${who}: ${notSme}、${why}` };
};
