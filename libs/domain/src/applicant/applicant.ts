/** The applicant profile every rule reads. */
export type ApplicantKind = 'corporation' | 'soleProprietor';

/** 中小企業 / 中堅企業 / 小規模事業者 (smallBusiness is a subset of sme in law; we keep the finer class). */
export type SizeClass = 'smallBusiness' | 'sme' | 'midsize' | 'large';

/** 中小企業基本法 industry groups that select the size thresholds. */
export type IndustryGroup = 'manufacturing' | 'wholesale' | 'retail' | 'service' | 'other';

export interface MonthlySales {
  /** 'YYYY-MM' */
  readonly month: string;
  /** integer yen */
  readonly amount: number;
}

export interface ApplicantProfile {
  readonly kind: ApplicantKind;
  readonly sizeClass: SizeClass;
  readonly employeeCount: number;
  /** 資本金 in yen; absent for sole proprietors */
  readonly capital?: number;
  readonly industry?: IndustryGroup;
  /** 法人番号 (13 digits), corporations only */
  readonly corporateNumber?: string;
  /** 年間売上高 in yen, where a rule needs it */
  readonly annualRevenue?: number;
  /** previous fiscal year was loss-making (赤字), where a rule needs it */
  readonly lossMaking?: boolean;
  /** 再生事業者 */
  readonly inRehabilitation?: boolean;
  /** number of companies in a group application, the applicant included */
  readonly participantCount?: number;
  /** number of prefectures a regional community covers */
  readonly prefectureCount?: number;
  readonly monthlySales?: readonly MonthlySales[];
}

/**
 * 業種: the Japanese name of each industry code an applicant profile or a size threshold uses
 * (manufacturing … transport), the one table the API and the admin show them by.
 */
export const INDUSTRY_LABELS: Readonly<Record<IndustryGroup | 'construction' | 'transport', string>> = {
  manufacturing: '製造業',
  wholesale: '卸売業',
  retail: '小売業',
  service: 'サービス業',
  construction: '建設業',
  transport: '運輸業',
  other: 'その他',
};
