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
 * The application's メモ and 問い合わせ tabs: a manager records a phone call and adds a memo; the
 * assigned reviewer reads the memo and adds one, and sees the 問い合わせ without a form to record one.
 */
describe('admin in the browser: memos and inquiries of an application', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_correspondence');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('lets a manager record an inquiry and a memo, and the assigned reviewer read and add memos', async () => {
    const round = await openRound(e.t, undefined, 95);
    // an inquiry is dated from the round's 公募開始 on (openRound opens it yesterday)
    await db.query(`UPDATE round SET opens_at = '2026-11-01T10:00:00+09:00' WHERE id = $1`, [round.id]);
    const draft = await createDraft(e.t, draftInput(round, await categoryByCode(e.t, round, 'restructuring.standard'), { applicantName: 'メモテスト工業' }));
    await asIntake(e.t, draft.id, 'submit');
    const manager = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await e.t
      .http()
      .post('/api/review-assignments')
      .set({ Authorization: `Bearer ${manager.token}` })
      .send({ applicationId: draft.id, reviewerId: reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/inquiries`);
    const form = page.getByTestId('inquiry-form');
    await form.waitFor();
    // typed as the JST wall clock (the browser runs in UTC)
    await page.getByTestId('inquiry-occurred-at').fill('2026-12-01T10:30:00');
    await page.getByTestId('inquiry-summary').fill('補正期限の確認。メール記載の期限どおりと回答。');
    await form.getByRole('button', { name: '記録する' }).click();
    await page.getByText('問い合わせを記録しました').waitFor();
    const row = page.getByTestId('inquiry').first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/2026年12月1日\(火\) 10:30:00\s+電話\s+受信\s+補正期限の確認/);
    const [stored] = await db.query(`SELECT occurred_at, channel, direction FROM inquiry WHERE application_id = $1`, [draft.id]);
    expect(stored).toMatchObject({ channel: 'phone', direction: 'inbound' });
    expect(new Date(stored.occurred_at).toISOString()).toBe('2026-12-01T01:30:00.000Z');

    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/memos`);
    await page.getByTestId('memo-body').fill('売上台帳の原本を確認予定。');
    await page.getByRole('button', { name: 'メモを追加' }).click();
    await page.getByTestId('memo').getByText('売上台帳の原本を確認予定。').waitFor();
    await screenshot(page, 'application-memos');

    const reviewerPage = await e.newPage();
    await signIn(reviewerPage, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await goToRoute(reviewerPage, e.adminUrl, `/applications/${draft.id}/show/memos`);
    await reviewerPage.getByTestId('memo').getByText('売上台帳の原本を確認予定。').waitFor();
    // an empty memo is asked for in the form, not sent
    await reviewerPage.getByRole('button', { name: 'メモを追加' }).click();
    await reviewerPage.getByText('メモを入力してください').waitFor();
    await reviewerPage.getByTestId('memo-body').fill('押印の有無を要確認');
    await reviewerPage.getByRole('button', { name: 'メモを追加' }).click();
    await reviewerPage.getByTestId('memo').nth(1).getByText('押印の有無を要確認').waitFor();
    await goToRoute(reviewerPage, e.adminUrl, `/applications/${draft.id}/show/inquiries`);
    await reviewerPage.getByTestId('inquiry').first().waitFor();
    expect(await reviewerPage.getByTestId('inquiry-form').count()).toBe(0);
    const memos = await db.query(`SELECT author_id FROM application_memo WHERE application_id = $1 ORDER BY created_at`, [draft.id]);
    expect(memos.map((m: { author_id: string }) => m.author_id)).toEqual([manager.user.id, reviewer.user.id]);
  }, 90_000);
});
