import {
  asIntake,
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
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/**
 * The application's 「口座」 tab (docs/payments.md): a manager registers the payee's bank account typed in
 * 全角, sees the 半角カナ it will be stored as, gets the API's message under the field it refuses, and saves;
 * an auditor reads it without a form; a reviewer has no such tab.
 */
describe('admin in the browser: the payee bank account of an application', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_bank_accounts');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('lets a manager register the account with the API checking each field, and an auditor read it', async () => {
    const round = await openRound(e.t, undefined, 96);
    const draft = await createDraft(e.t, draftInput(round, await categoryByCode(e.t, round, 'restructuring.standard'), { applicantName: '口座テスト商事' }));
    await asIntake(e.t, draft.id, 'submit');

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show`);
    // twelve tabs are wider than the window: the last, 口座, scrolls into reach (it was clipped, the strip fixed)
    const tab = page.getByRole('tab', { name: '口座' });
    await tab.waitFor();
    expect(
      await page
        .locator('.MuiTabs-scroller')
        .first()
        .evaluate((el) => getComputedStyle(el).overflowX),
    ).toBe('auto');
    await tab.click();
    await page.waitForURL(/\/bank-account$/);
    await page.getByText('口座はまだ登録されていません').waitFor();
    await page.getByRole('button', { name: '口座を登録' }).click();
    await page.getByTestId('bank-account-input-bankCode').fill('5');
    await page.getByTestId('bank-account-input-branchCode').fill('００１');
    await page.getByTestId('bank-account-input-accountNumber').fill('12345');
    await page.getByTestId('bank-account-input-accountHolderKana').fill('カ）ヤマダショウジ');
    await page.getByText('保存される名義: ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ').waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    // the API's 422: its message under the field it names
    await page.getByTestId('bank-account-form').getByText('金融機関コードは4桁の数字で入力してください（例: みずほ銀行は 0001）。').waitFor();
    expect(await db.query(`SELECT id FROM bank_account WHERE application_id = $1`, [draft.id])).toEqual([]);

    await page.getByTestId('bank-account-input-bankCode').fill('0005');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('口座を保存しました').waitFor();
    await page.getByTestId('bank-account-accountNumber').getByText('0012345').waitFor();
    expect(await page.getByTestId('bank-account-accountHolderKana').innerText()).toBe('ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ');
    expect(await page.getByTestId('bank-account-depositType').innerText()).toBe('普通（1）');
    await screenshot(page, 'application-bank-account');
    const [stored] = await db.query(`SELECT bank_code, branch_code, account_number, account_holder_kana FROM bank_account WHERE application_id = $1`, [
      draft.id,
    ]);
    expect(stored).toEqual({ bank_code: '0005', branch_code: '001', account_number: '0012345', account_holder_kana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ' });

    const auditor = await e.newPage();
    await signIn(auditor, e.adminUrl, DEMO_EMAIL.auditor, DEMO_PASSWORD);
    await goToRoute(auditor, e.adminUrl, `/applications/${draft.id}/show/bank-account`);
    await auditor.getByTestId('bank-account-accountNumber').getByText('0012345').waitFor();
    expect(await auditor.getByRole('button', { name: '口座を変更' }).count()).toBe(0);

    // a reviewer assigned to the application sees its tabs, but not the account
    const manager = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const assigned = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await e.t
      .http()
      .post('/api/review-assignments')
      .set({ Authorization: `Bearer ${manager.token}` })
      .send({ applicationId: draft.id, reviewerId: assigned.user.id, purpose: 'formalCheck' })
      .expect(201);
    const reviewer = await e.newPage();
    await signIn(reviewer, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await goToRoute(reviewer, e.adminUrl, `/applications/${draft.id}/show`);
    await reviewer.getByRole('tab', { name: '問い合わせ' }).waitFor();
    expect(await reviewer.getByRole('tab', { name: '口座' }).count()).toBe(0);
  }, 90_000);
});
