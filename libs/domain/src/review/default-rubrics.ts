/**
 * Default rubrics per programme, modelled on the published 審査項目 and 加点項目 of each 公募要領.
 * They are STARTING POINTS: when a round is set up, the manager copies the default into the
 * round × category (類型) and edits scales, weights and 加点 there; nothing reads these defaults at
 * scoring time. Programme codes match libs/domain/src/catalogue ('restructuring', 'monozukuri',
 * 'sustainability'); any other programme gets a generic 3-criterion rubric.
 *
 * Every criterion uses a 0–5 scale; weights make the weighted maximum 50 points; 加点 are 1–2 points.
 * 適格性 (事業再構築) is not scored: it is judged pass/fail in the 要件確認 (formal-check.ts).
 */
import type { BonusItem, Criterion, Rubric } from './review.types';

const criterion = (code: string, label: string, weight: number, description: string): Criterion => ({ code, label, maxScore: 5, weight, description });
const bonus = (code: string, label: string, points: number, description: string): BonusItem => ({ code, label, points, description });

const WAGE_INCREASE = bonus('wageIncreaseBonus', '賃上げ加点', 2, '事業計画期間における給与支給総額・事業場内最低賃金の引上げを表明していること');
const PARTNERSHIP = bonus('partnershipBonus', 'パートナーシップ構築宣言加点', 1, '「パートナーシップ構築宣言」ポータルサイトで宣言を公表していること');
const DISASTER = bonus('disasterBonus', '災害等加点', 1, '激甚災害等の被災事業者であり、事業継続力強化計画等の認定を受けていること');

const DEFAULTS: Readonly<Record<string, Rubric>> = {
  // 事業再構築補助金: 事業化点・再構築点・政策点 (適格性 is the formal check)
  restructuring: {
    criteria: [
      criterion('commercialization', '事業化点', 4, '市場ニーズ・競合分析、実施体制、資金調達、収益性と事業化までの道筋が具体的か'),
      criterion('restructuring', '再構築点', 4, '事業再構築の必要性、既存事業の強みの活用、新規性・リスクへの対応が妥当か'),
      criterion('policy', '政策点', 2, 'ポストコロナへの対応、地域経済への波及効果、イノベーションへの貢献が見込まれるか'),
    ],
    bonusItems: [
      bonus('salesDeclineBonus', '業況が厳しい事業者への加点', 1, '直近の売上高が大きく減少している（基準を満たすことを確認）'),
      bonus('rehabilitationBonus', '再生事業者加点', 1, '中小企業活性化協議会等の支援による再生計画を策定中又は策定済みであること'),
      WAGE_INCREASE,
      PARTNERSHIP,
    ],
  },
  // ものづくり補助金: 技術面・事業化面・政策面
  monozukuri: {
    criteria: [
      criterion('technical', '技術面', 4, '新製品・新サービスの革新性、課題と解決方法の明確さ、技術的能力が十分か'),
      criterion('commercialization', '事業化面', 4, '実施体制・財務状況、市場ニーズと事業化・収益化の見通し、費用対効果が妥当か'),
      criterion('policy', '政策面', 2, '地域経済への貢献、ニッチ分野でのグローバル展開、経済社会の変化への対応が見込まれるか'),
    ],
    bonusItems: [
      bonus('growthBonus', '成長性加点', 1, '有効な期間の経営革新計画の承認を取得していること'),
      bonus('policyBonus', '政策加点', 1, '創業・第二創業後間もない事業者、パートナーシップ構築宣言等の政策目的に該当すること'),
      DISASTER,
      WAGE_INCREASE,
    ],
  },
  // 持続化補助金: 書面審査の4観点
  sustainability: {
    criteria: [
      criterion('managementAnalysis', '経営状況分析の妥当性', 3, '自社の経営状況・製品・サービス・強みを適切に把握しているか'),
      criterion('managementPlan', '経営方針・目標と今後のプランの適切性', 3, '強みを踏まえた方針・目標か、対象市場の特性を踏まえているか'),
      criterion('projectEffectiveness', '補助事業計画の有効性', 3, '具体的で実現可能性が高く、方針・目標の達成に必要かつ有効か'),
      criterion('costTransparency', '積算の透明・適切性', 1, '事業費の計上・積算が正確・明確で、真に必要な金額か'),
    ],
    bonusItems: [
      WAGE_INCREASE,
      bonus('businessEnvironmentBonus', '事業環境変化加点', 1, '物価高騰・円安等の影響で利益率が減少していること'),
      bonus('regionalRevitalisationBonus', '地方創生型加点', 1, '地域資源等を活用し、地域外への販売を目指す取組であること'),
      DISASTER,
    ],
  },
};

const GENERIC: Rubric = {
  criteria: [
    criterion('feasibility', '計画の実現可能性', 4, '実施体制・スケジュール・資金計画が具体的で実行できるか'),
    criterion('effectiveness', '事業の有効性', 4, '目標が明確で、補助事業がその達成に必要かつ有効か'),
    criterion('policyAlignment', '政策との整合性', 2, '事業の政策目的・地域経済への波及効果に沿っているか'),
  ],
  bonusItems: [WAGE_INCREASE, PARTNERSHIP],
};

/** Programme codes with their own default rubric (the rest get the generic one). */
export const PROGRAMS_WITH_DEFAULT_RUBRIC: readonly string[] = Object.keys(DEFAULTS);

const copy = (r: Rubric): Rubric => ({ criteria: r.criteria.map((c) => ({ ...c })), bonusItems: r.bonusItems.map((b) => ({ ...b })) });

/** A fresh, editable copy of the programme's default rubric (the generic one for other programmes). */
export function defaultRubric(programCode: string): Rubric {
  return copy(Object.prototype.hasOwnProperty.call(DEFAULTS, programCode) ? DEFAULTS[programCode] : GENERIC);
}
