import { jstDate } from '@jimukyoku/domain';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import { registerDemoAccount } from './demo-bank-accounts.seed';
import type { StoryClock } from './demo-clock';
import { firstBankingDayFrom } from './demo-payment-batches.seed';
import type { DemoRandom } from './demo-random';
import type { DemoServices } from './demo-services';

const HOUR = 3_600_000;

/**
 * Pays `applicationIds` (of one round, each due to be paid) as the secretariat does (docs/payments.md), in the
 * story's past: each payee's account registered, a 支払バッチ made at `at` for the next banking day, and the bank's
 * transfer confirmed that day at 15:00 JST, which records each 支払 / 振込完了 (guard paidByBatch). `services` must
 * carry the story `clock` (demoServices(m, clock)): the batch is checked against the story's today. Answers the
 * instant of the transfer, or null when it would not yet have happened (the batch stays open, its 全銀 file to
 * download).
 */
export async function payInStory(
  ctx: { m: EntityManager; clock: StoryClock; services: DemoServices; r: DemoRandom },
  manager: AuthenticatedUser,
  roundId: string,
  applicationIds: string[],
  at: number,
): Promise<number | null> {
  const { m, clock, services } = ctx;
  const batch = await clock.at(at, async () => {
    for (const id of applicationIds) {
      const [app] = await m.query(`SELECT id, applicant_name AS "applicantName" FROM application WHERE id = $1`, [id]);
      const [has] = await m.query(`SELECT 1 FROM bank_account WHERE application_id = $1`, [id]);
      // a company name the demo's dictionary cannot read into 口座名義 kana: the story must pick payees it can read
      if (!has && !(await registerDemoAccount(services.bankAccounts, app, ctx.r, manager)))
        throw new Error(`demo payee ${app.applicantName} has no readable 口座名義`);
    }
    return services.paymentBatches.create({ roundId, transferDate: firstBankingDayFrom(new Date(at), 1), applicationIds }, manager, {});
  });
  const paidAt = Date.parse(`${batch.transferDate}T15:00:00+09:00`);
  if (paidAt > Date.now() - HOUR) return null;
  await clock.at(paidAt, () => services.paymentBatches.confirm(batch.id, { paidOn: jstDate(new Date(paidAt)) }, manager, {}));
  return paidAt;
}
