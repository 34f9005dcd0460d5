import {
  asIntake,
  asRole,
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
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/** Sales fell 20% in 2020-04..09 against 2019: the 10% decline requirement holds. */
const DECLINING_SALES = ['04', '05', '06', '07', '08', '09'].flatMap((m) => [
  { month: `2019-${m}`, amount: 10_000_000 },
  { month: `2020-${m}`, amount: 8_000_000 },
]);

/**
 * A paper application (no intake channel) returned for 補正: the manager records what came by post as
 * its resubmission from the application page; a corrected application the rules refuse is explained in
 * the dialog and nothing changes.
 */
describe('admin in the browser: a 補正 received on paper', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_paper_resubmission');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('records the corrected figures, the documents and a note as the resubmission', async () => {
    const round = await openRound(e.t, undefined, 96);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName: '紙補正工業株式会社', monthlySales: DECLINING_SALES }));
    await asIntake(e.t, draft.id, 'submit');
    await asRole(e.t, draft.id, 'startFormalCheck', 'system');
    await asRole(e.t, draft.id, 'returnForCorrection', 'reviewer', '見積書の金額を確認してください');

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show`);
    await page.getByTestId('paper-resubmission').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('紙で届いた補正を再提出として記録').waitFor();
    const confirm = page.getByTestId('confirm-paper-resubmission');
    // nothing is sent before a document and a note are given
    expect(await confirm.isDisabled()).toBe(true);

    // an amount the rules refuse (below the 補助下限額): the API's Japanese message, nothing stored
    await page.getByTestId('paper-expense-0').fill('100万');
    await dialog.getByLabel('事業計画書').check();
    await page.getByTestId('paper-note').fill('12月1日 簡易書留で受領');
    await confirm.click();
    const error = page.getByTestId('paper-resubmission-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/下限/);
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('returned');

    await page.getByTestId('paper-expense-0').fill('2,400万');
    await screenshot(page, 'paper-resubmission');
    await confirm.click();
    await page.getByText('補正を再提出として記録しました').waitFor();
    const [stored] = await db.query(`SELECT status, quoted_amount, expenses FROM application WHERE id = $1`, [draft.id]);
    expect(stored.status).toBe('resubmitted');
    expect(stored.quoted_amount).toBe('16000000');
    expect(stored.expenses[0].amount).toBe(24_000_000);
    const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.resubmit'`, [draft.id]);
    expect(audit.changes).toMatchObject({ documentsOnPaper: ['businessPlan'], note: '12月1日 簡易書留で受領' });
    // the button is gone once the application no longer waits on its applicant
    await page.getByTestId('application-header').getByText('再提出').first().waitFor();
    expect(await page.getByTestId('paper-resubmission').count()).toBe(0);
  });
});
