import { DataSource } from 'typeorm';
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

/** Raw SQL on the test app's database, for arranging what no API route makes and checking what it stored. */
export interface TestDatabase {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

export function databaseOf(t: TestApp): TestDatabase {
  const dataSource = t.app.get(DataSource);
  return { query: (sql, parameters) => dataSource.query(sql, parameters) };
}
