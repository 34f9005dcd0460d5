import {
  asIntake,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  type LoggedIn,
  login,
  openRound,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

/**
 * 要件確認 in the browser: the assigned checker answers the checklist item by item on the application (a 適 against the
 * system's 不適 needs its reason, a comment its answer) and completes it with one of the outcomes its workflow offers;
 * an IT導入 交付申請's 適 is recorded for the manager's 交付決定.
 */
describe('admin in the browser: the 要件確認 checklist', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let round: Round;
  let manager: LoggedIn;
  const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

  beforeAll(async () => {
    e = await startAdminE2e('admin_formal_check');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    round = await openRound(e.t, undefined, 91);
    manager = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => e?.close());

  it('lets the assigned reviewer complete the 要件確認 item by item on the application (審査へ)', async () => {
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const draft = await createDraft(e.t, draftInput(round, await categoryByCode(e.t, round, 'restructuring.standard'), { applicantName: '要件テスト工業' }));
    await asIntake(e.t, draft.id, 'submit');
    await db.query(`UPDATE application SET receipt_number = 'REV-0201', received_at = now() WHERE id = $1`, [draft.id]);
    await e.t
      .http()
      .post('/api/review-assignments')
      .set(bearer(manager))
      .send({ applicationId: draft.id, reviewerId: reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/formal-check`);
    const items = page.locator('[data-testid^="check-"]');
    await items.first().waitFor();
    const n = await items.count();
    // the fixture's draft has no sales figures: its stored eligibility fails, and the checklist says which requirement
    const eligibility = page.getByTestId('check-eligibility.requirements');
    await eligibility.getByText('不適の見込み').waitFor();
    await eligibility
      .getByTestId('failed-requirement-salesDecline10pct')
      .getByText('2020年4月以降の連続する6か月間のうち任意の3か月の合計売上高が', { exact: false })
      .waitFor();
    for (let i = 1; i < n; i++) await items.nth(i).getByRole('button', { name: '適', exact: true }).click();
    // 申請済: the page offers to start the 要件確認, which the first save does too
    const start = page.getByRole('button', { name: '要件確認を開始', exact: true });
    await start.waitFor();
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/formal-check')) requests++;
    });
    // a comment on an item answered neither 適 nor 不適 would be dropped: its answer is asked first
    const first = items.nth(0);
    const firstCode = String(await first.getAttribute('data-testid')).slice('check-'.length);
    await first.locator('[data-testid^="comment-"]').fill('決算書の写しを確認した');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await first.getByText('適・不適を選んでください', { exact: true }).waitFor();
    expect(requests).toBe(0);
    await first.getByRole('button', { name: '適', exact: true }).click();
    // 適 against the system's 不適 asks for a reason before anything is sent
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await eligibility.getByText('理由を入力してください').waitFor();
    expect(requests).toBe(0);
    await page.getByTestId('override-reason-eligibility.requirements').fill('売上台帳の写しで10%以上の減少を確認した');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('要件確認を保存しました').waitFor();
    // the page follows the state the save started: no 「要件確認を開始」 left to answer 409 STALE_VERSION
    await start.waitFor({ state: 'detached' });
    const [{ fc }] = await db.query(`SELECT formal_check AS fc FROM application WHERE id = $1`, [draft.id]);
    expect(fc.items.find((x: { code: string }) => x.code === 'eligibility.requirements').overrideReason).toBe('売上台帳の写しで10%以上の減少を確認した');
    expect(fc.items.find((x: { code: string }) => x.code === firstCode).comment).toBe('決算書の写しを確認した');
    await screenshot(page, 'review-formal-check');
    // the subsidy flow's outcomes, labelled by its definition
    const panel = page.getByTestId('formal-check');
    await panel.getByRole('button', { name: '差し戻す', exact: true }).waitFor();
    await panel.getByRole('button', { name: '要件不適合とする', exact: true }).waitFor();
    await panel.getByRole('button', { name: '要件確認を完了（審査へ）', exact: true }).click();
    // completing is asked first, naming the outcome
    const ask = page.getByRole('dialog');
    await ask.getByText('「要件確認を完了（審査へ）」を行いますか？').waitFor();
    await ask.getByRole('button', { name: '要件確認を完了（審査へ）', exact: true }).click();
    await page.getByText('「要件確認を完了（審査へ）」を実行しました').waitFor();
    const [{ status }] = await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]);
    expect(status).toBe('underReview');
  }, 60_000);

  it('offers an IT導入 交付申請’s checker its own outcomes: 適 recorded for the 交付決定, or 差戻し, no 要件不適合', async () => {
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const itRound = await openRound(e.t, 'itIntroduction.r3-sup', 93);
    const draft = await createDraft(
      e.t,
      draftInput(itRound, await categoryByCode(e.t, itRound, 'itIntroduction.digitalBase'), {
        applicantName: '要件テスト会計',
        certifiedAdvisor: null,
        expenses: [{ expenseType: 'software', amount: 600_000, description: '会計ソフト' }],
      }),
    );
    await asIntake(e.t, draft.id, 'applyForGrant');
    await db.query(`UPDATE application SET receipt_number = 'REV-0301', received_at = now() WHERE id = $1`, [draft.id]);
    await e.t
      .http()
      .post('/api/review-assignments')
      .set(bearer(manager))
      .send({ applicationId: draft.id, reviewerId: reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/formal-check`);
    const items = page.locator('[data-testid^="check-"]');
    await items.first().waitFor();
    const panel = page.getByTestId('formal-check');
    await panel.getByRole('button', { name: '差し戻す', exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: '要件不適合とする' }).count()).toBe(0);
    const n = await items.count();
    for (let i = 0; i < n; i++) {
      await items.nth(i).getByRole('button', { name: '適', exact: true }).click();
      const reason = items.nth(i).locator('[data-testid^="override-reason-"]');
      if (await reason.count()) await reason.fill('書面で確認した');
    }
    await panel.getByRole('button', { name: '要件確認を完了（適）', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '要件確認を完了（適）', exact: true }).click();
    await page.getByText('「要件確認を完了（適）」を実行しました').waitFor();
    const [{ status, fc }] = await db.query(`SELECT status, formal_check AS fc FROM application WHERE id = $1`, [draft.id]);
    expect({ status, passed: fc.passed, completed: fc.completed }).toEqual({ status: 'grantApplied', passed: true, completed: true });

    // the manager decides the grant from the application's own expenses, on its 交付・確定 tab
    const managerPage = await e.newPage();
    await signIn(managerPage, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(managerPage, e.adminUrl, `/applications/${draft.id}/show`);
    await managerPage.getByRole('tab', { name: '交付・確定' }).click();
    expect(await managerPage.getByTestId('post-award-none').innerText()).toContain('この申請そのものが交付申請です');
    await managerPage.getByTestId('decide-grant').click();
    await managerPage.getByRole('dialog', { name: '交付決定しますか？' }).getByRole('button', { name: '交付決定する' }).click();
    await managerPage.getByText(/交付を決定しました（交付決定額 [\d,]+円）/).waitFor();
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('grantDecided');
  }, 60_000);
});
