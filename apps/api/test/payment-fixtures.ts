import type { TestApp } from './harness';

const JST_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
/** Saturdays, Sundays and the banks' 年末年始 (12/31–1/3): the days a tests' 振込指定日 and 振込日 avoid. */
const closed = (d: Date) =>
  d.getUTCDay() === 0 || d.getUTCDay() === 6 || (d.getUTCMonth() === 11 && d.getUTCDate() === 31) || (d.getUTCMonth() === 0 && d.getUTCDate() <= 3);

/** A weekday at least a week after today in JST: a 振込指定日 a batch takes. */
export function nextBusinessDay(): string {
  const d = new Date(Date.now() + JST_MS + 7 * DAY_MS);
  while (closed(d)) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Today in JST, or the last banking day before it: a 振込日 the confirmation takes. */
export function lastBusinessDay(): string {
  const d = new Date(Date.now() + JST_MS);
  while (closed(d)) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

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
      .expect(201);
  const batch = await t.http().post('/api/payment-batches').set(as).send({ roundId, transferDate: nextBusinessDay(), applicationIds }).expect(201);
  const paid = await t.http().post(`/api/payment-batches/${batch.body.id}/confirm`).set(as).send({ paidOn: lastBusinessDay() }).expect(200);
  return paid.body as { id: string; status: string; lines: { applicationId: string; amount: number }[] };
}
