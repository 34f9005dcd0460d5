import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The browser the admin's e2e tests drive: the system's Chromium (Debian package), never a
 * downloaded one. Japanese text needs a Japanese font installed (IPA Gothic), or screenshots show tofu.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_HINT = 'apt-get install -y chromium fonts-ipafont-gothic';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium was not found at ${CHROMIUM_PATH}. Install it with \`${INSTALL_HINT}\` (or set CHROMIUM_PATH to a Chromium binary).`);
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM_PATH} did not start (${(error as Error).message.split('\n')[0]}). Reinstall it with \`${INSTALL_HINT}\`.`);
  }
}

/** apps/admin/dist, which the API serves at /admin: the tests need a build (`npm test` builds first). */
export const ADMIN_DIST = resolve(__dirname, '../dist');

export function assertAdminBuilt(): void {
  if (!existsSync(join(ADMIN_DIST, 'index.html'))) {
    throw new Error(
      `The admin is not built (${join(ADMIN_DIST, 'index.html')} is missing). Run \`npx nx run @jimukyoku/admin:build\` or \`npm test\` (which builds everything first).`,
    );
  }
}

/** Screenshots go to <repo>/tmp/screenshots (git-ignored), for a person to look at the Japanese UI. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../../tmp/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
