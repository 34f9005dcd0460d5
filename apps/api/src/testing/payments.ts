import { DAY_MS, jstDate } from '@jimukyoku/domain';
import { checkTransferDate } from '@jimukyoku/domain/zengin';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/**
 * The JST day `days` from today, or the nearest day after it (`step` 1) or before it (`step` -1) on which the banks
 * transfer (checkTransferDate: not a weekend, 祝日 or 12/31–1/3): a 振込指定日 a payment batch takes (a week on), or
 * a 振込日 its confirmation takes (today or before).
 */
export function bankingDay(days: number, step: 1 | -1): string {
  for (let d = days; ; d += step) {
    const date = jstDate(new Date(Date.now() + d * DAY_MS));
    if (checkTransferDate(date).ok) return date;
  }
}

/**
 * Lets the days pass until a batch's 振込指定日: it becomes `day` (a banking day up to today), so the bank's transfer
 * that day can be confirmed (a batch is made for a day after today, and confirmed from that day on).
 */
export async function transferDateHasCome(t: TestApp, batchId: string, day: string): Promise<void> {
  await t.app.get(DataSource).query(`UPDATE payment_batch SET transfer_date = $2 WHERE id = $1`, [batchId, day]);
}
