import { DataSource } from 'typeorm';
import { ATTACHMENT_STORAGE } from '../modules/intake/attachment-storage';
import { notificationTemplatesSeed } from '../seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../seed/reference-catalogue.seed';
import { runSeed } from '../seed/seed-runner';
import type { TestApp } from './test-app';

/** Loads the reference catalogue (programmes, rule sets, 類型, rounds) into the test app's database, as `npm start` does. */
export async function seedReferenceCatalogue(t: TestApp) {
  await runSeed(t.app.get(DataSource), { demo: false, steps: [referenceCatalogueSeed] });
}

/** Loads the notification template catalogue into the test app's database. */
export async function seedNotificationTemplates(t: TestApp) {
  await runSeed(t.app.get(DataSource), { demo: false, steps: [notificationTemplatesSeed] });
}

/**
 * Loads everything `npm start` loads in development: reference data, templates, demo staff, the demo
 * applications and their documents (into the test app's storage; start it with a `tempStorageDir()`).
 */
export async function seedDemo(t: TestApp) {
  await runSeed(t.app.get(DataSource), { demo: true, attachmentStorage: t.app.get(ATTACHMENT_STORAGE) });
}

/** Raw SQL on the test app's database, for arranging what no API route makes and checking what it stored. */
export interface TestDatabase {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

export function databaseOf(t: TestApp): TestDatabase {
  const dataSource = t.app.get(DataSource);
  return { query: (sql, parameters) => dataSource.query(sql, parameters) };
}
