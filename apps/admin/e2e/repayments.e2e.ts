import {
  bankingDay,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  login,
  openRound,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { formatJstDate } from '@jimukyoku/domain';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';

/**
 * The 「交付・確定」 tab's 返還 (docs/post-award.md "交付決定取消 and 返還"): the manager revokes a paid grant with a
 * 納期限 (after a confirmation; cancelled, nothing is sent), the 返還額 is the API's (what was paid), a partial then
 * the rest of the repayment → 返還済; a 概算払's excess claimed by the 額の確定, repaid → 支払済; and the managers'
 * overdue 事業化状況報告 list.
 */
describe('admin in the browser: 交付決定取消 → 返還, and the overdue 事業化状況報告', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_repayments');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  /**
   * A fixture: a subsidy@2 application of a new round in `status` (支払済, or 額確定 awaiting its batch) with its 確定額
   * of 15,000,000円 recorded (交付決定額 18,000,000円). The API's own walks there are apps/api/test/repayments.e2e.ts and
   * payment-batches.e2e.ts.
   */
  async function withFixedAmount(roundNumber: number, applicantName: string, status: 'paid' | 'amountFixed') {
    const round = await openRound(e.t, undefined, roundNumber);
    await db.query(`UPDATE round SET workflow_version = 2 WHERE id = $1`, [round.id]);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName }));
    const stamp = status === 'paid' ? 'paidAt' : 'amountFixedAt';
    await db.query(`UPDATE application SET status = $2, quoted_amount = 20000000, stamps = stamps || jsonb_build_object($3::text, now()) WHERE id = $1`, [
      draft.id,
      status,
      stamp,
    ]);
    await db.query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount, grant_amount, grant_decided_at, fixed_amount, amount_fixed_at)
       VALUES ($1, 20000000, '[]'::jsonb, '{}'::jsonb, 18000000, 18000000, now(), 15000000, now())`,
      [draft.id],
    );
    return { round, id: draft.id as string };
  }

  it('revokes a paid grant from the tab and records the repayment in two parts until 返還済', async () => {
    const draft = await withFixedAmount(96, '返還工業株式会社', 'paid');
    // a day the applicant can pay at a bank, as the 納期限 must be
    const due = bankingDay(30, 1);
    const [{ today }] = await db.query(`SELECT to_char((now() AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD') AS today`);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    await page.getByTestId('revoke-reason').fill('補助対象経費の虚偽の報告が判明したため');
    await page.getByLabel('納期限').fill(due);
    // the 交付決定取消 mails the applicant a 返還 to make: a click only asks, and キャンセル leaves all as it was
    let sent = 0;
    page.on('request', (r) => {
      if (r.url().includes('/grant-revocation')) sent++;
    });
    await page.getByTestId('revoke-grant').click();
    const dialog = page.getByRole('dialog', { name: '交付決定を取り消しますか？' });
    await dialog.getByText('申請者に取消しの理由・返還額・納期限が通知されます。', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(sent).toBe(0);
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('paid');
    expect(await db.query(`SELECT 1 FROM repayment_claim WHERE application_id = $1`, [draft.id])).toHaveLength(0);

    await page.getByTestId('revoke-grant').click();
    await dialog.getByRole('button', { name: '交付決定を取り消す' }).click();
    await page.getByText('交付決定を取り消しました').waitFor();
    expect(sent).toBe(1);
    await page.getByTestId('repayment-outstanding').getByText('15,000,000円').waitFor();

    await page.getByLabel('入金日').fill(today);
    await page.getByTestId('repayment-amount').fill('500万');
    await page.getByTestId('record-repayment').click();
    await page.getByTestId('repayment-outstanding').getByText('10,000,000円').waitFor();
    await page.getByTestId('repayment-amount').fill('1100万');
    await page.getByTestId('record-repayment').click();
    await page.getByText(/未返還額 10,000,000円 を超えています/).waitFor();
    await page.getByTestId('repayment-amount').fill('1000万');
    await page.getByTestId('record-repayment').click();
    await page.getByTestId('repayment-outstanding').getByText('0円', { exact: true }).waitFor();
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('repaid');
    // each repayment went with its own Idempotency-Key (the refused one's was used again for the next try)
    const keys = await db.query(`SELECT request_key FROM repayment_received WHERE application_id = $1`, [draft.id]);
    expect(keys).toHaveLength(2);
    expect(new Set(keys.map((k: { request_key: string }) => k.request_key)).size).toBe(2);
    expect(keys.every((k: { request_key: string | null }) => /^[0-9a-f]{32}$/.test(k.request_key ?? ''))).toBe(true);
  });

  it('shows the 概算払’s excess the 額の確定 claimed, its ground and 納期限, and its repayment settles the project (支払済)', async () => {
    const draft = await withFixedAmount(93, '概算超過工業株式会社', 'amountFixed');
    await db.query(`UPDATE application SET status = 'advanceExcessClaimed' WHERE id = $1`, [draft.id]);
    // as the 額の確定 records it (apps/api/test/advance-payments.e2e.ts walks it through the API): 18,000,000円 paid in advance
    await db.query(
      `INSERT INTO repayment_claim (application_id, amount, paid_amount, ground, reason, due_date, revoked_by)
       VALUES ($1, 3000000, 18000000, 'advanceAboveFixedAmount', '確定額 15,000,000円 に対し、概算払で 18,000,000円 をお支払いしています', (now() AT TIME ZONE 'Asia/Tokyo')::date + 30, gen_random_uuid())`,
      [draft.id],
    );
    const [{ today }] = await db.query(`SELECT to_char((now() AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD') AS today`);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    const summary = page.getByTestId('repayment-summary');
    await summary.getByText('概算払の超過', { exact: false }).waitFor();
    await summary.getByText('確定額 15,000,000円 に対し', { exact: false }).waitFor();
    await page.getByTestId('repayment-outstanding').getByText('3,000,000円').waitFor();
    await page.getByLabel('入金日').fill(today);
    await page.getByTestId('repayment-amount').fill('300万');
    await page.getByTestId('record-repayment').click();
    await page.getByTestId('repayment-outstanding').getByText('0円', { exact: true }).waitFor();
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('paid');
    expect(await page.getByTestId('record-repayment').count()).toBe(0);
  });

  it('an application in an open payment batch: the tab names the batch and its 振込指定日, links it, and offers no 交付決定取消', async () => {
    const { round, ...draft } = await withFixedAmount(94, '振込待工業株式会社', 'amountFixed');
    const manager = { Authorization: `Bearer ${(await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD)).token}` };
    await e.t
      .http()
      .post('/api/bank-accounts')
      .set(manager)
      .send({ applicationId: draft.id, bankCode: '0001', branchCode: '123', depositType: '1', accountNumber: '1234567', accountHolderKana: 'ｶ)ﾌﾘｺﾐﾏﾁｺｳｷﾞﾖｳ' })
      .expect(201);
    const transferDate = bankingDay(7, 1);
    await e.t
      .http()
      .post('/api/payment-batches')
      .set(manager)
      .send({ roundId: round.id, transferDate, applicationIds: [draft.id] })
      .expect(201);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    const notice = page.getByTestId('post-award-payment-batch');
    await notice.getByText(`未確定の支払バッチ（振込指定日 ${formatJstDate(transferDate)}）に含まれています`, { exact: false }).waitFor();
    await page.getByTestId('post-award-amounts').getByText('15,000,000円').waitFor();
    expect(await page.getByTestId('revoke-grant').count()).toBe(0);
    // the page's header names the batch where the state changes would be
    const held = page.getByTestId('transitions-held-by-batch');
    await held.getByText(`振込指定日 ${formatJstDate(transferDate)}`, { exact: false }).waitFor();
    expect(await page.getByTestId('transition-buttons').count()).toBe(0);
    expect(await held.getByRole('link', { name: '支払バッチを開く' }).getAttribute('href')).toContain(`payment-batches/`);
    await notice.getByRole('link', { name: '支払バッチを開く' }).click();
    await page.getByTestId('batch-lines').getByText('振込待工業株式会社').waitFor();
  });

  it('lists an overdue 事業化状況報告 for the manager', async () => {
    const round = await openRound(e.t, undefined, 95);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName: '報告遅延株式会社' }));
    await db.query(`UPDATE application SET status = 'commercializationReporting' WHERE id = $1`, [draft.id]);
    await db.query(
      `INSERT INTO commercialization_report (application_id, sequence, due_date) VALUES ($1, 1, (now() AT TIME ZONE 'Asia/Tokyo')::date - 5), ($1, 2, (now() AT TIME ZONE 'Asia/Tokyo')::date + 360)`,
      [draft.id],
    );
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/commercialization-reports`);
    const list = page.getByTestId('commercialization-reports');
    await list.getByText('報告遅延株式会社').waitFor();
    expect(await list.getByText('報告遅延株式会社').count()).toBe(1); // the second report is not due yet
  });
});
