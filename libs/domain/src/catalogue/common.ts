/** Building blocks shared by the catalogue's category tables. */
import { rate, type Rate } from '../money';
import type { SizeClass } from '../applicant';
import type { CapRule, EmployeeBracket, ExclusionRule, ExpenseTypeDef, RateRule } from '../category';

export const FULL = rate(1, 1);
export const THREE_QUARTERS = rate(3, 4);
export const TWO_THIRDS = rate(2, 3);
export const HALF = rate(1, 2);
export const ONE_THIRD = rate(1, 3);
export const ONE_TENTH = rate(1, 10);

/** 中小企業者 (小規模事業者 are 中小企業者 too). */
export const SME: readonly SizeClass[] = ['smallBusiness', 'sme'];
/** 中小 + 中堅. */
export const SME_AND_MIDSIZE: readonly SizeClass[] = ['smallBusiness', 'sme', 'midsize'];
export const NON_SME: readonly SizeClass[] = ['midsize', 'large'];
export const ALL_SIZES: readonly SizeClass[] = ['smallBusiness', 'sme', 'midsize', 'large'];

/** A flat rate for the applicants matching `when` (all applicants when omitted). */
export const flatRate = (label: string, r: Rate, when: RateRule['when'] = {}, assumption?: string): RateRule => ({
  label,
  when,
  tiers: [{ rate: r }],
  ...(assumption ? { assumption } : {}),
});

/** Caps by inclusive employee brackets; `[[max, amount], …, [undefined, amount]]` from 0 upwards. */
export const employeeCaps = (...rows: readonly (readonly [number | undefined, number])[]): CapRule => {
  const brackets: EmployeeBracket[] = [];
  let min = 0;
  for (const [max, amount] of rows) {
    brackets.push(max === undefined ? { min, amount } : { min, max, amount });
    if (max !== undefined) min = max + 1;
  }
  return { kind: 'byEmployees', brackets };
};

export const fixedCap = (amount: number, per?: 'application' | 'company' | 'community' | 'contract'): CapRule =>
  per ? { kind: 'fixed', amount, per } : { kind: 'fixed', amount };

/** 事業再構築補助金 補助対象経費 (programs.md §2). */
export const RESTRUCTURING_EXPENSE_TYPES: readonly ExpenseTypeDef[] = [
  { code: 'building', label: '建物費' },
  { code: 'machinery', label: '機械装置・システム構築費' },
  { code: 'technologyIntroduction', label: '技術導入費' },
  { code: 'expert', label: '専門家経費' },
  { code: 'transport', label: '運搬費' },
  { code: 'cloudService', label: 'クラウドサービス利用費' },
  { code: 'outsourcing', label: '外注費' },
  { code: 'intellectualProperty', label: '知的財産権等関連経費' },
  { code: 'advertising', label: '広告宣伝・販売促進費' },
  { code: 'training', label: '研修費' },
];

/** Not eligible: vehicles for public roads and general-purpose goods (PCs, smartphones). */
export const GENERAL_EXCLUSIONS: readonly ExclusionRule[] = [
  {
    code: 'publicRoadVehicle',
    reason: '公道を走行する車両は補助対象外です',
    expenseTypes: ['vehicle'],
    flags: ['publicRoadVehicle'],
  },
  {
    code: 'generalPurpose',
    reason: 'PC・スマートフォン等の汎用品は補助対象外です',
    itemKinds: ['pc', 'smartphone', 'tablet'],
    flags: ['generalPurpose'],
  },
];

/** 経費区分 of the regional programmes: the briefing does not list them. */
export const PROJECT_EXPENSE_TYPES: readonly ExpenseTypeDef[] = [
  { code: 'personnel', label: '人件費' },
  { code: 'honorarium', label: '謝金' },
  { code: 'travel', label: '旅費' },
  { code: 'rental', label: '借料及び損料' },
  { code: 'supplies', label: '消耗品費' },
  { code: 'outsourcing', label: '外注費' },
  { code: 'commission', label: '委託費' },
  { code: 'miscellaneous', label: 'その他諸経費' },
];
export const PROJECT_EXPENSE_TYPES_ASSUMPTION = '経費区分はブリーフィングに記載がないため、一般的な補助事業の区分を仮置き（公募要領で確認のこと）';
