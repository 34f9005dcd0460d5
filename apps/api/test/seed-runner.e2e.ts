import { APP_ROLE } from '@jimukyoku/migrations';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { SeedStep } from '../src/seed/seed-step';
import { runSeed } from '../src/seed/seed-runner';
import { startTestApp, TestApp } from './harness';

/**
 * The seed runner against a real database: a step PostgreSQL drops out of is rolled back and run again (`npm start`
 * seeds while the API already serves; a blip there ended the process), any other failure ends the seed at once.
 */
describe('seed runner', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ label: 'seed_runner' });
    db = t.app.get(DataSource);
    // a table of the test's own, made by the owner (the app's role creates nothing)
    const owner = new Client({ connectionString: t.config.databaseMigrationUrl });
    await owner.connect();
    try {
      await owner.query(`CREATE TABLE seed_probe (note text NOT NULL)`);
      await owner.query(`GRANT SELECT, INSERT ON seed_probe TO ${APP_ROLE}`);
    } finally {
      await owner.end();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A step that writes a row, then fails its first `failures` runs with `error`. */
  const flaky = (name: string, failures: number, error: () => Error): SeedStep & { runs: number } => {
    const step = {
      name,
      kind: 'reference' as const,
      runs: 0,
      async run(m: Parameters<SeedStep['run']>[0]) {
        step.runs++;
        await m.query(`INSERT INTO seed_probe (note) VALUES ($1)`, [`${name} ${step.runs}`]);
        if (step.runs <= failures) throw error();
        return 'written';
      },
    };
    return step;
  };
  const notes = async (name: string) =>
    (await db.query(`SELECT note FROM seed_probe WHERE note LIKE $1 ORDER BY note`, [`${name} %`])).map((r: { note: string }) => r.note);

  it('runs a step again after a lost connection, keeping only the run that committed', async () => {
    const step = flaky('blip', 2, () => Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
    expect(await runSeed(db, { demo: false, steps: [step] })).toEqual([{ step: 'blip', summary: 'written' }]);
    expect(step.runs).toBe(3);
    expect(await notes('blip')).toEqual(['blip 3']);
  });

  it('ends at once on a failure that is not the database dropping out', async () => {
    const step = flaky('bug', 1, () => new TypeError('a step that is wrong'));
    await expect(runSeed(db, { demo: false, steps: [step] })).rejects.toThrow('a step that is wrong');
    expect(step.runs).toBe(1);
    expect(await notes('bug')).toEqual([]);
  });
});
