import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { openRound } from './application-fixtures';
import { loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';

/**
 * The statements one submission costs (POST /api/intake/applications with an Idempotency-Key, as the
 * portal sends it): API key, idempotency claim, one load of the round's context, the 受付番号, the
 * checks and the writes of application, audit record, outbox and attachments. Counted at the pg
 * client, so every statement the request sends is seen, transaction control included. Intake loads
 * its context once (issue 13): 27 statements before (the round, programme and 類型 read three to four
 * times), 17 after; 14 since issue 17 (the application's state change returns the row it wrote, the rule
 * set is locked only while the round context shows it unlocked, and the context's statement draws the
 * 受付番号); 13 since the application is decided in memory and INSERTed in its submitted state instead of
 * INSERTed as a draft and UPDATEd by the transition; 7 since the application, its audit records, its 受付 notice,
 * its attachments' link, its status link and the stored answer are one statement (database/write-chain.ts) whose
 * INSERT … ON CONFLICT DO NOTHING is also the one-per-法人番号 check (no read before it). This fails if a change reads something again.
 * `SHOW_STATEMENTS=1` prints them.
 */
const MAX_STATEMENTS_PER_SUBMISSION = 7;

describe('intake statement count', () => {
  let t: TestApp;
  let round: Round;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp({ label: 'intake_statements', overrides: { storageDir: tempStorageDir() } });
    await seedStaff(t);
    await runSeed(t.app.get(DataSource), { demo: false, steps: [referenceCatalogueSeed] });
    const s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  /** The SQL the app sends while `work` runs (one pg Client.query call = one statement). */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const q = args[0];
      sent.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? q));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return sent;
  }

  it(`one submission sends at most ${MAX_STATEMENTS_PER_SUBMISSION} statements`, async () => {
    // warm up: the first request of a process prepares what later ones reuse
    await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', 'warm-up')
      .send(validPayload(round, await uploadRequired(t, apiKey)))
      .expect(201);
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const sent = await statementsOf(() =>
      t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', 'counted').send(body).expect(201),
    );
    if (process.env.SHOW_STATEMENTS)
      console.log(`${sent.length} statements\n${sent.map((s, i) => `${i + 1}. ${s.replace(/\s+/g, ' ').slice(0, 220)}`).join('\n')}`);
    expect(sent.length).toBeLessThanOrEqual(MAX_STATEMENTS_PER_SUBMISSION);
  });
});
