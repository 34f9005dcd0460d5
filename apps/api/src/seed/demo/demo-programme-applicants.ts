/**
 * The demo applicants of the other programme families (demo-programmes.seed.ts): company names by trade, plans per
 * programme, and the declared facts and expenses each 類型 takes, within its rules.
 */
import { classifyCompanySize, type IndustryGroup } from '@jimukyoku/domain';
import type { DraftInput } from '../../modules/applications/application-drafts';
import { demoApplicant, PREFECTURES, type DemoRandom } from './demo-random';

const MAN = 10_000;

/** What a demo applicant declares, beyond the round and the 類型. */
export type Declared = Omit<DraftInput, 'roundId' | 'categoryId'>;

// ── applicants ────────────────────────────────────────────────────────────────────────────────────

/** Company name endings by trade, so that a name fits what the company does. */
const TRADES: Record<IndustryGroup, readonly string[]> = {
  manufacturing: ['精機', '製作所', '工業', '電子', 'テクノ', '木工', '金属', '化成'],
  wholesale: ['商事', '物産', '商会', 'トレーディング'],
  retail: ['商店', 'ストア', '薬局', '酒店', '書店'],
  service: ['観光', 'システム', '企画', 'サービス', 'デザイン', 'フーズ'],
  other: ['建設', '運輸', '印刷', '醸造'],
};
export const BANKS = ['東西銀行', 'みなと信用金庫', '中央信用組合', '北斗銀行'];
const ORG_KINDS = ['一般社団法人', '一般財団法人', '特定非営利活動法人'];

/**
 * A demo applicant (demoApplicant's name, 法人番号, contact and advisor) of the given trade and size,
 * with its 規模区分 classified as the law does (classifyCompanySize) and the plan of its programme.
 */
export function company(
  r: DemoRandom,
  n: number,
  o: { industry: IndustryGroup; employees: number; capital: number; plan: readonly [string, string]; advisor?: boolean; name?: string },
): Declared {
  const base = demoApplicant(r, n, TRADES[o.industry]);
  return {
    ...base,
    applicantName: o.name ?? base.applicantName,
    industry: o.industry,
    employeeCount: o.employees,
    capital: o.capital,
    sizeClass: classifyCompanySize({ industry: o.industry, employeeCount: o.employees, capital: o.capital, kind: 'corporation' }).sizeClass,
    certifiedAdvisor: o.advisor ? base.certifiedAdvisor : null,
    planTitle: o.plan[0],
    planSummary: o.plan[1],
    expenses: [],
    monthlySales: [],
    benefitInput: null,
  };
}

/** The `n`-th applicant's home prefecture without its 都/府/県 (北海道 stays), for the name of a regional body. */
const region = (n: number) => PREFECTURES[n % PREFECTURES.length].replace(/[都府県]$/, '');
/** An association or community that applies on behalf of its members (地域DX), named after its region. */
const association = (r: DemoRandom, n: number, what: string) => `${r.pick(ORG_KINDS)}${region(n)}${what}`;

export const yen = (r: DemoRandom, fromMan: number, toMan: number) => r.int(fromMan, toMan) * MAN;

/** 2019 and 2020 sales of Oct–Dec: a 15–35% fall, so both sales-decline tests of 令和2年度第3次補正 pass. */
export function covidSales(r: DemoRandom) {
  const base = yen(r, 800, 3000);
  return ['10', '11', '12'].flatMap((month) => [
    { month: `2019-${month}`, amount: base },
    { month: `2020-${month}`, amount: Math.round((base * r.int(65, 85)) / 100) },
  ]);
}

