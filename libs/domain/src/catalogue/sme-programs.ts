/** ものづくり補助金 and 持続化補助金 (programs.md §3, §4). */
import { man } from '../money';
import type { CapRule, ExpenseTypeDef, RateRule, RequirementClause, SubsidyCategoryConfig } from '../category';
import type { Program, RuleSet } from './catalogue.types';
import { rate } from '../money';
import { GENERAL_EXCLUSIONS, HALF, SME_AND_MIDSIZE, THREE_QUARTERS, TWO_THIRDS, employeeCaps, fixedCap, flatRate } from './common';

export const MONOZUKURI_PROGRAM: Program = {
  code: 'monozukuri',
  name: 'ものづくり補助金（ものづくり・商業・サービス生産性向上促進事業）',
  kind: 'subsidy',
  workflowKind: 'subsidy',
};

/** 通常枠: 1/2, 小規模事業者・再生事業者 2/3 (first match wins). */
const MONOZUKURI_STANDARD_RATES: readonly RateRule[] = [
  flatRate('小規模事業者', TWO_THIRDS, { sizeClasses: ['smallBusiness'] }),
  flatRate('再生事業者', TWO_THIRDS, { inRehabilitation: true }),
  flatRate('原則', HALF),
];

const MONOZUKURI_CAPS = employeeCaps([5, man(750)], [20, man(1000)], [undefined, man(1250)]);
const MONOZUKURI_GREEN_CAPS = employeeCaps([5, man(1000)], [20, man(1500)], [undefined, man(2000)]);

const monozukuri = (
  code: string,
  name: string,
  rates: readonly RateRule[],
  cap: CapRule,
  requirements: readonly RequirementClause[],
  caveat?: string,
): SubsidyCategoryConfig => ({
  kind: 'subsidy',
  code,
  name,
  ...(caveat ? { caveat } : {}),
  // 令和3年度補正 adds 「特定事業者」(資本金10億円未満) to the eligible applicants
  admittedSizeClasses: SME_AND_MIDSIZE,
  pricing: { kind: 'rate', rates, cap },
  expenseTypes: [
    { code: 'machinery', label: '機械装置・システム構築費' },
    { code: 'technologyIntroduction', label: '技術導入費' },
    { code: 'expert', label: '専門家経費' },
    { code: 'transport', label: '運搬費' },
    { code: 'cloudService', label: 'クラウドサービス利用費' },
    { code: 'rawMaterials', label: '原材料費' },
    { code: 'outsourcing', label: '外注費' },
    { code: 'intellectualProperty', label: '知的財産権等関連経費' },
  ],
  exclusions: GENERAL_EXCLUSIONS,
  requirements,
  assumption:
    '補助下限額はブリーフィングに記載がないため設定していない（公募要領では100万円）。経費区分・対象外経費は公募要領による。「特定事業者」を中堅企業として対象に含め、原則の補助率を適用した',
});

export const MONOZUKURI_R3: RuleSet = {
  code: 'monozukuri.r3-sup',
  programCode: 'monozukuri',
  edition: 'r3-sup',
  label: '令和3年度補正（10次公募〜）',
  categories: [
    monozukuri(
      'monozukuri.standard',
      '通常枠',
      MONOZUKURI_STANDARD_RATES,
      MONOZUKURI_CAPS,
      [],
      '再生事業者（補助率2/3）の詳細な要件は検討中（ブリーフィング）',
    ),
    monozukuri(
      'monozukuri.recoveryWageIncrease',
      '回復型賃上げ・雇用拡大枠',
      [flatRate('一律', TWO_THIRDS)],
      MONOZUKURI_CAPS,
      ['lossMakingPreviousYear', 'wageTargets'],
      '業況が厳しい事業者（前年度の事業年度の課税所得がゼロ）の詳細な要件は検討中（ブリーフィング）',
    ),
    monozukuri('monozukuri.digital', 'デジタル枠', [flatRate('一律', TWO_THIRDS)], MONOZUKURI_CAPS, ['digitalTransformation']),
    monozukuri('monozukuri.green', 'グリーン枠', [flatRate('一律', TWO_THIRDS)], MONOZUKURI_GREEN_CAPS, ['greenProductivity']),
  ],
};

export const SUSTAINABILITY_PROGRAM: Program = {
  code: 'sustainability',
  name: '持続化補助金（小規模事業者持続的発展支援事業）',
  kind: 'subsidy',
  workflowKind: 'subsidy',
};

