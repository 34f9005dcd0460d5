import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application list sorted by 都道府県 reads them in the order of the JIS code (JIS X 0401: 北海道 01 … 沖縄県 47),
 * as every Japanese form lists them, not in character-code order (兵庫県 first). `prefecture_order` is that code, stored
 * (generated from `prefecture`; 48 for a name not among the 47, last), and its index (prefecture_order, id) replaces
 * (prefecture, id): the list sorts and filters by it (application-list.repository.ts, ApplicationsRepository.filtered). The 47 names are
 * libs/domain's PREFECTURES, in its order; application-list-scale.e2e.ts checks the two agree.
 *
 * Adding a stored column rewrites `application`: on a million rows about a minute, writes held meanwhile; run it outside
 * 受付 hours.
 */
export class PrefectureOrder1764600600000 implements MigrationInterface {
  name = 'PrefectureOrder1764600600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE application ADD COLUMN prefecture_order smallint NOT NULL
         GENERATED ALWAYS AS (coalesce(array_position(ARRAY[${JIS_ORDER.map((p) => `'${p}'`).join(', ')}]::text[], prefecture), 48)) STORED`,
    );
    await q.query(`CREATE INDEX application_list_prefecture_order_idx ON application (prefecture_order, id)`);
    await q.query(`DROP INDEX application_list_prefecture_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_list_prefecture_idx ON application (prefecture, id)`);
    await q.query(`ALTER TABLE application DROP COLUMN prefecture_order`);
  }
}

/** The 47 都道府県 in the order of their JIS code, as of this migration. */
const JIS_ORDER = [
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
];
