import type { Page } from 'playwright-core';
import { databaseOf, DEMO_EMAIL, INITIAL_ADMIN, loginAdmin, type TestDatabase } from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';

const ADMIN_PASSWORD = 'Sora-umi-9-kawa-e2e-desk';

/**
 * Staff accounts seen from a session that has ended (expired, signed out elsewhere): the API answers 401, the
 * admin goes to the login page, and no success notice claims a change that did not happen (providers/useApi.ts).
 */
describe('admin in the browser: staff accounts', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let admin: Page;
  const notices: string[] = [];

  beforeAll(async () => {
    e = await startAdminE2e('admin_users');
    db = databaseOf(e.t);
    await loginAdmin(e.t, ADMIN_PASSWORD);
    admin = await e.newPage();
    // every notice the page shows, however briefly
    await admin.exposeBinding('__notice', (_source, text: string) => void notices.push(text));
    await admin.addInitScript(() => {
      const seen = new WeakSet<Element>();
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.MuiSnackbarContent-message'))
          if (!seen.has(el) && el.textContent) {
            seen.add(el);
            (window as unknown as { __notice(t: string): void }).__notice(el.textContent);
          }
      }).observe(document, { childList: true, subtree: true });
    });
  }, 60_000);
  afterAll(() => e?.close());

  /** Ends every session of the admin on the server, as a logout elsewhere or an expiry would. */
  const endAdminSessions = () =>
    db.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout' WHERE user_id = (SELECT id FROM staff_user WHERE email = $1)`, [
      INITIAL_ADMIN.email,
    ]);
  /**
   * Opens the auditor's account (signed in as the admin), then ends every session of the admin on the server. The
   * page shows the list's copy of the record at once and fetches the account itself meanwhile; the sessions end
   * only after that answer, or it would be the request answered 401 instead of the one under test.
   */
  const openAuditorThenEndSession = async () => {
    await goToRoute(admin, e.adminUrl, '/users');
    const account = admin.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/users\/[^/?]+$/.test(new URL(r.url()).pathname));
    await admin.locator('tr', { hasText: DEMO_EMAIL.auditor }).click();
    await admin.waitForURL(/#\/users\/[^/]+$/);
    expect((await account).status()).toBe(200);
    await admin.getByRole('button', { name: '無効化' }).waitFor();
    await endAdminSessions();
  };
  /** The login page is back; what the page said meanwhile. */
  const afterLogout = async () => {
    await admin.getByRole('button', { name: 'ログイン' }).waitFor();
    // the success notice came right after the logout, when the made-up answer reached the button
    await admin.waitForTimeout(1000);
    return notices.splice(0).join('\n');
  };

  it('does not offer ロール and 有効 on one’s own account, and says why', async () => {
    await signIn(admin, e.adminUrl, INITIAL_ADMIN.email, ADMIN_PASSWORD);
    await goToRoute(admin, e.adminUrl, '/users');
    await admin.locator('tr', { hasText: INITIAL_ADMIN.email }).click();
    await admin.waitForURL(/#\/users\/[^/]+$/);
    await admin.getByText('ご自身のアカウントのため、ロールと有効は変更できません。').first().waitFor();
    expect(await admin.getByRole('combobox', { name: 'ロール' }).getAttribute('aria-disabled')).toBe('true');
    expect(
      await admin
        .getByRole('switch', { name: '有効' })
        .or(admin.getByRole('checkbox', { name: '有効' }))
        .isDisabled(),
    ).toBe(true);
    // another account's are offered
    await goToRoute(admin, e.adminUrl, '/users');
    await admin.locator('tr', { hasText: DEMO_EMAIL.auditor }).click();
    await admin.waitForURL(/#\/users\/[^/]+$/);
    await admin.getByRole('button', { name: '無効化' }).waitFor();
    expect(await admin.getByRole('combobox', { name: 'ロール' }).getAttribute('aria-disabled')).toBeNull();
    expect(
      await admin
        .getByRole('switch', { name: '有効' })
        .or(admin.getByRole('checkbox', { name: '有効' }))
        .isDisabled(),
    ).toBe(false);
    expect(await admin.getByText('ご自身のアカウントのため').count()).toBe(0);
  }, 60_000);

  it('shows no 「ユーザーを無効化しました」 when the 無効化 was answered 401, and nothing changed', async () => {
    await openAuditorThenEndSession();
    await admin.getByRole('button', { name: '無効化' }).click();
    await admin
      .getByRole('dialog', { name: /を無効化/ })
      .getByRole('button', { name: '確認' })
      .click();
    const said = await afterLogout();
    expect(said).not.toContain('ユーザーを無効化しました');
    const [{ active }] = await db.query(`SELECT active FROM staff_user WHERE email = $1`, [DEMO_EMAIL.auditor]);
    expect(active).toBe(true);
  }, 60_000);

  it('shows no 「更新しました」 when a save was answered 401, stays off a made-up record’s page, and nothing changed', async () => {
    await signIn(admin, e.adminUrl, INITIAL_ADMIN.email, ADMIN_PASSWORD);
    await openAuditorThenEndSession();
    const [{ name: before }] = await db.query(`SELECT name FROM staff_user WHERE email = $1`, [DEMO_EMAIL.auditor]);
    await admin.getByLabel('氏名').fill(`${before}(変更)`);
    await admin.getByRole('button', { name: '保存' }).click();
    const said = await afterLogout();
    expect(said).not.toContain('更新しました');
    expect(admin.url()).not.toContain('undefined');
    const [{ name: after }] = await db.query(`SELECT name FROM staff_user WHERE email = $1`, [DEMO_EMAIL.auditor]);
    expect(after).toBe(before);
  }, 60_000);
});
