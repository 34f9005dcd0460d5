import { payThroughBatch } from './payment-fixtures';
import { evidence, granted, machinery, portal, startPostAwardEnv, staff, statusOf, v2Round, type PostAwardEnv } from './post-award-fixtures';

/**
 * The 補助下限額 after 採択 (docs/post-award.md "額の確定"): the floor is a condition of applying, so a 確定検査 that
 * accepts less than it still fixes what the rules give for the accepted expenses. The quote's own amount is 0 below
 * the floor (not eligible to apply), which once made the 確定額 0円 and left nothing to pay.
 */
describe('post-award: the 補助下限額 after 採択', () => {
  let e: PostAwardEnv;

  beforeAll(async () => {
    e = await startPostAwardEnv('post-award-floor');
  });
  afterAll(async () => {
    await e?.t.close();
  });

  it('a 確定検査 below the 事業再構築 floor (100万) fixes the rules’ 999,999円, and a payment batch pays it', async () => {
    const id = await granted(e, await v2Round(e));
    await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    await staff(e, e.s.manager, 'post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
    await staff(e, e.s.manager, 'put', `${id}/final-inspection`)
      .send({ lines: [{ index: 0, acceptedAmount: 1_499_999, reason: '大半が交付決定前の発注のため除外' }] })
      .expect(200);
    const fixed = await staff(e, e.s.manager, 'post', `${id}/amount-fixing`).expect(200);
    // 1,499,999 × 2/3 = 999,999.33 → 999,999円 (truncated to 1円), below the floor of 1,000,000円
    expect(fixed.body.amounts.fixedAmount).toBe(999_999);
    const [audit] = await e.db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.fixAmount'`, [id]);
    expect(audit.changes).toMatchObject({ fixedAmount: 999_999, computedAmount: 999_999 });
    await payThroughBatch(e.t, e.s.manager.token, [id]);
    expect(await statusOf(e, id)).toBe('paid');
  });

  it('a 実績報告 of less than the floor is received (what was spent is reported), and fixes what the rules give', async () => {
    const id = await granted(e, await v2Round(e));
    // 1,200,000円 spent: 800,000円 at 2/3, below the 100万 floor; the report once answered 「補助下限額に満たない」
    await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(1_200_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    expect(await statusOf(e, id)).toBe('performanceReported');
    await staff(e, e.s.manager, 'post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
    await staff(e, e.s.manager, 'put', `${id}/final-inspection`).send({ lines: [] }).expect(200);
    const fixed = await staff(e, e.s.manager, 'post', `${id}/amount-fixing`).expect(200);
    expect(fixed.body.amounts.fixedAmount).toBe(800_000);
  });
});
