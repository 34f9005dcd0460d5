import { classifyCompanySize, corporateNumberCheckDigit } from '@jimukyoku/domain';

/** A small deterministic PRNG (mulberry32): the same demo data on every machine. */
export function demoRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

export type DemoRandom = ReturnType<typeof demoRandom>;

const PREFIXES = ['株式会社', '有限会社', '合同会社'];
const STEMS = [
  '北斗',
  'さくら',
  '青葉',
  '大和',
  '東洋',
  'みなと',
  '富士',
  '若葉',
  '瑞穂',
  '朝日',
  '光',
  '丸和',
  '白樺',
  '海風',
  '山吹',
  '桜井',
  '中央',
  '信栄',
  '昭和',
  '旭',
];
const TRADES = ['精機', '製作所', '工業', '食品', '商事', 'システム', '観光', '醸造', '建設', '電子', '物産', 'テクノ', '印刷', '木工', 'フーズ'];
const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '松本', '井上', '木村'];
const GIVEN = ['太郎', '花子', '健一', '美咲', '誠', '由美', '翔', '陽子', '大輔', '恵'];
export const PREFECTURES = [
  '北海道',
  '宮城県',
  '東京都',
  '神奈川県',
  '愛知県',
  '大阪府',
  '兵庫県',
  '広島県',
  '福岡県',
  '沖縄県',
  '新潟県',
  '静岡県',
  '長野県',
  '熊本県',
];
const PLANS = [
  ['EV向け部品への新分野展開', 'ガソリン車向け部品の需要減に備え、電気自動車向けモーター部品の製造に転換する。'],
  ['オンライン販売への業態転換', '店舗販売を縮小し、自社ECサイトとサブスクリプション販売を始める。'],
  ['冷凍食品の新製品開発', '飲食店の売上減を受け、店舗の味を冷凍食品として全国に販売する。'],
  ['観光客向け体験型サービス', '団体旅行の減少を受け、少人数向けの体験型ツアーに事業を転換する。'],
  ['ITを活用した受発注の自動化', '紙の受発注をクラウドに移し、新たに小口の直販事業を始める。'],
  ['再生可能エネルギー関連設備の製造', '太陽光パネル架台の製造に参入し、グリーン分野で成長を図る。'],
];
const ADVISORS = ['北海道経営支援センター', 'みらい税理士法人', '東西銀行', '中小企業診断協会', 'あおば経営コンサルティング'];

/** The `i`-th demo applicant; `trades` are the endings its company name may take (精機, 食品 …), as fit its programme. */
export function demoApplicant(r: DemoRandom, i: number, trades: readonly string[] = TRADES) {
  const name = `${r.pick(PREFIXES)}${r.pick(STEMS)}${r.pick(trades)}`;
  const base = String(100000000000 + i * 7919 + r.int(0, 7000)).slice(-12);
  const [title, summary] = r.pick(PLANS);
  const employees = r.pick([3, 8, 15, 25, 40, 60, 90, 120, 150]);
  // drawn in the order the fields were always drawn, so the demo's names and numbers stay as they were
  const capital = r.pick([3_000_000, 10_000_000, 30_000_000, 50_000_000, 100_000_000]);
  const prefecture = r.pick(PREFECTURES);
  const industry = r.pick(['manufacturing', 'retail', 'service', 'wholesale'] as const);
  return {
    applicantKind: 'corporation' as const,
    applicantName: name,
    corporateNumber: `${corporateNumberCheckDigit(base)}${base}`,
    // the 規模区分 the law gives these figures, as intake judges a declared one (judgeDeclaredSizeClass)
    sizeClass: classifyCompanySize({ industry, employeeCount: employees, capital, kind: 'corporation' }).sizeClass,
    employeeCount: employees,
    capital,
    prefecture,
    industry,
    email: `demo${i}@applicant.example.jp`,
    contactPerson: `${r.pick(SURNAMES)} ${r.pick(GIVEN)}`,
    certifiedAdvisor: { name: r.pick(ADVISORS), id: `ADV-${String(r.int(1, 9999)).padStart(4, '0')}` },
    planTitle: title,
    planSummary: summary,
  };
}
