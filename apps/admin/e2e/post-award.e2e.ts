import {
  bankingDay,
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

/**
 * The application page's 「交付・確定」 tab (docs/post-award.md): the amounts the API computes by the rules, and
 * the inspector's 確定検査 and the manager's 額の確定 from it. A reduction without its reason is refused with the
 * API's Japanese message; nothing is typed but the accepted amounts and the reasons. The 交付決定 and the 額の確定
 * each ask for confirmation first, saying what will happen; cancelled, nothing is sent.
 */
describe('admin in the browser: 確定検査 and 額の確定', () => {
  let e: AdminE2e;
  let db: TestDatabase;

  beforeAll(async () => {
    e = await startAdminE2e('admin_post_award');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
  }, 60_000);
  afterAll(() => e?.close());

  it('moves a round with no application to the workflow’s second version from the round’s edit form', async () => {
    const round = await openRound(e.t, undefined, 98);
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/rounds/${round.id}`);
    await page.getByRole('combobox', { name: 'ワークフローの版' }).click();
    await page.getByRole('option', { name: /^第2版/ }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/rounds\/[^/]+\/show$/);
    expect((await db.query(`SELECT workflow_version FROM round WHERE id = $1`, [round.id]))[0].workflow_version).toBe(2);
  });

  it('records a paper application’s 交付申請 from the tab, then decides the grant: the amounts come from the API', async () => {
    const round = await openRound(e.t, undefined, 99);
    await db.query(`UPDATE round SET workflow_version = 2 WHERE id = $1`, [round.id]);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName: '紙の交付申請株式会社' }));
    // a fixture: adopted, the 採択発表 made (the API's journey walks there: apps/api/test/post-award.e2e.ts)
    await db.query(`UPDATE application SET status = 'adopted' WHERE id = $1`, [draft.id]);
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    await page.getByTestId('post-award-none').getByText('交付申請はまだありません', { exact: false }).waitFor();
    await page.getByTestId('paper-filing').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '届出' }).click();
    await page.getByRole('option', { name: '交付申請' }).click();
    await page.getByTestId('paper-filing-expense-0').fill('2,400万');
    await dialog.getByLabel('その他').check();
    await page.getByTestId('paper-filing-note').fill('5月10日 簡易書留で交付申請書を受領');
    await page.getByTestId('confirm-paper-filing').click();
    await page.getByText('交付申請を記録しました').waitFor();
    const [filed] = await db.query(
      `SELECT a.status, g.requested_amount::float8 AS requested FROM application a JOIN grant_amount g ON g.application_id = a.id WHERE a.id = $1`,
      [draft.id],
    );
    expect(filed.status).toBe('grantApplied');
    expect(filed.requested).toBeGreaterThan(0);

    // the 交付決定 fixes an amount and mails the applicant: a click only asks, and キャンセル leaves all as it was
    let sent = 0;
    page.on('request', (r) => {
      if (r.url().includes('/grant-decision')) sent++;
    });
    await page.getByTestId('decide-grant').click();
    const confirm = page.getByRole('dialog', { name: '交付決定しますか？' });
    await confirm.getByText('経費から交付決定額を算定して交付決定します。申請者に交付決定額が通知されます。').waitFor();
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(sent).toBe(0);
    const [kept] = await db.query(`SELECT a.status, g.grant_amount FROM application a JOIN grant_amount g ON g.application_id = a.id WHERE a.id = $1`, [
      draft.id,
    ]);
    expect(kept).toEqual({ status: 'grantApplied', grant_amount: null });

    await page.getByTestId('decide-grant').click();
    await confirm.getByRole('button', { name: '交付決定する' }).click();
    await page.getByText(/交付を決定しました（交付決定額 [\d,]+円）/).waitFor();
    expect(sent).toBe(1);
    const [decided] = await db.query(`SELECT grant_amount::float8 AS g FROM grant_amount WHERE application_id = $1`, [draft.id]);
    expect(decided.g).toBe(filed.requested);
    await page.getByTestId('post-award-filings').getByText('5月10日 簡易書留で交付申請書を受領', { exact: false }).waitFor();
  });

  it('records the 確定検査 with one expense reduced and its reason, then fixes the amount', async () => {
    const round = await openRound(e.t, undefined, 97);
    await db.query(`UPDATE round SET workflow_version = 2 WHERE id = $1`, [round.id]);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName: '確定検査工業株式会社' }));
    // a fixture: the application in 確定検査 with its 交付決定額 and 実績報告 (the API's journey is apps/api/test/post-award.e2e.ts)
    await db.query(`UPDATE application SET status = 'finalInspection', quoted_amount = 20000000 WHERE id = $1`, [draft.id]);
    const expenses = [
      { expenseType: 'machinery', amount: 24_000_000, description: '5軸加工機' },
      // filed without a description: named by its 経費区分, never its code
      { expenseType: 'expert', amount: 3_000_000 },
    ];
    await db.query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount, grant_amount, grant_decided_at, actual_expenses)
       VALUES ($1, 20000000, $2::jsonb, '{}'::jsonb, 18000000, 18000000, now(), $2::jsonb)`,
      [draft.id, JSON.stringify(expenses)],
    );

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    const amounts = page.getByTestId('post-award-amounts');
    await amounts.getByText('18,000,000円').first().waitFor();
    expect(await amounts.innerText()).toMatch(/採択額\s+20,000,000円/);
    expect(await page.getByTestId('fix-amount').count()).toBe(0); // the 額の確定 waits for the 確定検査

    await page.getByLabel('認める額 2').fill('150万');
    await page.getByTestId('record-inspection').click();
    await page.getByText(/経費明細 2（専門家経費）を .+に減額する理由を記載してください/).waitFor();
    await page.getByTestId('post-award-inspection').getByRole('cell', { name: '専門家経費', exact: true }).waitFor();
    expect(await page.getByText('expert', { exact: true }).count()).toBe(0);
    expect((await db.query(`SELECT inspection FROM grant_amount WHERE application_id = $1`, [draft.id]))[0].inspection).toBeNull();

    await page.getByLabel('減額の理由 2').fill('交付決定前に発注した分を除外');
    await page.getByTestId('record-inspection').click();
    await page.getByText('確定検査を記録しました').waitFor();
    await screenshot(page, 'post-award-inspection');
    await page.getByTestId('fix-amount').click();
    const confirm = page.getByRole('dialog', { name: '額を確定しますか？' });
    await confirm.getByText('確定検査で認めた額から確定額を算定して額を確定します（交付決定額が上限）。申請者に確定額が通知されます。').waitFor();
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('finalInspection');
    await confirm.getByRole('button', { name: '額を確定する' }).click();
    await page.getByText(/額を確定しました（確定額 [\d,]+円）/).waitFor();
    const [row] = await db.query(`SELECT fixed_amount::float8 AS fixed, inspection FROM grant_amount WHERE application_id = $1`, [draft.id]);
    expect(row.inspection[1]).toMatchObject({ reported: 3_000_000, accepted: 1_500_000, reason: '交付決定前に発注した分を除外' });
    expect(row.fixed).toBeGreaterThan(0);
    expect(row.fixed).toBeLessThanOrEqual(18_000_000);
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('amountFixed');
  });

  it('fixes the amount of a project paid more in advance: the 納期限 of the excess is set on the tab and claimed with it', async () => {
    const round = await openRound(e.t, undefined, 91);
    await db.query(`UPDATE round SET workflow_version = 2 WHERE id = $1`, [round.id]);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName: '概算超過精機株式会社' }));
    // a fixture: in 確定検査, half of its one expense accepted, the whole 交付決定額 paid in advance by a confirmed batch
    // (the API's journey is apps/api/test/advance-payments.e2e.ts)
    await db.query(`UPDATE application SET status = 'finalInspection', quoted_amount = 20000000 WHERE id = $1`, [draft.id]);
    const expenses = [{ expenseType: 'machinery', amount: 24_000_000, description: '5軸加工機' }];
    await db.query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount, grant_amount, grant_decided_at, actual_expenses, inspection)
       VALUES ($1, 20000000, $2::jsonb, '{}'::jsonb, 18000000, 18000000, now(), $2::jsonb, $3::jsonb)`,
      [draft.id, JSON.stringify(expenses), JSON.stringify([{ index: 0, reported: 24_000_000, accepted: 12_000_000, reason: '兼用設備のため按分' }])],
    );
    const [{ id: managerId }] = await db.query(`SELECT id FROM staff_user WHERE email = $1`, [DEMO_EMAIL.manager]);
    const [batch] = await db.query(
      `INSERT INTO payment_batch (round_id, status, transfer_date, requester, total_count, total_amount, created_by, paid_on, confirmed_by, confirmed_at)
       VALUES ($1, 'paid', current_date, '{}'::jsonb, 1, 18000000, $2, current_date, $2, now()) RETURNING id`,
      [round.id, managerId],
    );
    await db.query(
      `INSERT INTO payment_batch_line (batch_id, position, application_id, amount, bank_code, branch_code, deposit_type, account_number, account_holder_kana, open, kind)
       VALUES ($1, 1, $2, 18000000, '0001', '123', '1', '1234567', 'ｶ)ｶﾞｲｻﾝﾁﾖｳｶｾｲｷ', false, 'advance')`,
      [batch.id, draft.id],
    );
    // a day the applicant can pay at a bank, as the 納期限 must be
    const due = bankingDay(20, 1);

    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    await page.getByTestId('excess-due-date').fill(due);
    await page.getByTestId('fix-amount').click();
    // paid in advance: the dialog says the excess may be claimed back too
    const confirm = page.getByRole('dialog', { name: '額を確定しますか？' });
    await confirm.getByText('確定額が概算払の支払済額を下回るときは、その差額の返還も求めます。', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: '額を確定する' }).click();
    await page.getByText(/額を確定しました（確定額 [\d,]+円）/).waitFor();
    await page.getByTestId('repayment-summary').getByText('概算払の超過', { exact: false }).waitFor();
    const [claim] = await db.query(`SELECT amount::float8 AS amount, to_char(due_date, 'YYYY-MM-DD') AS due FROM repayment_claim WHERE application_id = $1`, [
      draft.id,
    ]);
    const [{ fixed }] = await db.query(`SELECT fixed_amount::float8 AS fixed FROM grant_amount WHERE application_id = $1`, [draft.id]);
    expect(claim).toEqual({ amount: 18_000_000 - fixed, due });
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [draft.id]))[0].status).toBe('advanceExcessClaimed');
  });

  it('says an application on the workflow’s first version keeps no amounts, rather than that no 交付申請 came', async () => {
    const round = await openRound(e.t, undefined, 96);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName: '旧版の交付決定株式会社' }));
    // a fixture: v1 decides a grant by the bare transition (the API's post-award.e2e.ts walks v1 there)
    await db.query(`UPDATE application SET status = 'grantDecided' WHERE id = $1`, [draft.id]);
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${draft.id}/show/post-award`);
    await page.getByTestId('post-award-none').getByText('交付決定額・確定額を規則から算定して記録しません', { exact: false }).waitFor();
    expect(await page.getByText('交付申請はまだありません', { exact: false }).count()).toBe(0);
  });
});
