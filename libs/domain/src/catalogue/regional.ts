/** The regional DX programmes (programs.md §6). */
import { man } from '../money';
import type { SizeClass } from '../applicant';
import type { CapRule, RateRule, RequirementClause, SubsidyCategoryConfig } from '../category';
import type { Program, RuleSet } from './catalogue.types';
import {
  ALL_SIZES,
  FULL,
  HALF,
  NON_SME,
  ONE_TENTH,
  PROJECT_EXPENSE_TYPES,
  PROJECT_EXPENSE_TYPES_ASSUMPTION,
  SME,
  TWO_THIRDS,
  fixedCap,
  flatRate,
} from './common';

const subsidy = (
  code: string,
  name: string,
  admittedSizeClasses: readonly SizeClass[],
  rates: readonly RateRule[],
  cap: CapRule,
  requirements: readonly RequirementClause[],
  assumption: string,
  caveat?: string,
): SubsidyCategoryConfig => ({
  kind: 'subsidy',
  code,
  name,
  admittedSizeClasses,
  pricing: { kind: 'rate', rates, cap },
  expenseTypes: PROJECT_EXPENSE_TYPES,
  exclusions: [],
  requirements,
  assumption: `${PROJECT_EXPENSE_TYPES_ASSUMPTION}。${assumption}`,
  ...(caveat ? { caveat } : {}),
});

/** 地域デジタルイノベーション促進事業: the briefing's slide says 「調整中のため、変更がありうる」. */
const DIGITAL_INNOVATION_CAVEAT = '事業の詳細（補助上限額・補助率・連携の条件を含む）は調整中のため変更がありうる（ブリーフィング）';

const COMMUNITY_NOTE = '申請者は地域DX推進コミュニティの代表団体のため規模区分で制限しない';

export const REGIONAL_DX_PROGRAM: Program = { code: 'regionalDx', name: '地域DX促進活動支援事業', kind: 'subsidy', workflowKind: 'subsidy' };

export const REGIONAL_DX_R4: RuleSet = {
  code: 'regionalDx.r4',
  programCode: 'regionalDx',
  edition: 'r4',
  label: '令和4年度当初（地域未来DX投資促進事業）',
  categories: [
    subsidy(
      'regionalDx.typeA',
      'A類型（単独の都道府県）',
      ALL_SIZES,
      [flatRate('定額', FULL)],
      fixedCap(man(2000), 'community'),
      ['communityMembers', 'prefectures1'],
      COMMUNITY_NOTE,
    ),
    subsidy(
      'regionalDx.typeB',
      'B類型（2都道府県）',
      ALL_SIZES,
      [flatRate('定額', FULL)],
      fixedCap(man(2500), 'community'),
      ['communityMembers', 'prefectures2'],
      COMMUNITY_NOTE,
    ),
    subsidy(
      'regionalDx.typeC',
      'C類型（3以上の都道府県）',
      ALL_SIZES,
      [flatRate('定額', FULL)],
      fixedCap(man(3000), 'community'),
      ['communityMembers', 'prefectures3plus'],
      COMMUNITY_NOTE,
    ),
  ],
};

export const REGIONAL_DIGITAL_INNOVATION_PROGRAM: Program = {
  code: 'regionalDigitalInnovation',
  name: '地域デジタルイノベーション促進事業',
  kind: 'subsidy',
  workflowKind: 'subsidy',
};

/** In a group application the lead's cap rises by 10% of the cap per participating company. */
const groupCap = (perCompany: number): CapRule => ({
  kind: 'groupBonus',
  base: fixedCap(perCompany, 'company'),
  bonusPerParticipant: ONE_TENTH,
  countsLead: false,
  assumption: '「参画する実証企業1者につき」を幹事者以外の参画企業の数と解釈した（participantCount − 1）',
});

export const REGIONAL_DIGITAL_INNOVATION_R4: RuleSet = {
  code: 'regionalDigitalInnovation.r4',
  programCode: 'regionalDigitalInnovation',
  edition: 'r4',
  label: '令和4年度当初（地域未来DX投資促進事業）',
  categories: [
    subsidy(
      'regionalDigitalInnovation.sme',
      '中小企業（複数企業で連携）',
      SME,
      [flatRate('中小企業', TWO_THIRDS)],
      groupCap(man(1500)),
      ['groupApplication'],
      '中小企業は必ず複数企業で連携して申請する',
      DIGITAL_INNOVATION_CAVEAT,
    ),
    subsidy(
      'regionalDigitalInnovation.nonSme',
      '非中小企業',
      NON_SME,
      [flatRate('非中小企業', HALF)],
      groupCap(man(1100)),
      [],
      '非中小企業は単独申請も可。中堅企業・大企業を非中小企業とした',
      DIGITAL_INNOVATION_CAVEAT,
    ),
  ],
};

export const REGIONAL_DIGITAL_TALENT_PROGRAM: Program = {
  code: 'regionalDigitalTalent',
  name: '地域デジタル人材育成・確保推進事業',
  kind: 'contract',
  workflowKind: 'subsidy',
  assumption: '委託事業だが公募・審査・採択の流れは補助金と同じワークフローで扱う',
};

export const REGIONAL_DIGITAL_TALENT_R3: RuleSet = {
  code: 'regionalDigitalTalent.r3-sup',
  programCode: 'regionalDigitalTalent',
  edition: 'r3-sup',
  label: '令和3年度補正',
  categories: [
    {
      kind: 'contract',
      code: 'regionalDigitalTalent.fieldTrainingFormation',
      name: '現場研修プログラム候補の案件組成（地域団体等）',
      ceilingPerContract: man(1300),
      requirements: [],
    },
  ],
};

export const REGIONAL_COEXISTENCE_PROGRAM: Program = {
  code: 'regionalCoexistence',
  name: '地域・企業共生型ビジネス導入・創業促進事業',
  kind: 'subsidy',
  workflowKind: 'subsidy',
};

const COEXISTENCE_NOTE = '対象は「ベンチャー・中小企業等」とのみ記載のため規模区分で制限しない';

export const REGIONAL_COEXISTENCE_R4: RuleSet = {
  code: 'regionalCoexistence.r4',
  programCode: 'regionalCoexistence',
  edition: 'r4',
  label: '令和4年度当初',
  categories: [
    subsidy(
      'regionalCoexistence.standard',
      '通常型（5地域以上・初年度）',
      ALL_SIZES,
      [flatRate('一律', TWO_THIRDS)],
      fixedCap(man(3000)),
      ['regions5plus'],
      COEXISTENCE_NOTE,
    ),
    subsidy(
      'regionalCoexistence.wide',
      '広域型（10地域以上・2年目等）',
      ALL_SIZES,
      [flatRate('一律', TWO_THIRDS)],
      fixedCap(man(4000)),
      ['regions10plus'],
      COEXISTENCE_NOTE,
    ),
    subsidy(
      'regionalCoexistence.extraWide',
      'さらなる広域型（15地域以上・3年目等・BtoGのみ）',
      ALL_SIZES,
      [flatRate('一律', HALF)],
      fixedCap(man(4000)),
      ['regions15plus', 'btoGModel'],
      COEXISTENCE_NOTE,
    ),
  ],
};
