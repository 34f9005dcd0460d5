import {
  asIntake,
  categoryByCode,
  closeRound,
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
 * 書面審査と採択 in the browser: a reviewer scores an application from 担当する審査 and submits it;
 * a manager simulates the adoption of a round whose applications are reviewed, moves the cut-off with
 * the budget, commits, and the applications end as 採択 / 補欠 / 不採択.
 */
describe('admin in the browser: review queue, scoring form and the adoption simulator', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  /** one round per test, so the reviewer's application is not in the simulator's ranking */
  let round: Round;
  let simRound: Round;
  let categoryId: string;
  let manager: LoggedIn;
  let reviewer2: LoggedIn;
  const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

  /** An application of the round, received and 審査中 (the 要件確認 is not what these tests are about). */
  const underReview = async (r: Round, applicantName: string, receipt: string) => {
    const draft = await createDraft(e.t, draftInput(r, await categoryByCode(e.t, r, 'restructuring.standard'), { applicantName }));
    await asIntake(e.t, draft.id, 'submit');
    await db.query(`UPDATE application SET receipt_number = $2, received_at = now(), status = 'underReview' WHERE id = $1`, [draft.id, receipt]);
    return draft.id;
  };

  /** A manual assignment through the API, as the 割当ボード would make it. */
  const assign = async (applicationId: string, reviewerId: string) => {
    const res = await e.t.http().post('/api/review-assignments').set(bearer(manager)).send({ applicationId, reviewerId, purpose: 'review' });
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    return res.body.id as string;
  };

  beforeAll(async () => {
    e = await startAdminE2e('admin_review');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    round = await openRound(e.t, undefined, 91);
    simRound = await openRound(e.t, undefined, 92);
    categoryId = (await categoryByCode(e.t, simRound, 'restructuring.standard')).id;
    manager = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    reviewer2 = await login(e.t, 'reviewer2@jimukyoku.example.jp', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => e?.close());

  it('lets a reviewer score an application from 担当する審査 and submit it (提出済)', async () => {
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const id = await underReview(round, '株式会社かえで精機', 'REV-0001');
    await assign(id, reviewer.user.id);
    // a second open sheet, due later: 「次の申請へ」 leads there
    const second = await underReview(await openRound(e.t, undefined, 93), '株式会社もみじ工業', 'REV-0002');
    const secondSheet = await assign(second, reviewer.user.id);
    await db.query(`UPDATE application_assignment SET due_at = now() + interval '30 days' WHERE id = $1`, [secondSheet]);
    // one whose 審査期限 passed unsubmitted: marked 期限超過 in the list
    const late = await underReview(await openRound(e.t, undefined, 95), '株式会社いちょう工業', 'REV-0003');
    const lateSheet = await assign(late, reviewer.user.id);
    await db.query(`UPDATE application_assignment SET due_at = now() - interval '2 days' WHERE id = $1`, [lateSheet]);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '担当する審査' }).click();
    await page.waitForURL(/#\/score-sheets/);
    const row = page.locator('tr', { hasText: '株式会社かえで精機' });
    await row.waitFor();
    expect(await row.getByTestId('score-status').innerText()).toBe('未着手');
    expect(await row.getByTestId('assignment-state').innerText()).toBe('未提出');
    expect(await page.locator('tr', { hasText: '株式会社いちょう工業' }).getByTestId('assignment-state').innerText()).toBe('期限超過');
    await row.click();

    await page.getByTestId('score-sheet').waitFor();
    await page.getByText('EV部品の新分野展開').waitFor();
    const criteria = page.locator('[data-testid^="criterion-"]');
    await criteria.first().waitFor();
    const n = await criteria.count();
    expect(n).toBeGreaterThan(0);
    // the running weighted total follows the scores as they are typed
    const before = await page.getByTestId('running-total').innerText();
    expect(before).toMatch(/^0\.0 \/ /);
    // the whole plan is on the sheet (expenses too) and the total says it leaves out 加点
    await page.getByTestId('plan-expenses').getByText('加工機').waitFor();
    expect(await page.getByTestId('total-bonus-note').innerText()).toContain('含みません');
    // a score off the item's scale is flagged in the form, and nothing is sent
    let sent = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/score-sheets/') && r.method() !== 'GET') sent++;
    });
    const first = criteria.first();
    const max = Number((await first.locator('label').first().innerText()).match(/0〜(\d+)/)![1]);
    await first.locator('input[name^="scores."]').fill(String(max + 2));
    await first.getByText(`0〜${max}の整数で入力してください`, { exact: false }).waitFor();
    expect(await first.locator('input[name^="scores."]').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: '下書き保存' }).click();
    // the refusal is said in the action bar, beside the buttons and over none of them (a notification
    // at the bottom of the page covered 下書き保存 and 提出 while the pointer rested on it)
    const refusal = page.getByTestId('sheet-refusal');
    await refusal.getByText(`0〜${max}の整数で入力してください`, { exact: false }).waitFor();
    expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
    await page.getByRole('button', { name: '提出', exact: true }).click({ trial: true, timeout: 2_000 });
    await first.locator('input[name^="scores."]').fill('3.5');
    await first.getByText(`0〜${max}の整数で入力してください`, { exact: false }).waitFor();
    // an edit takes the refusal away until the next 下書き保存 or 提出 says what is still wrong
    await refusal.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '下書き保存' }).click();
    await refusal.waitFor();
    expect(sent).toBe(0);
    // the typed 3.5 is not saved: leaving asks first; staying keeps it, 破棄して移動 goes on
    await page.getByTestId('next-sheet').click();
    const unsaved = page.getByTestId('unsaved-dialog');
    await unsaved.getByText('保存していない入力があります').waitFor();
    await unsaved.getByRole('button', { name: 'このページに残る' }).click();
    await unsaved.waitFor({ state: 'hidden' });
    expect(await first.locator('input[name^="scores."]').inputValue()).toBe('3.5');
    await page.getByTestId('next-sheet').click();
    await unsaved.getByRole('button', { name: '破棄して移動' }).click();
    await page.waitForURL(new RegExp(`#/score-sheets/${secondSheet}`));
    await page.getByTestId('score-sheet').getByText('株式会社もみじ工業').first().waitFor();
    await page.goBack();
    await page.getByTestId('score-sheet').getByText('株式会社かえで精機').first().waitFor();
    await criteria.first().waitFor();
    for (let i = 0; i < n; i++) {
      await criteria.nth(i).locator('input[name^="scores."]').fill('3');
      await criteria
        .nth(i)
        .locator('textarea[name^="comments."]')
        .first()
        .fill(`項目${i + 1}の所見`);
    }
    expect(await page.getByTestId('running-total').innerText()).not.toBe(before);
    await page.locator('textarea[name="overallComment"]').first().fill('計画は具体的で実現可能性が高い');
    await page.getByRole('button', { name: '下書き保存' }).click();
    await page.getByText('下書きを保存しました').waitFor();
    await screenshot(page, 'review-score-sheet');
    // the message is at the top of the window: 提出 can be clicked while it is still shown (it covered the button)
    expect(await page.locator('.MuiSnackbar-anchorOriginTopCenter').count()).toBe(1);
    await page.getByRole('button', { name: '提出', exact: true }).click({ trial: true, timeout: 2_000 });

    await page.getByRole('button', { name: '提出', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提出', exact: true }).click();
    await page.getByText('採点を提出しました').waitFor();
    await page.waitForURL(/#\/score-sheets($|\?)/);
    // the queue shows what is still to do; the submitted sheet is under 提出済
    await page.locator('tr', { hasText: '株式会社かえで精機' }).waitFor({ state: 'detached' });
    await goToRoute(page, e.adminUrl, `/score-sheets?filter=${encodeURIComponent(JSON.stringify({ state: 'submitted' }))}`);
    await page.locator('tr', { hasText: '株式会社かえで精機' }).getByTestId('score-status').getByText('提出済').waitFor();

    const [sheet] = await db.query(`SELECT status, total::float8 AS total FROM review_score WHERE application_id = $1`, [id]);
    expect(sheet.status).toBe('submitted');
    expect(sheet.total).toBeGreaterThan(0);
  }, 60_000);

  it('shows a reviewer the 審査 tab only once their sheet is submitted, and says why before, without a refused request', async () => {
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const other = reviewer2;
    // a round of its own: the 割当ボード's auto-assignment below counts the shared round's applications
    const tabRound = await openRound(e.t, undefined, 94);
    const open = await underReview(tabRound, '株式会社採点前', 'REV-0301');
    await assign(open, reviewer.user.id);
    const submitted = await underReview(tabRound, '株式会社採点済', 'REV-0302');
    const sheetId = await assign(submitted, reviewer.user.id);
    const sheet = await e.t.http().get(`/api/score-sheets/${sheetId}`).set(bearer(reviewer)).expect(200);
    const scores = Object.fromEntries(sheet.body.rubric.criteria.map((c: { code: string; maxScore: number }) => [c.code, c.maxScore]));
    await e.t.http().post(`/api/score-sheets/${sheetId}/submit`).set(bearer(reviewer)).send({ scores }).expect(200);
    // the reviewer checked its 要件確認 (and so may open it), another reviewer scores it
    const notMine = await underReview(tabRound, '株式会社担当外', 'REV-0303');
    await assign(notMine, other.user.id);
    await db.query(`INSERT INTO application_assignment (application_id, reviewer_id, purpose, submitted_at) VALUES ($1, $2, 'formalCheck', now())`, [
      notMine,
      reviewer.user.id,
    ]);

    const page = await e.newPage();
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/reviews') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
    });
    await signIn(page, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${open}/show/reviews`);
    await page.getByTestId('reviews-hidden').getByText('自分の採点を提出すると、他の審査員の採点を見られます。').waitFor();
    await goToRoute(page, e.adminUrl, `/applications/${notMine}/show/reviews`);
    await page.getByTestId('reviews-hidden').getByText('この申請の書面審査の担当ではない', { exact: false }).waitFor();
    await goToRoute(page, e.adminUrl, `/applications/${submitted}/show/reviews`);
    await page.getByTestId('reviews').waitFor();
    expect(refused).toEqual([]);
  }, 60_000);

  it('lets a manager move the cut-off with the budget, commit, and see 採択 / 補欠 / 不採択', async () => {
    // five reviewed applications with distinct scores (one reviewer each, so each submission completes the review)
    const names = ['採択テスト一号', '採択テスト二号', '採択テスト三号', '採択テスト四号', '採択テスト五号'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const id = await underReview(simRound, name, `SIM-000${i + 1}`);
      const sheetId = await assign(id, reviewer2.user.id);
      const sheet = await e.t.http().get(`/api/score-sheets/${sheetId}`).set(bearer(reviewer2)).expect(200);
      const scores = Object.fromEntries(sheet.body.rubric.criteria.map((c: { code: string; maxScore: number }) => [c.code, Math.max(0, c.maxScore - i)]));
      await e.t.http().post(`/api/score-sheets/${sheetId}/submit`).set(bearer(reviewer2)).send({ scores }).expect(200);
      ids.push(id);
    }
    await closeRound(e.t, simRound); // the decision comes after the 応募締切
    const amounts: number[] = (await db.query(`SELECT quoted_amount::bigint AS q FROM application WHERE id = ANY($1) ORDER BY receipt_number`, [ids])).map(
      (r: { q: string }) => Number(r.q),
    );
    const twoFit = amounts[0]! + amounts[1]!;
    const threeFit = twoFit + amounts[2]!;

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'シミュレーター' }).click();
    await page.waitForURL(/#\/adoption/);
    // from the round's page to its simulator
    await goToRoute(page, e.adminUrl, `/rounds/${simRound.id}/show`);
    await page.getByRole('link', { name: '採択シミュレーター' }).click();
    await page.waitForURL(new RegExp(`#/adoption\\?roundId=${simRound.id}`));
    await goToRoute(page, e.adminUrl, `/adoption?roundId=${simRound.id}&categoryId=${categoryId}`);
    await page.getByTestId('simulation-totals').waitFor();

    const budget = page.locator('input[name="budget"]');
    const waitlist = page.locator('input[name="waitlistCount"]');
    await waitlist.fill('1');
    await budget.fill(String(twoFit));
    await page.getByTestId('total-adopted').getByText('2件').waitFor();
    expect(await page.getByTestId('total-waitlisted').innerText()).toBe('1件');
    expect(await page.getByTestId('cutoff').innerText()).toContain('2位');
    expect(await page.getByTestId('cutoff-line').getAttribute('data-rank')).toBe('2');

    await budget.fill(String(threeFit));
    await page.getByTestId('total-adopted').getByText('3件').waitFor();
    expect(await page.getByTestId('cutoff').innerText()).toContain('3位');
    expect(await page.getByTestId('adoption-rate').innerText()).toBe('60%');
    await budget.blur();
    expect(await budget.inputValue()).toBe(threeFit.toLocaleString('ja-JP'));
    expect(await page.getByTestId('tie-break').innerText()).toContain('合計点');
    await screenshot(page, 'review-simulator');

    await page.getByTestId('commit-decision').click();
    await page.getByRole('dialog').getByText('採択 3件、補欠 1件、不採択 1件').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '採択を確定' }).click();
    await page.getByText('採択を確定しました').waitFor();
    await page.getByTestId('decisions').waitFor();

    const statuses: string[] = (await db.query(`SELECT status FROM application WHERE id = ANY($1) ORDER BY receipt_number`, [ids])).map(
      (r: { status: string }) => r.status,
    );
    expect(statuses).toEqual(['adopted', 'adopted', 'adopted', 'waitlisted', 'rejected']);

    await page.getByRole('menuitem', { name: '申請' }).click();
    await page.waitForURL(/#\/applications/);
    const label = (name: string) => page.locator('tr', { hasText: name }).getByTestId('application-status').innerText();
    await page.locator('tr', { hasText: '採択テスト五号' }).waitFor();
    expect(await label('採択テスト一号')).toBe('採択（交付候補者）');
    expect(await label('採択テスト四号')).toBe('補欠');
    expect(await label('採択テスト五号')).toBe('不採択');
  }, 90_000);
  it('shows a manager the load per reviewer on the 割当ボード and auto-assigns a round with the result', async () => {
    await underReview(round, '割当テスト商事', 'REV-0101');
    await underReview(round, '割当テスト物産', 'REV-0102');
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '割当ボード' }).click();
    await page.waitForURL(/#\/reviewers/);
    await goToRoute(page, e.adminUrl, `/reviewers?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`);
    await page.getByTestId('assignment-board').locator('tr', { hasText: '佐藤 花子' }).getByTestId('reviewer-load').waitFor();
    // the page size selector shows the board's 100 (it was blank: 100 was not among the sizes offered)
    expect(await page.getByRole('combobox', { name: /表示件数/ }).innerText()).toBe('100');

    await page.getByTestId('auto-assign').click();
    await page.getByRole('dialog').getByRole('button', { name: '割り当てる' }).click();
    const result = page.getByTestId('auto-assign-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('2件の申請に6件を割り当てました');
    await screenshot(page, 'review-assignment-board');
    await page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM application_assignment x JOIN application a ON a.id = x.application_id WHERE a.round_id = $1 AND x.revoked_at IS NULL AND x.submitted_at IS NULL`,
      [round.id],
    );
    expect(n).toBe(6);
  }, 60_000);
  it("puts each round on the manager's dashboard and a reviewer's open work on theirs", async () => {
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const card = page.locator(`[data-testid="round-pipeline"][data-round="${simRound.id}"]`);
    await card.waitFor();
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE round_id = $1 AND status = 'adopted'`, [simRound.id]);
    // the state's bar, labelled by GET /api/workflows, links to the round's list of that state
    const adopted = card.locator(`[data-testid="state-bar"][aria-label="採択（交付候補者） ${n}"]`);
    expect(decodeURIComponent((await adopted.getAttribute('href'))!)).toBe(`#/applications?filter={"roundId":"${simRound.id}","status":["adopted"]}`);
    await screenshot(page, 'dashboard-manager');
    await card.getByRole('link', { name: '採択シミュレーター' }).click();
    await page.waitForURL(new RegExp(`#/adoption\\?roundId=${simRound.id}`));

    const reviewerPage = await e.newPage();
    await signIn(reviewerPage, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await reviewerPage.getByTestId('my-review-work').waitFor();
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const open = await e.t
      .http()
      .get('/api/score-sheets')
      .query({ filter: JSON.stringify({ state: 'open' }) })
      .set(bearer(reviewer))
      .expect(200);
    const total = Number(String(open.headers['content-range']).split('/')[1]);
    await reviewerPage.getByTestId('my-open-sheets').getByText(`未提出の採点: ${total}件`).waitFor();
    expect(await reviewerPage.getByTestId('round-pipelines').count()).toBe(0);
  }, 60_000);

  it("lets a manager change a frozen rubric's review settings (its criteria stay read-only) and a reviewer declare a conflict", async () => {
    const [rubric] = await db.query(`SELECT id FROM review_rubric WHERE round_id = $1 AND frozen_at IS NOT NULL`, [simRound.id]);
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/review-rubrics/${rubric.id}`);
    await page.getByTestId('rubric-frozen-note').waitFor();
    expect(await page.locator('input[name="criteria.0.label"]').isDisabled()).toBe(true);
    await page.locator('input[name="reviewersPerApplication"]').fill('4');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('更新しました').waitFor();
    const [after] = await db.query(`SELECT reviewers_per_application, version FROM review_rubric WHERE id = $1`, [rubric.id]);
    expect(after.reviewers_per_application).toBe(4);

    const reviewerPage = await e.newPage();
    await signIn(reviewerPage, e.adminUrl, 'reviewer2@jimukyoku.example.jp', DEMO_PASSWORD);
    await goToRoute(reviewerPage, e.adminUrl, '/conflicts-of-interest/create');
    await reviewerPage.locator('input[name="value"]').waitFor();
    await reviewerPage.getByRole('combobox').filter({ hasText: '法人番号' }).click();
    await reviewerPage.getByRole('option', { name: '組織名' }).click();
    await reviewerPage.locator('input[name="value"]').fill('かえで精機グループ');
    await reviewerPage.getByRole('button', { name: '保存' }).click();
    await reviewerPage.waitForURL(/#\/conflicts-of-interest($|\?)/);
    await reviewerPage.getByText('かえで精機グループ').waitFor();
    const [declared] = await db.query(`SELECT reviewer_id, kind FROM conflict_of_interest WHERE value = 'かえで精機グループ'`);
    expect(declared).toEqual({ reviewer_id: reviewer2.user.id, kind: 'organisation' });
  }, 60_000);
});