export const RESTRUCTURING_PLANS = [
  ['飲食店からテイクアウト専門店への業態転換', '店内飲食の減少を受け、調理場を改装してテイクアウトと宅配に特化する。'],
  ['旅館の一部をワーケーション施設に転換', '団体客の減少を受け、客室を長期滞在向けの仕事場付き客室に改装する。'],
  ['印刷業から販促物のデジタル制作への展開', 'チラシ需要の減少を受け、動画・ウェブ広告の制作事業に参入する。'],
  ['アパレル卸からオンライン直販への転換', '百貨店向け卸の減少を受け、自社ブランドのEC直販を始める。'],
] as const;
const MONOZUKURI_PLANS = [
  ['five軸加工機導入による航空機部品の高精度加工', '五軸マシニングセンタを導入し、試作品の加工時間を4割短縮する。'],
  ['IoTによる生産ラインの稼働監視', '設備にセンサーを付け、稼働状況を可視化して段取り替えの時間を減らす。'],
  ['省エネ型乾燥設備による製造工程の脱炭素化', '重油ボイラーをヒートポンプ式乾燥機に置き換え、CO2排出量を3割削減する。'],
  ['自動包装機の導入による食品の新商品開発', '少量多品種に対応する包装機を導入し、個食向けの新商品を開発する。'],
] as const;
const SUSTAINABILITY_PLANS = [
  ['地元食材を使った新メニューの開発と販路開拓', '観光客向けの新メニューを開発し、チラシとSNS広告で周知する。'],
  ['ホームページのリニューアルとネット予約の導入', '予約をウェブで受け付け、電話対応の時間を減らして接客に充てる。'],
  ['店舗改装による高齢者向けサービスの拡充', '段差をなくし、宅配サービスを始めて高齢の常連客の来店減に対応する。'],
] as const;
export const LOW_INFECTION_PLANS = [
  ['非対面の注文受付とテイクアウト販売の開始', '店内飲食を減らし、ウェブ注文と店頭受取の仕組みを導入する。'],
  ['教室のオンライン配信への切替え', '対面の教室を減らし、配信機材と予約サイトを整えてオンラインで開講する。'],
] as const;
const IT_PLANS = [
  ['会計・受発注ソフトの導入による事務の効率化', 'クラウド会計と受発注システムを導入し、月末の締め作業を半減する。'],
  ['POSレジとキャッシュレス決済の導入', 'インボイス対応のPOSレジを導入し、在庫と売上を一元管理する。'],
  ['勤怠管理クラウドの導入', '紙のタイムカードを廃止し、給与計算までを自動化する。'],
] as const;
const DX_PLANS = [
  ['地域の中小製造業のDX推進コミュニティ活動', '地域の支援機関・大学・IT企業が連携し、製造業のデータ活用を伴走支援する。'],
  ['観光事業者向けデジタル化支援の連携体制構築', '複数県の観光協会と連携し、宿泊・体験予約のデジタル化を支援する。'],
] as const;
const INNOVATION_PLANS = [
  ['AIによる農作物の生育予測サービスの実証', '地域の農業法人と連携し、生育データから収穫時期を予測するサービスを実証する。'],
  ['ドローンによるインフラ点検の実証', '橋梁点検をドローンと画像解析で行い、点検費用の削減効果を検証する。'],
] as const;
const COEXISTENCE_PLANS = [
  ['地域課題を解決する見守りサービスの全国展開', '自治体と連携した高齢者見守りサービスを5地域以上に導入する。'],
  ['空き家を活用したサテライトオフィス事業', '各地の空き家をサテライトオフィスに改修し、企業の地方拠点として提供する。'],
] as const;
const SUCCESSION_PLANS = [
  ['事業承継を契機とした新商品の開発', '後継者が家業を継ぎ、既存の技術を活かした新商品を開発して販路を広げる。'],
  ['M&Aによる事業引継ぎのための専門家活用', '後継者不在の事業を引き継ぐため、仲介業者とデューデリジェンスを依頼する。'],
  ['事業の引継ぎに伴う既存事業の廃業', '引継ぎ後に不採算の店舗を廃業し、経営資源を新事業に集中する。'],
] as const;

