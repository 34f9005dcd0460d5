import type { Page } from 'playwright-core';
import {
  asIntake,
  assign,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  login,
  openRound,
  seedNotificationTemplates,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Codes that must never reach the screen: 業種, 経費区分, states, transitions, audit actions, templates. */
const RAW_CODES =
  /\b(retail|manufacturing|wholesale|machinery|building|draft|submitted|formalCheck|underReview|startFormalCheck|received|application\.[A-Za-z]+|auth\.[A-Za-z]+|assignment\.[A-Za-z]+|restructuring\.[A-Za-z]+|staffUser|applicationAssignment)\b/;

/** The visible text of the page's main area. */
const mainText = (page: Page) => page.locator('#main-content').innerText();

/** Fails with the offending text when the page shows a UUID or a raw code. */
async function expectPlainJapanese(page: Page, what: string) {
  const text = await mainText(page);
  expect({ what, uuid: text.match(UUID)?.[0] ?? null, code: text.match(RAW_CODES)?.[0] ?? null }).toEqual({ what, uuid: null, code: null });
}

/**
 * Plain Japanese instead of codes and UUIDs, in the browser: an application's 業種 and 経費区分, its
 * reviewers and history by name; the main lists; the 割当 list's 受付番号 on every row (past the 25th,
 * which react-admin's getMany used to leave blank); notifications by template name and 申請; the audit
 * log as the auditor (who cannot read accounts) with names, actions and states in Japanese; round
 * pickers that name the programme. A row of the 割当ボード or of 審査基準 opens, for the auditor (who may read them
 * but not edit), a page they may read and in names, not the edit form's 「アクセスが拒否されました」.
 */
describe('admin in the browser: names, not codes', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let round: Round;
  let manager: Page;
  let auditor: Page;
  let reviewerName: string;
  let reviewerId: string;
  const ids: string[] = [];
  let shown: string;

  beforeAll(async () => {
    e = await startAdminE2e('admin_plain_japanese');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    await seedNotificationTemplates(e.t);
    round = await openRound(e.t);
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    reviewerId = reviewer.user.id;
    reviewerName = (await db.query(`SELECT name FROM staff_user WHERE id = $1`, [reviewerId]))[0].name;
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    for (let i = 1; i <= 30; i++) {
      const overrides =
        i === 1
          ? {
              applicantName: '（株）小売テスト',
              industry: 'retail' as const,
              expenses: [{ expenseType: 'building', amount: 20_000_000, description: '店舗の改装' }],
            }
          : { applicantName: `株式会社割当テスト${i}` };
      const draft = await createDraft(e.t, draftInput(round, category, overrides));
      await asIntake(e.t, draft.id, 'submit');
      await db.query(`UPDATE application SET receipt_number = $2, received_at = now() WHERE id = $1`, [draft.id, `PJ-${String(i).padStart(4, '0')}`]);
      await assign(e.t, draft.id, reviewer.user.id);
      ids.push(draft.id);
    }
    shown = ids[0]!;
    // the reviewer starts the 要件確認: an audit record with a staff actor and a state change
    await e.t
      .http()
      .post(`/api/applications/${shown}/transitions/startFormalCheck`)
      .set({ Authorization: `Bearer ${reviewer.token}` })
      .send({})
      .expect(200);
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    auditor = await e.newPage();
    await signIn(auditor, e.adminUrl, DEMO_EMAIL.auditor, DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => e?.close());

  it('the application page shows 業種 and 経費区分 by name', async () => {
    await goToRoute(manager, e.adminUrl, `/applications/${shown}/show`);
    await manager.getByText('小売業').waitFor();
    await manager.getByTestId('expenses').getByText('建物費').waitFor();
    await expectPlainJapanese(manager, 'application content');
    // the page fits the window: its twelve tabs scroll instead of widening it past 一覧 and the amount
    expect(await manager.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])).toEqual([1366, 1366]);
    await screenshot(manager, 'plain-japanese-application');
    await goToRoute(manager, e.adminUrl, `/applications/${shown}/show/quote`);
    await manager.getByTestId('quote-explanation').waitFor();
    await expectPlainJapanese(manager, 'application quote');
  });

  it('its history and its reviewers by name, the transition by its label', async () => {
    await goToRoute(manager, e.adminUrl, `/applications/${shown}/show/timeline`);
    const timeline = manager.getByTestId('timeline');
    await timeline.getByText('要件確認を開始').waitFor();
    await timeline.getByText('申請する').waitFor();
    await timeline.getByText(reviewerName, { exact: false }).waitFor();
    await expectPlainJapanese(manager, 'application timeline');
    await goToRoute(manager, e.adminUrl, `/applications/${shown}/show/assignments`);
    await manager.getByTestId('assignments').getByText(reviewerName).waitFor();
    // each assignment says what it is for (a 要件確認 and a 書面審査 of one reviewer are two rows)
    await manager.getByTestId('assignments').getByRole('cell', { name: '書面審査' }).waitFor();
    await expectPlainJapanese(manager, 'application assignments');
  });

  it('the applications list, and its round picker names the programme', async () => {
    await goToRoute(manager, e.adminUrl, '/applications');
    await manager.getByText('PJ-0030').waitFor();
    await expectPlainJapanese(manager, 'applications list');
    await manager.getByRole('combobox', { name: '公募回' }).click();
    await manager.getByRole('option', { name: `事業再構築補助金 ${round.name}` }).click();
    // the 類型 filter then offers the round's 類型 only
    const offered = (
      await db.query(`SELECT c.name FROM round_category rc JOIN category c ON c.id = rc.category_id WHERE rc.round_id = $1 ORDER BY c.code`, [round.id])
    ).map((r: { name: string }) => r.name);
    const [{ n: allCategories }] = await db.query(`SELECT count(*)::int AS n FROM category`);
    expect(offered.length).toBeLessThan(allCategories);
    await manager.getByRole('combobox', { name: '類型' }).click();
    await manager.getByRole('option', { name: offered[0] }).first().waitFor();
    const options = async () =>
      (await manager.getByRole('option').allInnerTexts())
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .sort();
    const until = Date.now() + 5_000;
    while (Date.now() < until && JSON.stringify(await options()) !== JSON.stringify([...offered].sort())) await manager.waitForTimeout(100);
    expect(await options()).toEqual([...offered].sort());
    await manager.keyboard.press('Escape');
  });

  it('the 割当 list shows the 受付番号 of every row, the 26th to the 30th too', async () => {
    await goToRoute(manager, e.adminUrl, '/review-assignments');
    const rows = manager.locator('.RaDatagrid-tbody tr');
    await rows.nth(29).waitFor();
    // each 受付番号 comes from the applications the list looks up by id (getMany), one cell per row
    for (let i = 1; i <= 30; i++) await manager.getByText(`PJ-${String(i).padStart(4, '0')}`, { exact: true }).waitFor();
    await expectPlainJapanese(manager, 'assignments list');
  });

  it('notifications by template name, and the 申請 of one as 受付番号 and 事業者名', async () => {
    const [n] = await db.query(`SELECT id FROM notification WHERE application_id = $1 AND template = 'received'`, [shown]);
    expect(n).toBeDefined();
    await goToRoute(manager, e.adminUrl, '/notifications');
    await manager.getByTestId('notifications').getByText('受付').first().waitFor();
    await manager.getByTestId('notifications').getByText('PJ-0001 （株）小売テスト').waitFor();
    await expectPlainJapanese(manager, 'notifications list');
    await goToRoute(manager, e.adminUrl, `/notifications/${n.id}/show`);
    await manager.getByTestId('notification-application').getByText('PJ-0001 （株）小売テスト').waitFor();
    // the application's own mail tab names each mail too
    await goToRoute(manager, e.adminUrl, `/applications/${shown}/show/notifications`);
    await manager.getByTestId('application-notifications').getByRole('cell', { name: '受付', exact: true }).waitFor();
    await expectPlainJapanese(manager, 'application notifications');
  });

  it.each([['/rounds'], ['/reviewers'], ['/review-rubrics'], ['/conflicts-of-interest'], ['/categories']])(
    'the %s list shows names, not codes',
    async (route) => {
      await goToRoute(manager, e.adminUrl, route);
      await manager.locator('#main-content table tbody tr, #main-content .RaEmpty-message').first().waitFor();
      await manager.waitForLoadState('networkidle');
      await expectPlainJapanese(manager, route);
    },
  );

  it('the auditor opens a reviewer of the 割当ボード and a 審査基準 to pages they may read, a manager to the edit forms', async () => {
    const ofRound = `filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`;
    const denied = () => auditor.getByText('アクセスが拒否されました').count();
    // the reviewer's row: their assignments of the board's round, in the 割当 list
    await goToRoute(auditor, e.adminUrl, `/reviewers?${ofRound}`);
    await auditor.getByTestId('assignment-board').locator('tr', { hasText: reviewerName }).click();
    await auditor.waitForURL(/#\/review-assignments\?/);
    const filter = JSON.parse(new URLSearchParams(new URL(auditor.url()).hash.split('?')[1]).get('filter') ?? '{}');
    expect(filter).toEqual({ reviewerId, roundId: round.id });
    await auditor.getByTestId('review-assignments').getByText('PJ-0030').waitFor();
    expect(await denied()).toBe(0);
    await expectPlainJapanese(auditor, 'a reviewer’s assignments (auditor)');
    // a 審査基準's row: its criteria, read only
    await goToRoute(auditor, e.adminUrl, `/review-rubrics?${ofRound}`);
    await auditor.getByTestId('review-rubrics').locator('tbody tr').first().click();
    await auditor.waitForURL(/#\/review-rubrics\/[^/]+\/show$/);
    await auditor.getByTestId('rubric-criteria').locator('tbody tr').first().waitFor();
    expect(await denied()).toBe(0);
    expect(await auditor.getByRole('link', { name: '編集' }).count()).toBe(0);
    await expectPlainJapanese(auditor, 'rubric (auditor)');
    await screenshot(auditor, 'review-rubric-auditor');
    // whoever may change them still opens the edit forms
    await goToRoute(manager, e.adminUrl, `/reviewers?${ofRound}`);
    await manager.getByTestId('assignment-board').locator('tr', { hasText: reviewerName }).click();
    await manager.waitForURL(new RegExp(`#/reviewers/${reviewerId}$`));
    await goToRoute(manager, e.adminUrl, `/review-rubrics?${ofRound}`);
    await manager.getByTestId('review-rubrics').locator('tbody tr').first().click();
    await manager.waitForURL(/#\/review-rubrics\/[^/]+$/);
  });

  it('the auditor reads the audit log in names: actor, action, state change and record', async () => {
    await goToRoute(auditor, e.adminUrl, '/audit-logs');
    const row = auditor.locator('.RaDatagrid-tbody tr', { hasText: '要件確認を開始' });
    await row.first().waitFor();
    const text = await row.first().innerText();
    expect(text).toContain(reviewerName);
    expect(text).toContain('PJ-0001 （株）小売テスト');
    expect(text).toMatch(/申請済.*→.*要件確認/);
    await expectPlainJapanese(auditor, 'audit log (auditor)');
    await screenshot(auditor, 'plain-japanese-audit-log');
    // the record itself reads in names too; what was recorded (ids included) waits behind 技術情報
    await row.first().click();
    await auditor.getByTestId('audit-technical').waitFor();
    await auditor.getByText(reviewerName, { exact: false }).first().waitFor();
    await expectPlainJapanese(auditor, 'audit record (auditor)');
    await auditor.getByTestId('audit-technical').getByText('技術情報', { exact: false }).click();
    await auditor.getByTestId('audit-technical').getByText('リクエストID', { exact: true }).waitFor();
    await goToRoute(auditor, e.adminUrl, `/applications/${shown}/show/timeline`);
    await auditor.getByTestId('timeline').getByText(reviewerName, { exact: false }).waitFor();
    await auditor.getByTestId('timeline').getByText('申請する').waitFor();
    await expectPlainJapanese(auditor, 'application timeline (auditor)');
  });
});
