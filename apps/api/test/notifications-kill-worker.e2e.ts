import { BuiltProcess, startBuiltProcess } from './built-process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase, dropTestDatabase } from './harness';
import { insertNotifications, statusCounts } from './notification-fixtures';
import { startSmtpSink, waitFor } from './smtp-sink';
import { TEST_DB_PREFIX, testRedisUrl, testRunId } from './test-run';

// The worker runs as users run it: the built entry point in its own process (`npm test` builds first).
const WORKER = join(__dirname, '..', 'dist', 'worker.js');
const N = 200;
/** the worker is killed when the server has stored this many messages, before it answers the last one */
const KILL_AFTER = 60;

/** resolves with the promise's value, or null after `ms` (the timer does not outlive it) */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const startWorker = (env: Record<string, string>): BuiltProcess => startBuiltProcess(WORKER, env);

/**
 * Killing the worker mid-batch and starting another delivers every notification exactly once, counted
 * by Message-ID at the SMTP server. The kill lands where it hurts most: the server has accepted a
 * message the worker never hears of (nor records), and more messages are in flight.
 */
describe('notifications: a worker killed mid-batch', () => {
  let databaseUrl: string;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const workers: BuiltProcess[] = [];

  beforeAll(() => {
    if (!existsSync(WORKER)) throw new Error('apps/api/dist/worker.js is missing: run `npm run build` first (npm test does)');
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => within(w.exited, 10_000)));
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await db?.destroy();
    await smtp?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('delivers every notification exactly once after a SIGKILL and a restart', async () => {
    databaseUrl = await createTestDatabase('kill_worker');
    db = await new DataSource(dataSourceOptions(databaseUrl, 4)).initialize();
    const inserted = await insertNotifications(db, N, { recipientPrefix: 'killed' });
    const ids = inserted.map((n) => n.id);

    // eslint-disable-next-line prefer-const -- the SMTP sink's callback below reads it; it is assigned once the sink exists
    let first: BuiltProcess | undefined;
    let lastAccepted = '';
    smtp = await startSmtpSink({
      acceptDelayMs: 20, // a slow server: several messages are in flight when the kill lands
      onAccepted: (mail, count) => {
        if (count !== KILL_AFTER) return;
        first?.child.kill('SIGKILL');
        lastAccepted = mail.messageId;
      },
    });
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: `${TEST_DB_PREFIX}${testRunId()}_${randomBytes(3).toString('hex')}`,
      SMTP_URL: smtp.url,
      SMTP_RECONCILE_URL: smtp.reconcileUrl,
      MAIL_RATE_PER_SECOND: '0',
      MAIL_CONCURRENCY: '5',
    };

    first = startWorker(env);
    workers.push(first);
    const death = await within(first.exited, 60_000);
    expect({ death, output: death?.signal === 'SIGKILL' ? '' : first.output.join('') }).toMatchObject({ death: { signal: 'SIGKILL' } });

    // What the dead worker left: mails the server accepted while the rows still say `sending`.
    await new Promise((r) => setTimeout(r, 200)); // messages fully received before the kill are accepted by the server
    const accepted = new Set(smtp.received.map((m) => m.messageId));
    const leftSending: { message_id: string }[] = await db.query(`SELECT message_id FROM notification WHERE id = ANY($1) AND status = 'sending'`, [ids]);
    const acceptedButUnrecorded = leftSending.filter((r) => accepted.has(r.message_id));
    expect(acceptedButUnrecorded.map((r) => r.message_id)).toContain(lastAccepted);
    expect((await statusCounts(db, ids)).sent ?? 0).toBeLessThan(N);

    const second = startWorker(env);
    workers.push(second);
    await waitFor(async () => (await statusCounts(db, ids)).sent === N, 150_000).catch((e) => {
      throw new Error(`${(e as Error).message}; second worker said:\n${second.output.join('').slice(-3000)}`);
    });

    const counts = smtp.countsByMessageId();
    const rows: { message_id: string; reconciled_at: Date | null }[] = await db.query(`SELECT message_id, reconciled_at FROM notification WHERE id = ANY($1)`, [
      ids,
    ]);
    expect(smtp.received).toHaveLength(N);
    expect(rows.filter((r) => counts.get(r.message_id) !== 1)).toEqual([]);
    // the sends the first worker could not record were settled by asking the server, not sent again
    const reconciled = new Set(rows.filter((r) => r.reconciled_at).map((r) => r.message_id));
    for (const r of acceptedButUnrecorded) expect(reconciled.has(r.message_id)).toBe(true);
  }, 240_000);
});