const SUSTAINABILITY_EXPENSE_TYPES: readonly ExpenseTypeDef[] = [
  { code: 'machinery', label: '機械装置等費' },
  { code: 'publicity', label: '広報費' },
  { code: 'website', label: 'ウェブサイト関連費' },
  { code: 'exhibition', label: '展示会等出展費' },
  { code: 'travel', label: '旅費' },
  { code: 'development', label: '開発費' },
  { code: 'materials', label: '資料購入費' },
  { code: 'miscServices', label: '雑役務費' },
  { code: 'rental', label: '借料' },
  { code: 'equipmentDisposal', label: '設備処分費' },
  { code: 'outsourcing', label: '委託・外注費' },
];

const sustainability = (
  code: string,
  name: string,
  capMan: number,
  rates: readonly RateRule[],
  requirements: readonly RequirementClause[],
): SubsidyCategoryConfig => ({
  kind: 'subsidy',
  code,
  name,
  admittedSizeClasses: ['smallBusiness'],
  pricing: { kind: 'rate', rates, cap: fixedCap(man(capMan)) },
  expenseTypes: SUSTAINABILITY_EXPENSE_TYPES,
  exclusions: [],
  requirements: ['smallBusinessOnly', ...requirements],
  assumption: '経費区分は公募要領による（ブリーフィングに記載なし）。補助下限額の記載はない',
});

export const SUSTAINABILITY_R3: RuleSet = {
  code: 'sustainability.r3-sup',
  programCode: 'sustainability',
  edition: 'r3-sup',
  label: '令和3年度補正',
  categories: [
    sustainability('sustainability.standard', '通常枠', 50, [flatRate('小規模事業者', TWO_THIRDS)], []),
    sustainability(
      'sustainability.growthDistribution',
      '成長・分配強化枠',
      200,
      [
        flatRate(
          '赤字事業者',
          THREE_QUARTERS,
          { lossMaking: true },
          'ブリーフィングは「一部の類型において赤字事業者は3/4」とのみ記載。ここでは成長・分配強化枠の赤字事業者すべてに適用（類型ごとに設定を変更のこと）',
        ),
        flatRate('小規模事業者', TWO_THIRDS),
      ],
      ['growthDistribution'],
    ),
    sustainability('sustainability.renewal', '新陳代謝枠', 200, [flatRate('小規模事業者', TWO_THIRDS)], ['startupOrSuccessor']),
    sustainability('sustainability.invoice', 'インボイス枠', 100, [flatRate('小規模事業者', TWO_THIRDS)], ['invoiceIssuer']),
  ],
};

/**
 * 低感染リスク型ビジネス枠 (令和2年度第3次補正): 上限100万円, 補助率3/4, 小規模事業者 only; 感染防止対策費 at
 * most 1/4 of the subsidy. Its own 公募 with rounds by 受付締切 (第4回 2021-11-10, 第5回 2022-01-12, 第6回
 * 2022-03-09, the last); docs/programs.md.
 */
export const SUSTAINABILITY_R2: RuleSet = {
  code: 'sustainability.r2-sup3',
  programCode: 'sustainability',
  edition: 'r2-sup3',
  label: '令和2年度第3次補正（低感染リスク型ビジネス枠）',
  categories: [
    {
      kind: 'subsidy',
      code: 'sustainability.lowInfectionRisk',
      name: '低感染リスク型ビジネス枠',
      admittedSizeClasses: ['smallBusiness'],
      pricing: {
        kind: 'rate',
        rates: [flatRate('小規模事業者', THREE_QUARTERS)],
        cap: fixedCap(man(100)),
        shareLimit: { label: '感染防止対策費', expenseTypes: ['infectionPrevention'], maxShare: rate(1, 4) },
      },
      expenseTypes: [...SUSTAINABILITY_EXPENSE_TYPES.filter((t) => t.code !== 'travel'), { code: 'infectionPrevention', label: '感染防止対策費' }],
      exclusions: [],
      requirements: ['smallBusinessOnly', 'lowInfectionRiskBusiness'],
      assumption:
        '上限100万円・補助率3/4はブリーフィングと公募要領による。感染防止対策費は補助金総額の1/4まで（緊急事態措置に伴う特例の1/2は設定していない）、経費区分は公募要領による（旅費は対象外とした）',
    },
  ],
};