export function monozukuriApplicant(r: DemoRandom, n: number, k: number): Declared {
  const employees = r.pick([4, 12, 18, 35, 60]);
  return {
    ...company(r, n, { industry: 'manufacturing', employees, capital: r.pick([10, 20, 30]) * 1_000_000, plan: MONOZUKURI_PLANS[k % 4], advisor: true }),
    expenses: [
      { expenseType: 'machinery', amount: yen(r, 600, 2400), description: '加工設備一式' },
      { expenseType: 'expert', amount: yen(r, 20, 60), description: '技術指導' },
    ],
    claimedBonusItems: ['growthBonus', 'wageIncreaseBonus'].filter(() => r.next() < 0.4),
  };
}

export function sustainabilityApplicant(r: DemoRandom, n: number, k: number, fromMan: number, toMan: number): Declared {
  const industry = r.pick(['retail', 'service', 'manufacturing'] as const);
  const total = yen(r, fromMan, toMan);
  const publicity = Math.round(total * 0.4);
  return {
    ...company(r, n, { industry, employees: industry === 'manufacturing' ? r.int(2, 15) : r.int(1, 5), capital: 3_000_000, plan: SUSTAINABILITY_PLANS[k % 3] }),
    expenses: [
      { expenseType: 'publicity', amount: publicity, description: 'チラシ・SNS広告' },
      { expenseType: 'website', amount: Math.round(total * 0.2), description: 'ホームページ改修' },
      { expenseType: 'machinery', amount: total - publicity - Math.round(total * 0.2), description: '厨房機器・展示什器' },
    ],
    claimedBonusItems: ['wageIncreaseBonus', 'businessEnvironmentBonus'].filter(() => r.next() < 0.4),
  };
}

/** デジタル化基盤導入類型: an ITツール (software and cloud), with a PC or a レジ on some. */
export function itApplicant(r: DemoRandom, n: number, k: number): Declared {
  const hardware =
    k % 3 === 1
      ? { itemKind: 'register', amount: yen(r, 20, 40), description: 'POSレジ' }
      : { itemKind: 'pc', amount: yen(r, 10, 20), description: 'タブレット端末' };
  return {
    ...company(r, n, { industry: r.pick(['retail', 'service', 'wholesale'] as const), employees: r.int(3, 40), capital: 10_000_000, plan: IT_PLANS[k % 3] }),
    expenses: [
      { expenseType: 'software', amount: yen(r, 30, 250), description: '会計・受発注ソフト', itemKind: 'itTool' },
      { expenseType: 'cloudUsage', amount: yen(r, 10, 40), description: 'クラウド利用料（2年分）', itemKind: 'itTool' },
      ...(k % 3 === 2 ? [] : [{ expenseType: 'hardware', ...hardware }]),
    ],
  };
}

/** 複数社連携IT導入類型: a 商工団体 for 10–12 shops, each with its ITツール, plus analysis and the 事務費. */
export function itGroupApplicant(r: DemoRandom, n: number): Declared {
  const participants = r.int(10, 12);
  const tools = Array.from({ length: participants }, (_, p) => ({
    expenseType: 'software',
    itemKind: 'itTool',
    amount: yen(r, 40, 120),
    description: 'POS・在庫管理ソフト',
    participant: `参加事業者${p + 1}`,
  }));
  return {
    ...company(r, n, {
      industry: 'service',
      employees: r.int(5, 12),
      capital: 0,
      plan: ['商店街のキャッシュレス化と顧客データの共同分析', '商店街の加盟店が同じPOSを導入し、来街者の購買データを共同で分析する。'],
    }),
    applicantName: `${region(n)}中央商店街振興組合`,
    prefecture: PREFECTURES[n % PREFECTURES.length],
    participantCount: participants,
    expenses: [
      ...tools,
      { expenseType: 'consumerAnalysis', amount: yen(r, 200, 500), description: '来街者の購買データ分析' },
      { expenseType: 'adminExpert', amount: yen(r, 50, 150), description: '事務局の事務費・専門家費' },
    ],
  };
}

