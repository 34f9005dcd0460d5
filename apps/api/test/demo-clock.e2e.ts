import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { StoryClock } from '../src/seed/demo/demo-clock';
import { startTestApp, TestApp } from './harness';

/**
 * The demo's story clock dates what a seed step wrote, and only that: `npm start` seeds while the API and its
 * worker already serve, and what they commit meanwhile (the dispatcher's queued_at, a channel's last_used_at)
 * keeps its own time. Before, the demo had mails queued months before they were written.
 */
describe('the demo’s story clock', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ label: 'demo_clock' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const channel = (name: string) => db.query(`SELECT created_at, last_used_at FROM intake_channel WHERE name = $1`, [name]).then((r) => r[0]);
  const insertChannel = (q: (sql: string, params: unknown[]) => Promise<unknown>, name: string) =>
    q(`INSERT INTO intake_channel (name, key_prefix, key_hash) VALUES ($1, $2, $3)`, [name, name.slice(0, 8), `hash-${name}`]);

  it('dates the rows the step wrote (savepoints included), not a row another connection committed during the step', async () => {
    await insertChannel((sql, p) => db.query(sql, p), 'theirs');
    const story = new Date('2026-01-19T00:00:00.000Z');
    const other = new Client({ connectionString: t.config.databaseUrl });
    await other.connect();
    try {
      await db.transaction(async (m) => {
        const clock = new StoryClock(m);
        await clock.at(story, async () => {
          await insertChannel((sql, p) => m.query(sql, p), 'ours');
          await m.query('SAVEPOINT inner_step');
          await insertChannel((sql, p) => m.query(sql, p), 'ours-in-savepoint');
          await m.query('RELEASE SAVEPOINT inner_step');
          // the API, serving while the demo is seeded, uses a channel and commits
          await other.query(`UPDATE intake_channel SET last_used_at = now() WHERE name = 'theirs'`);
        });
      });
    } finally {
      await other.end();
    }
    expect((await channel('ours')).created_at.toISOString()).toBe(story.toISOString());
    expect((await channel('ours-in-savepoint')).created_at.toISOString()).toBe(story.toISOString());
    const theirs = await channel('theirs');
    // before: last_used_at became the story time, before the channel was even created
    expect(theirs.last_used_at.getTime()).toBeGreaterThan(story.getTime());
    expect(theirs.last_used_at.getTime()).toBeGreaterThanOrEqual(theirs.created_at.getTime());
  });
});
