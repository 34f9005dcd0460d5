import { bankingDay, transferDateHasCome } from '../src/testing/payments';
import type { TestApp } from './harness';

const JST_MS = 9 * 3_600_000;

export { bankingDay, transferDateHasCome };

/** A banking day at least a week after today in JST: a 振込指定日 a batch takes. */
export const nextBusinessDay = () => bankingDay(7, 1);

/** Today in JST, or the last banking day before it: a 振込日 the confirmation takes. */
export const lastBusinessDay = () => bankingDay(0, -1);

export const todayJst = () => new Date(Date.now() + JST_MS).toISOString().slice(0, 10);

/**
 * Pays `applicationIds` (of one round) as the secretariat does (docs/payments.md): registers each payee's account,
 * makes a payment batch of them and confirms the bank's transfer, which records the 支払 / 振込完了 (guard
 * paidByBatch). Answers the batch.
 */
export async function payThroughBatch(t: TestApp, managerToken: string, applicationIds: string[]) {
  const as = { Authorization: `Bearer ${managerToken}` };
  const roundId: string = (await t.http().get(`/api/applications/${applicationIds[0]}`).set(as).expect(200)).body.roundId;
  for (const applicationId of applicationIds)
    await t
      .http()
      .post('/api/bank-accounts')
      .set(as)
      .send({ applicationId, bankCode: '0001', branchCode: '123', depositType: '1', accountNumber: '1234567', accountHolderKana: 'ｶ)ﾃｽﾄｼﾖｳｼﾞ' })
      // registered by an earlier payment (a 概算払) of the same application: 409, the account stands
      .expect((r) => expect([201, 409]).toContain(r.status));
  const batch = await t.http().post('/api/payment-batches').set(as).send({ roundId, transferDate: nextBusinessDay(), applicationIds }).expect(201);
  await transferDateHasCome(t, batch.body.id, lastBusinessDay());
  const paid = await t.http().post(`/api/payment-batches/${batch.body.id}/confirm`).set(as).send({ paidOn: lastBusinessDay() }).expect(200);
  return paid.body as { id: string; status: string; lines: { applicationId: string; kind: string; amount: number }[] };
}