/** 地域DX推進コミュニティ: its representative body, active in `prefectures` 都道府県. */
export function dxCommunity(r: DemoRandom, n: number, k: number, prefectures: number): Declared {
  const total = yen(r, 900, prefectures === 1 ? 2000 : prefectures === 2 ? 2500 : 3000);
  return {
    ...company(r, n, { industry: 'other', employees: r.int(3, 15), capital: 0, plan: DX_PLANS[(k + prefectures) % 2] }),
    applicantName: association(r, n, 'DX推進コミュニティ'),
    prefecture: PREFECTURES[n % PREFECTURES.length],
    prefectureCount: prefectures,
    expenses: [
      { expenseType: 'personnel', amount: Math.round(total * 0.4), description: 'コーディネーターの人件費' },
      { expenseType: 'commission', amount: Math.round(total * 0.35), description: '伴走支援の委託' },
      { expenseType: 'travel', amount: total - Math.round(total * 0.4) - Math.round(total * 0.35), description: '支援先への旅費' },
    ],
    claimedBonusItems: [],
  };
}

/** 地域デジタルイノベーション: SMEs with 2–5 partners (required), or a larger firm alone. */
export function innovationApplicant(r: DemoRandom, n: number, k: number, kind: 'sme' | 'nonSme'): Declared {
  const sme = kind === 'sme';
  return {
    ...company(r, n, {
      industry: 'service',
      employees: sme ? r.int(10, 80) : r.int(350, 800),
      capital: sme ? r.pick([10, 30, 50]) * 1_000_000 : r.pick([3, 5, 8]) * 100_000_000,
      plan: INNOVATION_PLANS[k % 2],
    }),
    participantCount: sme ? r.int(2, 5) : 1,
    expenses: [
      { expenseType: 'personnel', amount: yen(r, 500, 1200), description: '実証担当者の人件費' },
      { expenseType: 'outsourcing', amount: yen(r, 300, 900), description: 'データ解析の外注' },
      { expenseType: 'rental', amount: yen(r, 50, 200), description: '実証機材の借料' },
    ],
    claimedBonusItems: ['wageIncreaseBonus'].filter(() => r.next() < 0.3),
  };
}

export function coexistenceApplicant(r: DemoRandom, n: number, k: number, fromMan: number, toMan: number): Declared {
  const total = yen(r, fromMan, toMan);
  return {
    ...company(r, n, { industry: 'service', employees: r.int(8, 90), capital: r.pick([10, 30, 50]) * 1_000_000, plan: COEXISTENCE_PLANS[k % 2] }),
    expenses: [
      { expenseType: 'personnel', amount: Math.round(total * 0.5), description: '事業担当者の人件費' },
      { expenseType: 'outsourcing', amount: total - Math.round(total * 0.5), description: 'システム開発の外注' },
    ],
    claimedBonusItems: ['partnershipBonus'].filter(() => r.next() < 0.5),
  };
}

export function successionApplicant(r: DemoRandom, n: number, plan: number, k: number, fromMan: number, toMan: number): Declared {
  const total = yen(r, fromMan, toMan);
  const industry = r.pick(['manufacturing', 'retail', 'service'] as const);
  return {
    ...company(r, n, {
      industry,
      employees: k % 2 === 0 ? r.int(2, 5) : r.int(8, 40),
      capital: r.pick([3, 10, 20]) * 1_000_000,
      plan: SUCCESSION_PLANS[plan],
    }),
    expenses:
      plan === 2
        ? [
            { expenseType: 'closure', amount: Math.round(total * 0.7), description: '店舗の原状回復・在庫処分' },
            { expenseType: 'honorarium', amount: total - Math.round(total * 0.7), description: '廃業手続の専門家謝金' },
          ]
        : [
            { expenseType: 'outsourcing', amount: Math.round(total * 0.6), description: plan === 1 ? 'M&A仲介・デューデリジェンス' : '新商品の試作' },
            { expenseType: 'honorarium', amount: total - Math.round(total * 0.6), description: '専門家謝金' },
          ],
    claimedBonusItems: ['wageIncreaseBonus'].filter(() => r.next() < 0.3),
  };
}
