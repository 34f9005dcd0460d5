import { jstDate } from '@jimukyoku/domain';
import { checkFutureTransferDate } from '@jimukyoku/domain/zengin';
import { workflowStatesTagged } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { workflowStateSql } from '../../database';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { asUser, demoServices } from './demo-services';

/**
 * An open 支払バッチ for each demo round that has applications due to be paid (states tagged awaitsPayment)
 * with a registered account, made through the service staff use, so `npm start` has a 全銀 file to download
 * (README "Payments"). Its 振込指定日 is the first banking day a week after today. Runs after the accounts.
 */
export const demoPaymentBatchesSeed: SeedStep = {
  name: 'demo payment batches',
  kind: 'demo',
  async run(m: EntityManager) {
    // the stories' batches are paid (demo-payments.ts): an open one is this step's
    if ((await m.query(`SELECT 1 FROM payment_batch WHERE status = 'open' LIMIT 1`)).length > 0) return 'already present';
    const manager = asUser(await m.findOneByOrFail(StaffUser, { role: 'manager' }));
    const batches = demoServices(m).paymentBatches;
    const rounds: { round_id: string }[] = await m.query(
      `SELECT DISTINCT a.round_id FROM application a JOIN bank_account b ON b.application_id = a.id
        WHERE ${workflowStateSql('a')} = ANY($1::text[]) ORDER BY a.round_id`,
      [workflowStatesTagged('awaitsPayment')],
    );
    const [{ now }] = await m.query(`SELECT now() AS now`);
    const transferDate = firstBankingDayFrom(new Date(now), 7);
    let lines = 0;
    for (const { round_id } of rounds) {
      const batch = await batches.create({ roundId: round_id, transferDate }, manager, {});
      lines += batch.totalCount;
    }
    return `${rounds.length} open payment batches (${lines} transfers, 振込指定日 ${transferDate})`;
  },
};

/** The first 振込指定日 the batches take, `days` or more after `now` (JST). */
export function firstBankingDayFrom(now: Date, days: number): string {
  for (let d = days; ; d++) {
    const date = jstDate(new Date(now.getTime() + d * 86_400_000));
    if (checkFutureTransferDate(date, now).ok) return date;
  }
}
