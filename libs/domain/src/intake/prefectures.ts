/** The 47 都道府県, as applicants write them, in the order of their JIS code (JIS X 0401: 北海道 01 … 沖縄県 47). */
export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

export type Prefecture = (typeof PREFECTURES)[number];
export const isPrefecture = (v: unknown): v is Prefecture => typeof v === 'string' && (PREFECTURES as readonly string[]).includes(v);

/** Where a name not among the 47 sorts: after them. */
export const UNKNOWN_PREFECTURE_ORDER = PREFECTURES.length + 1;

/**
 * The 都道府県's JIS code (北海道 1 … 沖縄県 47), UNKNOWN_PREFECTURE_ORDER for any other name: the order lists sort
 * them in. PostgreSQL keeps the same as `application.prefecture_order` (migration PrefectureOrder).
 */
export function prefectureOrder(name: string): number {
  const index = (PREFECTURES as readonly string[]).indexOf(name);
  return index < 0 ? UNKNOWN_PREFECTURE_ORDER : index + 1;
}
