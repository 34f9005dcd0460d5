import { bearer, evidence, granted, machinery, portal, startPostAwardEnv, staff, statusOf, v2Round, type PostAwardEnv } from './post-award-fixtures';

/**
 * The grant's scope (docs/post-award.md "The grant's scope"): a 実績報告 or a 概算払 claims only the 経費区分 the
 * 交付決定 covers (the 交付申請's) and those an approved 計画変更 brought in. A refused 計画変更 brings in nothing.
 */
describe('post-award: what a 実績報告 and a 概算払 may claim', () => {
  let e: PostAwardEnv;
  const manager = (method: 'post' | 'put' | 'get', path: string) => staff(e, e.s.manager, method, path);
  const filings = async (id: string) =>
    (await e.db.query(`SELECT step FROM post_award_filing WHERE application_id = $1 ORDER BY filed_at, id`, [id])).map((r: { step: string }) => r.step);
  const line = (expenseType: string, amount: number, description: string) => ({ expenseType, amount, description });

  beforeAll(async () => {
    e = await startPostAwardEnv('post-award-grant-scope');
  });
  afterAll(async () => {
    await e?.t.close();
  });

  it('an expense of a 区分 outside the 交付決定 is refused in Japanese, naming its line; an approved 計画変更 widens it, a refused one does not', async () => {
    const round = await v2Round(e);
    const id = await granted(e, round); // 交付申請: machinery only
    const advertising = line('advertising', 2_000_000, '展示会出展');
    const training = line('training', 600_000, '新設備の操作研修');

    // a 計画変更 bringing in 広告宣伝 is refused, one bringing in 研修 is approved
    await portal(e, `${id}/plan-change`)
      .send({ description: '展示会に出展する', expenses: [advertising] })
      .expect(200);
    await manager('post', `${id}/transitions/refusePlanChange`).send({ reason: '事業計画の範囲外の経費のため' }).expect(200);
    await portal(e, `${id}/plan-change`)
      .send({ description: '操作研修を追加する', expenses: [training] })
      .expect(200);
    await manager('post', `${id}/transitions/approvePlanChange`).send({}).expect(200);
    expect(await statusOf(e, id)).toBe('grantDecided');

    // a 概算払 of 広告宣伝 is refused (the round allows 概算払), before anything is requested
    await e.t.http().put(`/api/rounds/${round.id}`).set(bearer(e.s.manager)).send({ advancePaymentAllowed: true }).expect(200);
    const advance = await portal(e, `${id}/advance-payment`)
      .send({ expenses: [advertising], attachmentIds: [await evidence(e)] })
      .expect(422);
    expect(advance.body).toMatchObject({ code: 'INVALID_FILING', errors: [{ field: 'expenses[0].expenseType' }] });
    expect(advance.body.errors[0].message).toContain('経費区分「広告宣伝・販売促進費」は交付決定を受けた経費');

    // the 実績報告 claiming 広告宣伝 is refused, naming the line; nothing is kept and the state holds
    const outside = await portal(e, `${id}/performance-report`)
      .send({ expenses: [...machinery(24_000_000), training, advertising], attachmentIds: [await evidence(e)] })
      .expect(422);
    expect(outside.body.errors).toEqual([{ field: 'expenses[2].expenseType', message: expect.stringContaining('広告宣伝・販売促進費') }]);
    expect(outside.body.message).toContain('計画変更の承認を受けてください');
    expect(await statusOf(e, id)).toBe('grantDecided');
    expect(await filings(id)).toEqual(['grantApplication', 'planChange', 'planChange']);
    expect((await manager('get', `${id}/post-award`).expect(200)).body.amounts.actualExpenses ?? null).toBeNull();

    // machinery and the approved 研修 are what it may claim
    await portal(e, `${id}/performance-report`)
      .send({ expenses: [...machinery(24_000_000), training], attachmentIds: [await evidence(e)] })
      .expect(200);
    expect(await statusOf(e, id)).toBe('performanceReported');
  });

  it('a refused 計画変更, with none approved, brings in nothing', async () => {
    const id = await granted(e, await v2Round(e));
    await portal(e, `${id}/plan-change`)
      .send({ description: '展示会に出展する', expenses: [line('advertising', 2_000_000, '展示会出展')] })
      .expect(200);
    await manager('post', `${id}/transitions/refusePlanChange`).send({ reason: '見積の根拠が不足しているため' }).expect(200);
    const refused = await portal(e, `${id}/performance-report`)
      .send({ expenses: [line('advertising', 2_000_000, '展示会出展')], attachmentIds: [await evidence(e)] })
      .expect(422);
    expect(refused.body.errors).toEqual([{ field: 'expenses[0].expenseType', message: expect.stringContaining('広告宣伝・販売促進費') }]);
  });

  it('a 計画変更 naming a 経費区分 the 類型 has not, or one it excludes, is refused as it is filed, so no approval can bring in a code nothing may claim', async () => {
    const id = await granted(e, await v2Round(e));
    for (const expenseType of ['Advertising', 'bogusType']) {
      const res = await portal(e, `${id}/plan-change`)
        .send({ description: '広告を追加する', expenses: [line(expenseType, 1_000_000, '展示会出展')] })
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'expenses[0].expenseType', message: expect.stringContaining('経費区分') }]);
    }
    // nor one the 類型 excludes: it was accepted, and an approval read as agreeing to what is never paid
    const vehicle = await portal(e, `${id}/plan-change`)
      .send({ description: '営業車を追加', expenses: [line('vehicle', 3_000_000, '営業用トラック（公道走行）')] })
      .expect(422);
    expect(vehicle.body.errors).toEqual([{ field: 'expenses[0]', message: expect.stringContaining('公道を走行する車両は補助対象外です') }]);
    expect(await statusOf(e, id)).toBe('grantDecided');
    expect(await filings(id)).toEqual(['grantApplication']);
  });
});
