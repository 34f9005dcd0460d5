/**
 * Eligibility requirements (要件) a category declares, as codes with Japanese labels.
 * This module only declares them; the eligibility rules (../eligibility) evaluate them.
 */
export const REQUIREMENT_LABELS = {
  // every subsidy (checkEligibility judges it whatever the category lists: ../eligibility/declared-size-class.ts)
  sizeClassDeclared:
    '申告した規模区分が資本金・従業員数・業種に合っていること（業種の申告がないときや、中小企業基本法施行令の業種の特例（ゴム製品製造業、ソフトウェア業・情報処理サービス業、旅館業、宿泊業・娯楽業）によるときは書類で確認）',
  // 事業再構築補助金
  salesDecline10pct: '2020年4月以降の連続する6か月間のうち任意の3か月の合計売上高が、コロナ以前の同3か月の合計売上高と比較して10%以上減少していること',
  salesDecline5pctSince202010:
    '2020年10月以降の連続する6か月間のうち任意の3か月の合計売上高が、コロナ以前の同3か月の合計売上高と比較して5%以上減少していること',
  recoverySalesDecline30pct: '2021年10月以降のいずれかの月の売上高が、2020年又は2019年の同月と比較して30%以上減少していること',
  minimumWageSalesDecline30pct:
    '2021年10月以降のいずれかの月の売上高が、2020年又は2019年の同月と比較して30%以上減少していること（最低賃金枠: 再生計画では代えられない）',
  rehabilitationPlan: '再生計画を策定していること（再生事業者）',
  emergencySalesDecline30pct:
    '緊急事態宣言に伴う飲食店の時短営業や不要不急の外出・移動の自粛等により、2021年1月～6月（又は同年4月以降）のいずれかの月の売上高が対前年又は前々年同月比で30%以上減少していること',
  certifiedAdvisorPlan: '認定経営革新等支援機関と事業計画を策定していること',
  financialInstitutionAbove30M: '補助金額が3,000万円を超える場合は、金融機関とも事業計画を策定していること',
  minimumWageEmployees: '2020年10月から2021年6月までの間で、3か月以上、最低賃金+30円以内で雇用している従業員が全従業員数の10%以上いること',
  largeWageIncrease: '事業場内最低賃金・給与支給総額を大幅に引き上げる計画であること',
  employees101plus: '従業員数が101人以上であること',
  smeGraduation: '事業再構築を通じて中小企業者等から中堅企業等へ成長する計画であること',
  globalVRecovery: 'グローバル展開を果たし、V字回復を目指す中堅企業であること',
  greenGrowth: 'グリーン成長戦略の課題に対応する取組であること（研究開発・技術開発又は人材育成を伴うこと）',
  addedValueGrowth5pct:
    '補助事業終了後3～5年で、付加価値額の年率平均5.0%以上の増加、又は従業員一人当たり付加価値額の年率平均5.0%以上の増加を目指す事業計画であること',
  newBusinessSalesShare10pct: '事業再構築で新たに取り組む事業の売上高が、総売上高の10%以上となる事業計画であること',
  newBusinessAddedValueShare15pct: '事業再構築で新たに取り組む事業の付加価値額が、総付加価値額の15%以上となる事業計画であること',
  newBusinessDivisionSalesShare10pct:
    '売上高10億円以上の事業者で、事業再構築を行う事業部門の売上高が3億円以上の場合、新たに取り組む事業の売上高が当該事業部門の売上高の10%以上となる事業計画であること',
  // ものづくり補助金
  lossMakingPreviousYear: '前年度の事業年度の課税所得がゼロ（赤字）であること',
  wageTargets: '給与支給総額・事業場内最低賃金の増加目標を達成すること（未達の場合は補助金の全額返還）',
  digitalTransformation: 'DXに資する革新的な製品・サービスの開発又はデジタル技術を活用した生産プロセス等の改善であること',
  greenProductivity: '温室効果ガスの排出削減に資する取組（炭素生産性の向上）であること',
  // 持続化補助金
  smallBusinessOnly: '小規模事業者であること',
  growthDistribution: '賃上げ又は事業規模の拡大に取り組むこと（成長・分配強化枠）',
  startupOrSuccessor: '創業又は後継者候補による新たな取組であること（新陳代謝枠）',
  invoiceIssuer: '免税事業者からインボイス発行事業者に転換すること（インボイス枠）',
  lowInfectionRiskBusiness:
    '感染拡大防止と事業継続を両立させるため、対人接触機会の減少に資する新たなビジネスやサービス、生産プロセスの導入等に取り組むこと（低感染リスク型ビジネス枠）',
  // IT導入補助金
  groupApplication10plus: '10者以上の事業者が連携し、商工団体等が代表して申請すること',
  // 地域DX
  communityMembers: '地域の支援機関2者以上及びITベンダー等2者以上が参画するコミュニティであること',
  prefectures1: '活動地域が単独の都道府県内であること',
  prefectures2: '活動地域が2都道府県に跨がること',
  prefectures3plus: '活動地域が3以上の都道府県に跨がること',
  groupApplication: '複数企業の連携（実証企業群）により申請すること',
  regions5plus: '5地域以上で展開すること（初年度）',
  regions10plus: '10地域以上で展開すること（2年目等）',
  regions15plus: '15地域以上で展開すること（3年目等）',
  btoGModel: 'BtoGモデルであること',
  // 事業承継・引継ぎ補助金
  businessSuccession: '事業承継・引継ぎを契機とする取組であること',
  // 事業復活支援金
  covidImpact: '新型コロナウイルス感染症の影響を受けていること（9つの類型のいずれか）',
  benefitSalesDecline30pct: '対象月の売上高が基準期間の同月と比較して30%以上減少していること',
  preCheck: '登録確認機関による事前確認を受けていること',
} as const;

export type RequirementCode = keyof typeof REQUIREMENT_LABELS;

/** A requirement that must hold, or a choice of requirements one of which must hold. */
export type RequirementClause = RequirementCode | { readonly anyOf: readonly RequirementCode[] };

export const isRequirementCode = (value: unknown): value is RequirementCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(REQUIREMENT_LABELS, value);

/**
 * Japanese text of a requirement as an eligibility report names it: a code, or an anyOf clause's codes
 * joined by '|' (「A 又は B」); an unknown code is shown as is.
 */
export const describeRequirementName = (name: string): string =>
  name
    .split('|')
    .map((code) => (isRequirementCode(code) ? REQUIREMENT_LABELS[code] : code))
    .join(' 又は ');

/** Japanese text of a clause, e.g. 「A 又は B」. */
export const describeRequirement = (clause: RequirementClause): string =>
  typeof clause === 'string' ? REQUIREMENT_LABELS[clause] : clause.anyOf.map((c) => REQUIREMENT_LABELS[c]).join(' 又は ');
