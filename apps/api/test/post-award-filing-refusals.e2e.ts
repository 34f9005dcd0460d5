import { upload } from './intake-fixtures';
import { evidence, granted, machinery, portal, startPostAwardEnv, statusOf, v2Round, type PostAwardEnv } from './post-award-fixtures';

/**
 * What a portal's filing after 採択 is told first (docs/post-award.md "The applicant's steps"): a step the state does
 * not offer is a 409 before the amounts and lines it carries are checked, and a 実績報告's evidence is uploaded as
 * evidence. Each refusal stores nothing.
 */
describe('post-award: the refusals of a portal’s filing', () => {
  let e: PostAwardEnv;

  beforeAll(async () => {
    e = await startPostAwardEnv('post-award-refusals');
  });
  afterAll(async () => {
    await e?.t.close();
  });

  const filings = async (id: string) =>
    (await e.db.query(`SELECT step FROM post_award_filing WHERE application_id = $1 ORDER BY filed_at`, [id])).map((r: { step: string }) => r.step);

  it('a step the state does not offer answers 409 before the amounts it carries, which it would refuse too', async () => {
    const id = await granted(e, await v2Round(e));
    await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    const before = await filings(id);

    // a second 交付申請 far above the 採択額: once told 「採択額を超えています。経費を見直してください」
    const grant = await portal(e, `${id}/grant-application`)
      .send({ expenses: machinery(100_000_000) })
      .expect(409);
    expect(grant.body).toMatchObject({ code: 'NOT_ALLOWED_FROM_STATE' });
    expect(grant.body.message).toContain('実績報告');

    // a 計画変更 bringing in a line the 類型 excludes: once a 422 naming the line
    const plan = await portal(e, `${id}/plan-change`)
      .send({ description: '車両の追加', expenses: [{ expenseType: 'vehicle', amount: 1_000_000 }] })
      .expect(409);
    expect(plan.body).toMatchObject({ code: 'NOT_ALLOWED_FROM_STATE' });

    // a 概算払請求 after the 実績報告: once a 422 on its amounts
    const advance = await portal(e, `${id}/advance-payment`)
      .send({ expenses: machinery(1_000), attachmentIds: [await evidence(e)] })
      .expect(409);
    expect(advance.body).toMatchObject({ code: 'NOT_ALLOWED_FROM_STATE' });

    expect(await statusOf(e, id)).toBe('performanceReported');
    expect(await filings(id)).toEqual(before);
  });

  it('a 実績報告 whose evidence was uploaded as another kind (a 事業計画書) is refused naming the file, and the file stays unused', async () => {
    const id = await granted(e, await v2Round(e));
    const plan = (await upload(e.t, e.channel.apiKey, 'businessPlan', undefined, undefined, '事業計画書_改訂.pdf').expect(201)).body.id;
    const receipt = await evidence(e);
    const refused = await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [receipt, plan] })
      .expect(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'attachmentIds',
        message: expect.stringMatching(
          /^添付書類「事業計画書_改訂\.pdf」は「事業計画書」として登録されています。実績報告の証拠書類は、種類を契約書・発注書、請求書、領収書・振込の控え、その他のいずれかにして/,
        ),
      },
    ]);
    expect(await statusOf(e, id)).toBe('grantDecided');
    const linked = await e.db.query(`SELECT id FROM attachment WHERE id = ANY($1::uuid[]) AND application_id IS NOT NULL`, [[plan, receipt]]);
    expect(linked).toEqual([]);

    // the receipt alone is evidence
    await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [receipt] })
      .expect(200);
    expect(await statusOf(e, id)).toBe('performanceReported');
  });
});
