import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openRound, seedStaff, startTestApp, type TestApp, type TestConfigOverrides } from '@jimukyoku/api/testing';
import { assertAdminBuilt, launchBrowser } from './browser';

/** A 公募回 as the test kit's openRound makes it. */
export type Round = Awaited<ReturnType<typeof openRound>>;

/**
 * One e2e file's world: the real API (with the built admin at /admin) on a fresh database with the
 * staff seed, and one Chromium. Each signed-in person gets a browser context of their own (own
 * cookies, own in-memory token) whose page the file's tests reuse.
 */
export interface AdminE2e {
  t: TestApp;
  browser: Browser;
  adminUrl: string;
  /** a fresh context and page (nobody signed in) */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startAdminE2e(label: string, overrides?: TestConfigOverrides): Promise<AdminE2e> {
  assertAdminBuilt();
  const t = await startTestApp({ label, listen: true, overrides });
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    await seedStaff(t);
    browser = await launchBrowser();
  } catch (error) {
    await t.close();
    throw error;
  }
  const b = browser;
  return {
    t,
    browser: b,
    adminUrl: `${t.baseUrl}/admin/`,
    async newPage() {
      const context = await b.newContext({ locale: 'ja-JP', timezoneId: 'UTC', viewport: { width: 1366, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await b.close().catch(() => undefined);
      await t.close();
    },
  };
}

/** Fills the login form and submits it (no waiting for the outcome). */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** Opens the admin, signs in and waits for the dashboard. */
export async function signIn(page: Page, adminUrl: string, email: string, password: string) {
  await page.goto(adminUrl);
  await submitLogin(page, email, password);
  await page.getByTestId('welcome-card').waitFor();
}

/** The labels of the sidebar's menu entries, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open [role="menuitem"], .RaMenu-closed [role="menuitem"]');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/** Goes to a route of the hash router without reloading (the access token lives in memory only). */
export async function goToRoute(page: Page, adminUrl: string, route: string) {
  await page.goto(`${adminUrl}#${route}`);
}
