import {
  asIntake,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  openRound,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import type { Page } from 'playwright-core';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

/**
 * Decisions that are hard to get wrong, in the browser: a manager's single 採択 asks for confirmation
 * with the 類型's 予算 before and after (and, before the 応募締切, for a reason); the simulator's 予算
 * reads 「3億」 as 300,000,000円 and refuses 「三億円くらい」 without asking the API anything; 採択を確定
 * waits for the 応募締切 and warns of overspend and of applications still before the decision; a decided 類型 shows its
 * committed ranking.
 */
describe('admin in the browser: adoption safety', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let round: Round;
  let categoryId: string;
  let page: Page;

  /** An application of the round (20,000,000円), received, put in `status`. */
  const application = async (applicantName: string, receipt: string, status: string) => {
    const draft = await createDraft(e.t, draftInput(round, await categoryByCode(e.t, round, 'restructuring.standard'), { applicantName }));
    await asIntake(e.t, draft.id, 'submit');
    await db.query(`UPDATE application SET receipt_number = $2, received_at = now(), status = $3 WHERE id = $1`, [draft.id, receipt, status]);
    return draft.id;
  };

  beforeAll(async () => {
    e = await startAdminE2e('admin_adoption_safety');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    round = await openRound(e.t, undefined, 95);
    categoryId = (await categoryByCode(e.t, round, 'restructuring.standard')).id;
    await db.query(`UPDATE round_category SET budget = 50000000 WHERE round_id = $1 AND category_id = $2`, [round.id, categoryId]);
    page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => e?.close());

  it('asks a manager to confirm a single 採択 with its effect on the 類型’s budget, and for a reason before the deadline', async () => {
    await application('既採択工業', 'SAFE-0001', 'adopted');
    const id = await application('個別採択精機', 'SAFE-0002', 'reviewed');
    await goToRoute(page, e.adminUrl, `/applications/${id}/show`);
    await page.getByTestId('transition-buttons').getByRole('button', { name: '採択する' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('budget-effect').waitFor();
    expect(await dialog.getByTestId('budget-effect-budget').innerText()).toBe('50,000,000円');
    expect(await dialog.getByTestId('budget-effect-adopted').innerText()).toBe('20,000,000円');
    expect(await dialog.getByTestId('budget-effect-amount').innerText()).toBe('20,000,000円');
    expect(await dialog.getByTestId('budget-effect-remaining').innerText()).toBe('10,000,000円');
    // the round still takes applications: the API would refuse without the manager's reason
    expect(await dialog.getByTestId('override-reason').innerText()).toContain('公募回はまだ受付中です');
    const confirm = dialog.getByTestId('confirm-transition');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('textarea[name="reason"]').fill('事業開始が急がれるため先行して採択');
    await screenshot(page, 'adoption-single-confirm');
    await confirm.click();
    await page.getByText('採択しました').waitFor();

    const [row] = await db.query(`SELECT status FROM application WHERE id = $1`, [id]);
    expect(row.status).toBe('adopted');
    const [audit] = await db.query(`SELECT reason, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.adopt'`, [id]);
    expect(audit.reason).toBe('事業開始が急がれるため先行して採択');
    expect(audit.changes.overridden[0].code).toBe('ROUND_STILL_OPEN');
  }, 60_000);

  it('reads 「3億」 as 300,000,000円 in the simulator, refuses 「三億円くらい」, warns on 採択を確定 and then shows the committed ranking', async () => {
    await application('シミュレーション商事', 'SAFE-0003', 'reviewed');
    await application('要件確認待ち物産', 'SAFE-0004', 'submitted');
    const rankingRequests: URL[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/rounds/${round.id}/ranking`)) rankingRequests.push(new URL(r.url()));
    });
    // the 応募締切 (no grace) comes a few seconds after the page opens
    await db.query(`UPDATE round SET closes_at = now() + interval '6 seconds', grace_minutes = 0 WHERE id = $1`, [round.id]);
    await goToRoute(page, e.adminUrl, `/adoption?roundId=${round.id}&categoryId=${categoryId}`);
    await page.getByTestId('simulation-totals').waitFor();
    // the round still takes applications: a what-if runs, 採択を確定 waits for the 応募締切
    expect(await page.getByTestId('round-still-open').innerText()).toContain('応募締切（');
    expect(await page.getByTestId('commit-decision').isDisabled()).toBe(true);
    await screenshot(page, 'adoption-round-still-open');
    // the 締切 passes while the page stays open: it asks again by itself, no reload (it waited for one)
    await page.getByTestId('round-still-open').waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('simulation-totals').waitFor();

    const budget = page.locator('input[name="budget"]');
    // listened for before typing: the debounced request may answer before the parsed amount is seen
    const ranked = page.waitForResponse((r) => r.url().includes('/ranking?') && new URL(r.url()).searchParams.get('budget') === '300000000');
    await budget.fill('3億');
    await page.getByTestId('budget-parsed').getByText('300,000,000円').waitFor();
    await ranked;
    expect(rankingRequests.at(-1)!.searchParams.get('budget')).toBe('300000000');
    await page.getByTestId('total-adopted').getByText('1件').waitFor();

    const asked = rankingRequests.length;
    await budget.fill('三億円くらい');
    const parsed = page.getByTestId('budget-parsed');
    await parsed.getByText('読めません', { exact: false }).waitFor();
    await page.getByTestId('budget-invalid').waitFor();
    expect(await page.getByTestId('commit-decision').isDisabled()).toBe(true);
    await page.waitForTimeout(800); // past the 300 ms debounce: nothing was asked, certainly not "no limit"
    expect(rankingRequests.length).toBe(asked);
    await screenshot(page, 'adoption-budget-unreadable');

    await budget.fill('3億');
    await page.getByTestId('budget-parsed').getByText('300,000,000円').waitFor();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="commit-decision"]') as HTMLButtonElement | null)?.disabled);
    await page.getByTestId('commit-decision').click();
    const dialog = page.getByRole('dialog');
    // 40,000,000円 already adopted + 20,000,000円 now > 50,000,000円; one application still waits for its 要件確認
    expect(await dialog.getByTestId('warn-overspend').innerText()).toContain('60,000,000円');
    expect(await dialog.getByTestId('warn-overspend').innerText()).toContain('10,000,000円 超えます');
    expect(await dialog.getByTestId('warn-pending').innerText()).toContain('要件確認中の申請が 1件');
    await screenshot(page, 'adoption-commit-warnings');
    await dialog.getByRole('button', { name: '採択を確定' }).click();
    await page.getByText('採択を確定しました').waitFor();

    const committed = page.getByTestId('committed-decision');
    await committed.waitFor();
    expect(await page.getByTestId('committed-summary').innerText()).toContain('予算 300,000,000円');
    await committed.locator('tr', { hasText: 'シミュレーション商事' }).waitFor();
    // nothing awaits a decision any more: no way back to a what-if
    await page.getByTestId('whatif-unavailable').waitFor();
    expect(await page.getByTestId('back-to-whatif').count()).toBe(0);
    await screenshot(page, 'adoption-committed');
  }, 90_000);
});
