import {
  asIntake,
  assign,
  categoryByCode,
  corporateNumber,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  openRound,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/**
 * The application page of a 回復・再生応援枠 application awaiting its decision, whose company was paid in an
 * earlier round for the same machine: the 「申請履歴」 panel shows the earlier 採択 and its flags, and the
 * manager moves the application to 通常枠 with 「別の類型で再審査」 (docs/reconsideration.md).
 */
describe('admin in the browser: 申請履歴 and 別の類型で再審査', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_reconsideration_history');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('shows the applicant history with its flags, and reconsiders the application in 通常枠 after a confirmation', async () => {
    const cn = corporateNumber();
    const machine = [{ expenseType: 'machinery', amount: 30_000_000, description: '5軸マシニングセンタ' }];
    const earlierRound = await openRound(e.t, undefined, 94);
    const earlier = await createDraft(
      e.t,
      draftInput(earlierRound, await categoryByCode(e.t, earlierRound, 'restructuring.standard'), {
        corporateNumber: cn,
        applicantName: '履歴精機株式会社',
        expenses: machine,
      }),
    );
    await asIntake(e.t, earlier.id, 'submit');
    await db.query(`UPDATE application SET status = 'paid', receipt_number = 'RES94-00000001' WHERE id = $1`, [earlier.id]);
    const round = await openRound(e.t, undefined, 95);
    const app = await createDraft(
      e.t,
      draftInput(round, await categoryByCode(e.t, round, 'restructuring.recovery'), {
        corporateNumber: cn,
        applicantName: '履歴精機株式会社',
        expenses: machine,
      }),
    );
    await asIntake(e.t, app.id, 'submit');
    // 書面審査 complete (apps/api/test/review-scoring.e2e.ts drives it)
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${app.id}/show`);
    const panel = page.getByTestId('applicant-history');
    await panel.getByText('申請履歴').waitFor();
    await panel.getByTestId('history-entry').first().waitFor();
    const entry = await panel.getByTestId('history-entry').first().innerText();
    expect(entry).toContain('RES94-00000001');
    expect(entry).toContain('支払済');
    expect(entry).toContain('採択');
    expect(entry).toContain('20,000,000円');
    const flags = await panel.getByTestId('history-flags').innerText();
    expect(flags).toContain('重複する事業');
    expect(flags).toContain('5軸マシニングセンタ');

    await page.getByTestId('reconsider-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('回復・再生応援枠').first().waitFor();
    const confirm = page.getByTestId('confirm-reconsider');
    // the only target is chosen; nothing is sent without a reason
    expect(await dialog.getByLabel('通常枠').isChecked()).toBe(true);
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('回復・再生応援枠の採択ラインに届かないため、通常枠で再審査する');
    await screenshot(page, 'reconsideration');
    await confirm.click();
    await page.getByText('「通常枠」で再審査します').waitFor();
    await page.getByTestId('reconsidered-from').waitFor();
    expect(await page.getByTestId('reconsidered-from').innerText()).toContain('回復・再生応援枠');
    const [stored] = await db.query(`SELECT c.code, a.status FROM application a JOIN category c ON c.id = a.category_id WHERE a.id = $1`, [app.id]);
    expect(stored).toEqual({ code: 'restructuring.standard', status: 'reviewed' });
    // moved once: no target is left, so no button
    expect(await page.getByTestId('reconsider-button').count()).toBe(0);

    // the reviewer scoring it is told too, on the 採点票
    const [reviewer] = await db.query(`SELECT id FROM staff_user WHERE email = $1`, [DEMO_EMAIL.reviewer]);
    await db.query(`UPDATE application SET status = 'underReview' WHERE id = $1`, [app.id]);
    await assign(e.t, app.id, reviewer.id);
    const [sheet] = await db.query(`SELECT id FROM application_assignment WHERE application_id = $1 AND reviewer_id = $2`, [app.id, reviewer.id]);
    const reviewerPage = await e.newPage();
    await signIn(reviewerPage, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await goToRoute(reviewerPage, e.adminUrl, `/score-sheets/${sheet.id}`);
    await reviewerPage.getByTestId('history-flag').first().waitFor();
    expect(await reviewerPage.getByTestId('history-flags').innerText()).toContain('5軸マシニングセンタ');
  });
});
