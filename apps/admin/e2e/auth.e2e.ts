import type { Page } from 'playwright-core';
import { DEMO_EMAIL, DEMO_PASSWORD, INITIAL_ADMIN } from '@jimukyoku/api/testing';
import { goToRoute, menuLabels, signIn, startAdminE2e, submitLogin, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/**
 * Signing in, the forced first password change, and what each role sees: the real API on a fresh
 * database serving the built admin, driven in Chromium (browser time zone UTC, so every JST on
 * screen comes from the app, not from the machine).
 */
describe('admin in the browser: sign-in and roles', () => {
  let e: AdminE2e;
  let admin: Page;
  const NEW_ADMIN_PASSWORD = 'Kumo-tsuki-8-hashi-e2e';
  let temporaryPassword = '';

  beforeAll(async () => {
    e = await startAdminE2e('admin_auth');
    admin = await e.newPage();
  });
  afterAll(() => e?.close());

  it('serves the Japanese login page at /admin/', async () => {
    await admin.goto(e.adminUrl);
    await admin.getByRole('heading', { name: '事務局 管理画面にログイン' }).waitFor();
    expect(await admin.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect(admin.title()).resolves.toBe('事務局');
    await admin.locator('input[name="email"]').waitFor();
    await admin.locator('input[name="password"]').waitFor();
    expect(await admin.getByRole('button', { name: 'ログイン' }).isVisible()).toBe(true);
    expect(await admin.getByLabel('メールアドレス').count()).toBeGreaterThan(0);
    await screenshot(admin, 'login');
  });

  it('sends the first admin to the password change, then to the dashboard with ユーザー and 監査ログ', async () => {
    await submitLogin(admin, INITIAL_ADMIN.email, INITIAL_ADMIN.password);
    await admin.waitForURL(/#\/change-password$/);
    await admin.getByTestId('must-change-password').waitFor();
    await admin.locator('input[name="currentPassword"]').fill(INITIAL_ADMIN.password);
    // a password the policy refuses: its problems in Japanese, under the field and in the alert
    await admin.locator('input[name="newPassword"]').fill('password1234');
    await admin.locator('input[name="newPasswordConfirm"]').fill('password1234');
    await admin.getByRole('button', { name: '保存' }).click();
    const refused = admin.getByTestId('change-password-error');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('パスワードが条件を満たしていません。');
    await admin.getByText('よく使われている、または過去に漏えいしたパスワードのため使えません。').last().waitFor();
    expect(await admin.getByText('よく使われている、または過去に漏えいしたパスワードのため使えません。', { exact: true }).count()).toBe(1);
    // an edit takes the refusal away: the problem found next (here the confirmation, checked in the form)
    // is not shown beside a stale one
    await admin.locator('input[name="newPasswordConfirm"]').fill('password12345');
    await refused.waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByText('新しいパスワードが一致しません').waitFor();
    expect(await refused.count()).toBe(0);
    await admin.locator('input[name="newPassword"]').fill('admin-Kj3#mP9q-Xv2wL');
    await admin.locator('input[name="newPasswordConfirm"]').fill('admin-Kj3#mP9q-Xv2wL');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByText('メールアドレス (または @ より前の部分) を含むパスワードは使えません。', { exact: true }).waitFor();
    await screenshot(admin, 'change-password-policy');
    expect(admin.url()).toMatch(/#\/change-password$/);
    await admin.locator('input[name="newPassword"]').fill(NEW_ADMIN_PASSWORD);
    await admin.locator('input[name="newPasswordConfirm"]').fill(NEW_ADMIN_PASSWORD);
    await admin.getByRole('button', { name: '保存' }).click();

    await admin.getByTestId('welcome-card').waitFor();
    await admin.getByText('パスワードを変更しました').waitFor();
    expect(await admin.getByTestId('welcome-name').innerText()).toContain(INITIAL_ADMIN.name);
    const menu = await menuLabels(admin);
    expect(menu).toEqual(expect.arrayContaining(['ダッシュボード', 'ユーザー', '監査ログ']));
    await screenshot(admin, 'admin-dashboard');

    // the old password no longer works, the new one does
    expect((await e.t.http().post('/api/auth/login').send({ email: INITIAL_ADMIN.email, password: INITIAL_ADMIN.password })).status).toBe(401);
    expect((await e.t.http().post('/api/auth/login').send({ email: INITIAL_ADMIN.email, password: NEW_ADMIN_PASSWORD })).status).toBe(200);
  });

  it('lists staff accounts with Japanese role labels and creates one, showing its temporary password once', async () => {
    await admin.getByRole('menuitem', { name: 'ユーザー' }).click();
    await admin.waitForURL(/#\/users/);
    const reviewerRow = admin.locator('tr', { hasText: 'reviewer@jimukyoku.example.jp' });
    await reviewerRow.waitFor();
    expect(await reviewerRow.innerText()).toContain('審査員');
    expect(await reviewerRow.innerText()).toContain('中小企業診断協会');
    await screenshot(admin, 'users-list');

    await admin.getByRole('link', { name: '新規作成' }).click();
    await admin.waitForURL(/#\/users\/create/);
    await admin.locator('input[name="name"]').fill('新人 審査員');
    await admin.locator('input[name="email"]').fill('new.reviewer@example.jp');
    await admin.getByRole('combobox', { name: 'ロール' }).click();
    await admin.getByRole('option', { name: '審査員' }).click();
    await admin.locator('input[name="organisation"]').fill('北海道銀行');
    await admin.getByRole('button', { name: '保存' }).click();

    const dialog = admin.getByRole('dialog', { name: '仮パスワードを発行しました' });
    await dialog.waitFor();
    temporaryPassword = (await admin.getByTestId('temporary-password').innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(await dialog.innerText()).toContain('new.reviewer@example.jp');
    await screenshot(admin, 'users-temporary-password');

    // the password is real: the new reviewer can sign in with it and must change it first
    const login = await e.t.http().post('/api/auth/login').send({ email: 'new.reviewer@example.jp', password: temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);

    await dialog.getByRole('button', { name: '閉じる' }).click();
    await admin.waitForURL(/#\/users$/);
    await admin.locator('tr', { hasText: 'new.reviewer@example.jp' }).waitFor();
    expect(await admin.getByText(temporaryPassword).count()).toBe(0);
  });

  it("shows the API's Japanese message under the field when the e-mail is taken", async () => {
    await goToRoute(admin, e.adminUrl, '/users/create');
    await admin.locator('input[name="name"]').fill('重複 太郎');
    await admin.locator('input[name="email"]').fill('reviewer@jimukyoku.example.jp');
    await admin.getByRole('combobox', { name: 'ロール' }).click();
    await admin.getByRole('option', { name: '審査員' }).click();
    await admin.getByRole('button', { name: '保存' }).click();
    // once in the notification, once under the e-mail input
    await admin.getByText('このメールアドレスは既に登録されています。').first().waitFor();
    expect(await admin.getByText('このメールアドレスは既に登録されています。').count()).toBe(2);
    expect(admin.url()).toMatch(/#\/users\/create$/);
  });

  it('resets a password after a confirmation: a new temporary password shown once, the old one and the sessions end', async () => {
    const before = await e.t.http().post('/api/auth/login').send({ email: 'new.reviewer@example.jp', password: temporaryPassword }).expect(200);
    await goToRoute(admin, e.adminUrl, '/users');
    await admin.locator('tr', { hasText: 'new.reviewer@example.jp' }).click();
    await admin.waitForURL(/#\/users\/[^/]+$/);
    await admin.getByTestId('reset-password-button').click();
    const confirm = admin.getByRole('dialog', { name: '「新人 審査員」のパスワードを再設定' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '確認' }).click();
    const dialog = admin.getByRole('dialog', { name: '仮パスワードを発行しました' });
    await dialog.waitFor();
    const reissued = (await admin.getByTestId('temporary-password').innerText()).trim();
    expect(reissued).not.toBe(temporaryPassword);
    await screenshot(admin, 'users-reset-password');
    await dialog.getByRole('button', { name: '閉じる' }).click();
    // the session from before is over, the old password too; the new one signs in and must be changed
    expect((await e.t.http().get('/api/auth/me').set('Authorization', `Bearer ${before.body.accessToken}`)).status).toBe(401);
    expect((await e.t.http().post('/api/auth/login').send({ email: 'new.reviewer@example.jp', password: temporaryPassword })).status).toBe(401);
    const after = await e.t.http().post('/api/auth/login').send({ email: 'new.reviewer@example.jp', password: reissued }).expect(200);
    expect(after.body.user.mustChangePassword).toBe(true);
    temporaryPassword = reissued;
  });

  it('deactivates an account (DELETE) after a confirmation, and does not offer it on its own', async () => {
    await goToRoute(admin, e.adminUrl, '/users');
    await admin.locator('tr', { hasText: 'new.reviewer@example.jp' }).click();
    await admin.waitForURL(/#\/users\/[^/]+$/);
    await admin.getByRole('button', { name: '無効化' }).click();
    const confirm = admin.getByRole('dialog', { name: '「新人 審査員」を無効化' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '確認' }).click();
    await admin.getByText('ユーザーを無効化しました').waitFor();
    await admin.waitForURL(/#\/users$/);
    // the account stays, inactive: its (correct) temporary password no longer signs in
    const res = await e.t.http().post('/api/auth/login').send({ email: 'new.reviewer@example.jp', password: temporaryPassword });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ACCOUNT_INACTIVE');
    const row = admin.locator('tr', { hasText: 'new.reviewer@example.jp' });
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).opacity)).toBe('0.55');

    // one's own account is not offered for 無効化 (the API refuses it too: apps/api/test/users.e2e.ts)
    await admin.locator('tr', { hasText: INITIAL_ADMIN.email }).click();
    await admin.waitForURL(/#\/users\/[^/]+$/);
    await admin.getByRole('button', { name: '保存' }).waitFor();
    expect(await admin.getByRole('button', { name: '無効化' }).count()).toBe(0);
  });

  it('shows the audit log to the admin with JST times and actors linked to their accounts', async () => {
    await admin.getByRole('menuitem', { name: '監査ログ' }).click();
    await admin.waitForURL(/#\/audit-logs/);
    const created = admin.locator('tr', { hasText: 'ユーザー作成' });
    await created.first().waitFor();
    const row = await created.first().innerText();
    expect(row).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) \d{2}:\d{2}:\d{2}/);
    expect(row).toContain(INITIAL_ADMIN.name);
    await screenshot(admin, 'audit-logs-admin');

    // JST calendar days: today (in Tokyo) up to and including today keeps the rows, up to yesterday has none
    const day = (offsetDays: number) => new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const filterOf = (url: string) => JSON.parse(new URL(url).searchParams.get('filter') ?? '{}');
    await admin.locator('input[name="occurredFrom"]').fill(day(0));
    const request = admin.waitForRequest((r) => r.url().includes('/api/audit-logs?') && 'occurredTo' in filterOf(r.url()));
    await admin.locator('input[name="occurredTo"]').fill(day(0));
    expect(filterOf((await request).url())).toEqual({ occurredFrom: `${day(0)}T00:00:00+09:00`, occurredTo: `${day(1)}T00:00:00+09:00` });
    await created.first().waitFor();
    await admin.locator('input[name="occurredFrom"]').fill(day(-1));
    await admin.locator('input[name="occurredTo"]').fill(day(-1));
    await admin.getByText('現在の絞り込み条件に一致する監査ログはありません。').waitFor();
  });

  describe('other roles', () => {
    let reviewer: Page;
    let auditor: Page;

    beforeAll(async () => {
      reviewer = await e.newPage();
      auditor = await e.newPage();
    });

    it('hides ユーザー and 監査ログ from a reviewer and refuses #/users', async () => {
      await signIn(reviewer, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
      const menu = await menuLabels(reviewer);
      expect(menu).toContain('ダッシュボード');
      expect(menu).not.toContain('ユーザー');
      expect(menu).not.toContain('監査ログ');
      expect(await reviewer.getByTestId('role-label').first().innerText()).toContain('審査員');

      await goToRoute(reviewer, e.adminUrl, '/users');
      await reviewer.getByText('アクセスが拒否されました').first().waitFor();
      expect(await reviewer.locator('tr', { hasText: 'admin@jimukyoku.example.jp' }).count()).toBe(0);
      await screenshot(reviewer, 'reviewer-users-denied');
    });

    it('shows 監査ログ but not ユーザー to an auditor, with actors by the names the audit log answers (accounts are not readable)', async () => {
      await signIn(auditor, e.adminUrl, DEMO_EMAIL.auditor, DEMO_PASSWORD);
      const menu = await menuLabels(auditor);
      expect(menu).toContain('監査ログ');
      expect(menu).not.toContain('ユーザー');

      await auditor.getByRole('menuitem', { name: '監査ログ' }).click();
      await auditor.waitForURL(/#\/audit-logs/);
      const created = auditor.locator('tr', { hasText: 'ユーザー作成' }).first();
      await created.waitFor();
      expect(await created.getByTestId('actor-name').innerText()).toBe(INITIAL_ADMIN.name);
      expect(await created.innerText()).toContain('(管理者)');
      await screenshot(auditor, 'audit-logs-auditor');
    });

    it("shows the API's Japanese message on the login form for a wrong password", async () => {
      const page = await e.newPage();
      await page.goto(e.adminUrl);
      await submitLogin(page, DEMO_EMAIL.manager, 'wrong-password-123');
      const alert = page.getByTestId('login-error');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('メールアドレスまたはパスワードが正しくありません。');
      expect(page.url()).toMatch(/#\/login$/);
      await screenshot(page, 'login-wrong-password');
    });

    it('shows exactly the same message for an e-mail that has no account', async () => {
      const page = await e.newPage();
      await page.goto(e.adminUrl);
      await submitLogin(page, 'no-such-person@jimukyoku.example.jp', 'wrong-password-123');
      const alert = page.getByTestId('login-error');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('メールアドレスまたはパスワードが正しくありません。');
    });
  });
});
