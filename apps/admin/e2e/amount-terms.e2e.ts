import {
  asIntake,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  benefitDraftInput,
  draftInput,
  openRound,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';

/**
 * Each flow's words for its amounts (`amountTerms` of its workflow definition; README "事業復活支援金",
 * docs/post-award.md "IT導入補助金"): the application page and the 申請 list say 交付申請額 or 給付額（見込み） where the
 * flow is not a 補助金 with a 採択, never 補助金額; and a round's page offers only the steps its flow has.
 */
describe('admin in the browser: amounts in each programme’s words', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_amount_terms');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('names an IT導入 application’s amounts in its programme’s words: 交付申請額 and 交付決定額, no 採択額', async () => {
    const round = await openRound(e.t, 'itIntroduction.r3-sup', 97);
    const category = await categoryByCode(e.t, round, 'itIntroduction.digitalBase');
    const draft = await createDraft(
      e.t,
      draftInput(round, category, {
        applicantName: 'IT導入の用語株式会社',
        expenses: [{ expenseType: 'software', amount: 2_000_000, description: '受発注ソフト' }],
      }),
    );
    // a fixture: its 交付決定 recorded (the API's journey walks there: apps/api/test/it-subsidy-post-award.e2e.ts)
    await db.query(`UPDATE application SET status = 'grantDecided' WHERE id = $1`, [draft.id]);
    await db.query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount, grant_amount, grant_decided_at)
       VALUES ($1, 1388888, '[]', '{}', 1388888, 1388888, now())`,
      [draft.id],
    );
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show`);
    await page.getByTestId('header-amount-term').getByText('交付申請額', { exact: true }).waitFor();
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/quote`);
    await page
      .getByTestId('quote-amount')
      .getByText(/^交付申請額: /)
      .waitFor();
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    const amounts = page.getByTestId('post-award-amounts');
    await amounts.getByText('交付決定額').waitFor();
    expect(await amounts.locator('th').allInnerTexts()).toEqual(['交付申請額', '交付決定額', '確定額']);
    await page.getByText('交付決定額は交付申請額を、確定額は交付決定額を超えません。').waitFor();
    expect(await page.getByText('補助金額').count()).toBe(0);
  }, 60_000);

  it('names a 給付金’s amount 給付額（見込み）, on its page and in the list of its round; across rounds 見込み額', async () => {
    const round = await openRound(e.t, 'recoveryBenefit.r3-sup', 97);
    const category = await categoryByCode(e.t, round, 'recoveryBenefit.benefit');
    const draft = await createDraft(e.t, benefitDraftInput(round, category, { applicantName: '給付の用語株式会社' }));
    await asIntake(e.t, draft.id, 'confirmPreCheck');
    await asIntake(e.t, draft.id, 'submit');
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show`);
    await page.getByTestId('header-amount-term').getByText('給付額（見込み）', { exact: true }).waitFor();
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/quote`);
    // 基準期間 5,000,000 − 対象月 500,000 × 5 = 2,500,000, within the 法人 ≤1億 cap of 1,000,000 at ▲50%
    await page.getByTestId('quote-amount').getByText('給付額（見込み）: 1,000,000円').waitFor();
    expect(await page.getByText('補助金額').count()).toBe(0);

    await goToRoute(page, e.adminUrl, '/applications');
    await page.getByTestId('quoted-amount-header').getByText('見込み額', { exact: true }).waitFor();
    await goToRoute(page, e.adminUrl, `/applications?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`);
    await page.getByTestId('quoted-amount-header').getByText('給付額（見込み）', { exact: true }).waitFor();
    await page.locator('tr', { hasText: '給付の用語株式会社' }).getByText('1,000,000').waitFor();
  }, 60_000);

  it('shows a 給付金 round no 採択発表, no 概算払 and no 採択予定件数, which its flow does not have; a 補助金 round all three', async () => {
    const benefit = await openRound(e.t, 'recoveryBenefit.r3-sup', 96);
    const subsidy = await openRound(e.t, undefined, 96);
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    for (const route of [`/rounds/${subsidy.id}/show`, `/rounds/${subsidy.id}`]) {
      await goToRoute(page, e.adminUrl, route);
      await page.getByText('採択発表 (期間の始め)').first().waitFor();
      await page.getByText('概算払を認める').first().waitFor();
      await page.getByText('採択予定件数').first().waitFor();
    }
    for (const route of [`/rounds/${benefit.id}/show`, `/rounds/${benefit.id}`]) {
      await goToRoute(page, e.adminUrl, route);
      // the round is drawn (its flow's name); the fields stand while its definition loads, then go
      await page.getByText('給付金（事業復活支援金）').first().waitFor();
      await page.getByText('公募する類型').first().waitFor();
      await page.getByText('採択発表').first().waitFor({ state: 'detached' });
      await page.getByText('概算払').first().waitFor({ state: 'detached' });
      await page.getByText('採択予定件数').first().waitFor({ state: 'detached' });
      expect(await page.getByText(/採択発表|概算払|採択予定件数/).count()).toBe(0);
    }
  }, 60_000);
});
