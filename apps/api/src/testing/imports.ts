import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerAppModule } from '../api.module';
import type { AppConfig } from '../config';
import { QueueName } from '../queue';

/** A fresh storage directory (attachments, import files) for one test app. */
export const tempStorageDir = () => mkdtempSync(join(tmpdir(), 'jimukyoku-storage-'));

export const IMPORT_HEADER =
  '類型コード,申請者区分,事業者名,法人番号,規模区分,従業員数,資本金,都道府県,メールアドレス,担当者名,事業計画名,事業計画の概要,認定支援機関名,認定支援機関ID,補助対象経費,申請額,月次売上高,加点項目,' +
  '業種,年間売上高,赤字,再生事業者,参加事業者数,活動地域の都道府県数,認定支援機関は金融機関,金融機関名,' +
  '対象月,対象月の売上高,基準期間,基準期間の売上高,事前確認通知番号,登録確認機関名,一時支援金・月次支援金の受給,' +
  'インボイス登録番号,住所,生年月日';
const SALES = '2019-04:10000000;2019-05:10000000;2019-06:10000000;2020-04:8000000;2020-05:8000000;2020-06:8000000';

/** One CSV row of a corporation (法人番号 given) or, with `number` null, of a 個人事業者. */
export const importRow = (name: string, number: string | null, expenses = 'machinery:30000000') =>
  [
    'restructuring.standard',
    number ? '法人' : '個人事業者',
    name,
    number ?? '',
    '中小企業',
    '30',
    '30000000',
    '北海道',
    'info@example.jp',
    '担当 太郎',
    '新分野展開',
    '概要',
    '支援センター',
    'ADV-1',
    expenses,
    '',
    SALES,
    'wageIncreaseBonus;partnershipBonus',
  ].join(',');

/**
 * The worker process's application (imports queue only) beside a test's API, on the same database,
 * Redis prefix and storage: imports run there, never in the API.
 */
export async function startImportWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ ...config, workerQueues: [QueueName.Imports] }), {
    logger: process.env.TEST_APP_LOGS ? ['error'] : false,
  });
  await app.init();
  return app;
}
