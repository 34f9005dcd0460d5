import type { Page } from 'playwright-core';
import { databaseOf, DEMO_EMAIL, DEMO_PASSWORD } from '@jimukyoku/api/testing';
import { signIn, startAdminE2e, type AdminE2e } from './admin-app';

/** 通知: 送信の進捗 kept live, a failed message in the list with its Japanese status, the text as sent, and a manager's 再送 to a corrected address. */
describe('admin in the browser: notifications', () => {
  let e: AdminE2e;
  let manager: Page;
  let id: string;

  beforeAll(async () => {
    e = await startAdminE2e('admin_notifications');
    const rows = (await databaseOf(e.t).query(
      `INSERT INTO notification (template, recipient, status, subject, body_text, last_error) VALUES ('received','a@example.jp','failed','件名','本文の一行目\n二行目','550 mailbox unavailable') RETURNING id`,
    )) as { id: string }[];
    id = rows[0]!.id;
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => e?.close());

  it('shows 送信の進捗 above the list and follows it live (polling) while mail goes out', async () => {
    await manager.getByRole('menuitem', { name: '通知' }).click();
    await manager.waitForURL(/#\/notifications/);
    const progress = manager.getByTestId('notification-progress');
    await progress.waitFor();
    expect(await progress.getByTestId('progress-problems').innerText()).toBe('1');
    expect(await progress.getByTestId('progress-sent').innerText()).toBe('0');
    // two more go out while the page is open: the counts move without a reload
    await databaseOf(e.t).query(
      `INSERT INTO notification (template, recipient, status, subject, body_text) VALUES ('received','s1@example.jp','sent','件名','本文'), ('received','s2@example.jp','sent','件名','本文')`,
    );
    await manager.waitForFunction(() => document.querySelector('[data-testid="progress-sent"]')?.textContent === '2', undefined, { timeout: 10_000 });
    expect(await progress.getByTestId('progress-summary').innerText()).toBe('送信済 2 / 3件 (66%)');
  });

  it('lists the failed message as 失敗 and shows its text as sent', async () => {
    const row = manager.locator('tr', { hasText: 'a@example.jp' });
    await row.waitFor();
    expect(await row.getByTestId('notification-status').innerText()).toBe('失敗');
    expect(await row.innerText()).toContain('件名');

    await row.click();
    await manager.waitForURL(new RegExp(`#/notifications/${id}/show`));
    expect(await manager.getByTestId('notification-body').innerText()).toBe('本文の一行目\n二行目');
    expect(await manager.getByTestId('notification-last-error').innerText()).toContain('550 mailbox unavailable');
  });

  it('lets a manager resend to a corrected address and opens the new notification', async () => {
    await manager.getByTestId('resend-button').click();
    await manager.getByRole('dialog').locator('input[name="recipient"]').fill('b@example.jp');
    await manager.getByRole('dialog').getByRole('button', { name: '再送' }).click();
    await manager.getByText('再送を登録しました').waitFor();
    await manager.waitForURL((url) => /#\/notifications\/[^/]+\/show/.test(url.hash) && !url.hash.includes(id));
    await manager.getByText('b@example.jp').first().waitFor();
  });

  it('lets a manager record a 要確認 message as delivered, with the evidence, without resending it', async () => {
    const [uncertain] = (await databaseOf(e.t).query(
      `INSERT INTO notification (template, recipient, status, subject, body_text, last_error) VALUES ('received','unsure@example.jp','uncertain','件名','本文','送信済みか不明です。確認のうえ再送してください。') RETURNING id`,
    )) as { id: string }[];
    await manager.goto(`${e.adminUrl}#/notifications/${uncertain!.id}/show`);
    await manager.getByTestId('confirm-delivered-button').click();
    await manager.getByRole('dialog').locator('textarea[name="note"]').fill('中継サーバーのログで配信を確認');
    await manager.getByRole('dialog').getByRole('button', { name: '配信を確認済みにする' }).click();
    await manager.getByText('送信済みとして記録しました').waitFor();
    await manager.getByTestId('notification-status').getByText('送信済').waitFor();
    expect(await manager.getByTestId('confirm-delivered-button').count()).toBe(0);
  });
});
