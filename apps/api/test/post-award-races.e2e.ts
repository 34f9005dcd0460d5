import { randomUUID } from 'node:crypto';
import { fiscalYearOf } from '@jimukyoku/domain';
import { until, waitingOnLock } from './lock-waits';
import { payThroughBatch, todayJst } from './payment-fixtures';
import {
  amountFixed,
  evidence as uploadEvidence,
  granted,
  machinery,
  portal as viaPortal,
  startPostAwardEnv,
  staff as asStaff,
  statusOf as statusIn,
  v2Round,
  type PostAwardEnv,
} from './post-award-fixtures';

/**
 * Post-award requests sent at the same moment (docs/post-award.md): what one of them checks is never carried past
 * the other. The pairs of 概算払 and payment batches are in advance-payments.e2e.ts, an inspection against the
 * 額の確定 in post-award.e2e.ts.
 */
describe('post-award: requests at the same moment', () => {
  let e: PostAwardEnv;
  const portal = (path: string) => viaPortal(e, path);
  const staff = (method: 'post' | 'put' | 'get', path: string) => asStaff(e, e.s.manager, method, path);

  beforeAll(async () => {
    e = await startPostAwardEnv('post-award-races');
  });
  afterAll(async () => {
    await e?.t.close();
  });

  it('a 確定検査 recorded as its 実績報告 is sent back: whichever lands, the inspection never applies to the 実績報告 filed again', async () => {
    for (let i = 0; i < 2; i++) {
      const id = await granted(e, await v2Round(e));
      await portal(`${id}/performance-report`)
        .send({ expenses: machinery(24_000_000), attachmentIds: [await uploadEvidence(e)] })
        .expect(200);
      await staff('post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
      const [inspected, sentBack] = await Promise.all([
        staff('put', `${id}/final-inspection`).send({ lines: [{ index: 0, acceptedAmount: 12_000_000, reason: '発注が交付決定前の分を除外' }] }),
        staff('post', `${id}/transitions/returnPerformanceReport`).send({ reason: '証拠書類の不足' }),
      ]);
      for (const r of [inspected, sentBack]) expect(r.status).toBeLessThan(500);
      expect(sentBack.status).toBe(200);
      if (inspected.status !== 200) expect(inspected.body.code).toBe('NOT_IN_INSPECTION');
      expect(await statusIn(e, id)).toBe('grantDecided');

      // filed again with other expenses: the earlier inspection is gone, the 額の確定 waits for a new one
      await portal(`${id}/performance-report`)
        .send({ expenses: machinery(21_000_000), attachmentIds: [await uploadEvidence(e)] })
        .expect(200);
      await staff('post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
      const shown = (await staff('get', `${id}/post-award`).expect(200)).body;
      expect(shown.amounts.inspection).toBeNull();
      expect((await staff('post', `${id}/amount-fixing`).expect(422)).body.code).toBe('NOT_INSPECTED');
      await staff('put', `${id}/final-inspection`).send({ lines: [] }).expect(200);
      const fixed = await staff('post', `${id}/amount-fixing`).expect(200);
      expect(fixed.body.amounts.fixedAmount).toBe(14_000_000); // 21,000,000 × 2/3, as reported again
    }
  });

  it('three 事業化状況報告 of one 年度 at once, each with its own Idempotency-Key: one is filed, the others are 409', async () => {
    const fiscalYear = fiscalYearOf(todayJst());
    for (let i = 0; i < 3; i++) {
      const { id } = await amountFixed(e);
      await payThroughBatch(e.t, e.s.manager.token, [id]);
      const answers = await Promise.all(
        [1, 2, 3].map(() => portal(`${id}/commercialization-reports`).set('Idempotency-Key', randomUUID()).send({ fiscalYear, sales: 5_000_000 })),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      for (const refused of answers.filter((r) => r.status === 409))
        expect(refused.body).toMatchObject({ code: 'FISCAL_YEAR_ALREADY_REPORTED', field: 'fiscalYear' });
      const [{ filings }] = await e.db.query(
        `SELECT count(*)::int AS filings FROM post_award_filing WHERE application_id = $1 AND step = 'commercializationReport'`,
        [id],
      );
      const [{ reported }] = await e.db.query(`SELECT count(reported_at)::int AS reported FROM commercialization_report WHERE application_id = $1`, [id]);
      expect({ filings, reported }).toEqual({ filings: 1, reported: 1 });
    }
  });

  it('a report of the 年度 written without the application’s lock meanwhile meets the unique index: the same 409, not a 500', async () => {
    const fiscalYear = fiscalYearOf(todayJst());
    const { id } = await amountFixed(e);
    await payThroughBatch(e.t, e.s.manager.token, [id]);
    const other = e.db.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(`INSERT INTO post_award_filing (application_id, step, details, channel_id) VALUES ($1, 'commercializationReport', $2::jsonb, $3)`, [
        id,
        JSON.stringify({ fiscalYear, sales: 1 }),
        e.channel.id,
      ]);
      const pending = portal(`${id}/commercialization-reports`)
        .send({ fiscalYear, sales: 5_000_000 })
        .then((r) => r);
      // the portal's insert waits on the uncommitted row's index entry
      await until(async () => (await waitingOnLock(e.db)) > 0);
      await other.commitTransaction();
      const refused = await pending;
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'FISCAL_YEAR_ALREADY_REPORTED',
        field: 'fiscalYear',
        message: expect.stringContaining(`${fiscalYear}年度の事業化状況報告は提出済みです`),
      });
    } finally {
      await other.release();
    }
    const [{ reported }] = await e.db.query(`SELECT count(reported_at)::int AS reported FROM commercialization_report WHERE application_id = $1`, [id]);
    expect(reported).toBe(0);
  });
});
