import {
  asIntake,
  asRole,
  bankingDay,
  transferDateHasCome,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  benefitDraftInput,
  login,
  openRound,
  recordFormalCheck,
  seedNotificationTemplates,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { formatJstDate } from '@jimukyoku/domain';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/**
 * 支払バッチ in the browser (docs/payments.md "Payment batches"): a manager opens a batch of 給付決定 applications,
 * sees the transfers and the application left out for want of an account, and confirms the bank's transfer in
 * the dialog; the applications become 振込完了.
 */
describe('admin in the browser: a payment batch confirmed', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_payment_batches');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    await seedNotificationTemplates(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('shows the transfers and the excluded application, and confirms with the bank’s 振込日', async () => {
    const round = await openRound(e.t, 'recoveryBenefit.r3-sup', 97);
    const category = await categoryByCode(e.t, round, 'recoveryBenefit.benefit');
    const decided = async (applicantName: string) => {
      const draft = await createDraft(e.t, benefitDraftInput(round, category, { applicantName }));
      await asIntake(e.t, draft.id, 'confirmPreCheck');
      await asIntake(e.t, draft.id, 'submit');
      await recordFormalCheck(e.t, draft.id, true);
      await asRole(e.t, draft.id, 'startReview', 'system');
      await asRole(e.t, draft.id, 'decideBenefit', 'manager');
      return draft.id;
    };
    const paid = await decided('株式会社すずらん食堂');
    const left = await decided('株式会社ひまわり商店');
    const manager = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const auth = { Authorization: `Bearer ${manager.token}` };
    await e.t
      .http()
      .post('/api/bank-accounts')
      .set(auth)
      .send({
        applicationId: paid,
        bankCode: '0009',
        branchCode: '123',
        depositType: '1',
        accountNumber: '7654321',
        accountHolderKana: 'カ）スズランシヨクドウ',
      })
      .expect(201);
    const batch = await e.t
      .http()
      .post('/api/payment-batches')
      .set(auth)
      .send({ roundId: round.id, transferDate: bankingDay(7, 1) })
      .expect(201);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    // a new batch's 公募回 is picked by programme and round (a round's own name, 「第2回公募」, is not unique)
    const [{ program }] = await db.query(`SELECT p.name AS program FROM round r JOIN program p ON p.id = r.program_id WHERE r.id = $1`, [round.id]);
    await goToRoute(page, e.adminUrl, '/payment-batches/create');
    await page.getByRole('combobox', { name: '公募回' }).click();
    await page.getByRole('option', { name: `${program} ${round.name}` }).waitFor();
    // MUI's own texts in Japanese too: a search that finds nothing said 「No options」
    await page.getByRole('combobox', { name: '公募回' }).fill('存在しない公募回');
    await page.getByText('データがありません').waitFor();
    // the programme's name finds its rounds (the search looked at the round's own name and code only)
    await page.getByRole('combobox', { name: '公募回' }).fill(program);
    await page.getByRole('option', { name: `${program} ${round.name}` }).waitFor();
    await goToRoute(page, e.adminUrl, `/payment-batches/${batch.body.id}/show`);
    await page.getByTestId('batch-lines').getByText('株式会社すずらん食堂').waitFor();
    await page.getByTestId('batch-lines').getByText('ｶ)ｽｽﾞﾗﾝｼﾖｸﾄﾞｳ').waitFor();
    await page
      .getByTestId('batch-excluded')
      .getByText(/株式会社ひまわり商店.*口座が登録されていません/)
      .waitFor();
    expect(await page.getByTestId('batch-status').innerText()).toBe('未確定');
    // the 振込指定日, a day in Japan, reads as the instants beside it do (it showed YYYY-MM-DD)
    await page.locator(`time[datetime="${bankingDay(7, 1)}"]`, { hasText: formatJstDate(bankingDay(7, 1)) }).waitFor();
    await page.getByTestId('zengin-download').waitFor();
    // before its 振込指定日 the bank has not transferred: 振込を確定 is not offered, and the page says until when
    await page
      .getByTestId('batch-confirm-not-yet')
      .getByText(`この支払バッチの振込指定日は${formatJstDate(bankingDay(7, 1))}です。`)
      .waitFor();
    expect(await page.getByTestId('batch-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'payment-batch');
    // an open batch's file downloads at once
    const [openFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('zengin-download').click()]);
    expect(openFile.suggestedFilename()).toBe(`furikomi-${bankingDay(7, 1).replaceAll('-', '')}.txt`);

    // the 振込指定日 has come: the bank's transfer is confirmed from that day on
    await transferDateHasCome(e.t, batch.body.id, bankingDay(-1, -1));
    await page.reload();
    await page.getByTestId('batch-status').getByText('未確定').waitFor();
    expect(await page.getByTestId('batch-confirm-not-yet').count()).toBe(0);
    await page.getByTestId('batch-confirm').click();
    await page.getByTestId('paid-on').fill(bankingDay(-1, -1));
    await page.getByTestId('batch-confirm-submit').click();
    await page.getByText('振込を確定しました').waitFor();
    await page.getByTestId('batch-status').getByText('支払済').waitFor();
    // a paid batch's file has been at the bank: it is offered as a copy only, after a warning
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('zengin-download').click();
    await page
      .getByTestId('paid-file-warning')
      .getByText(/二重振込/)
      .waitFor();
    await page.getByRole('button', { name: 'キャンセル' }).click();
    await page.getByTestId('paid-file-warning').waitFor({ state: 'detached' });
    expect(downloads).toBe(0);
    await page.getByTestId('zengin-download').click();
    const [paidFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('paid-file-download').click()]);
    expect(paidFile.suggestedFilename()).toMatch(/^furikomi-\d{8}\.txt$/);
    const rows = await db.query(`SELECT id, status FROM application WHERE id = ANY($1) ORDER BY applicant_name`, [[paid, left]]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({ [paid]: 'transferred', [left]: 'benefitDecided' });
    // a 給付金 ends at its 振込: its application page has no 交付・確定 tab, and keeps its 口座 tab
    await goToRoute(page, e.adminUrl, `/applications/${paid}/show`);
    await page.getByRole('tab', { name: '口座' }).waitFor();
    // (shown while the round's workflow loads, then gone: wait for it to go)
    await page.getByRole('tab', { name: '交付・確定' }).waitFor({ state: 'detached' });
  }, 90_000);
});
