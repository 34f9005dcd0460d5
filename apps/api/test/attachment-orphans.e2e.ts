import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { RemoveOrphanAttachmentsJob } from '../src/modules/schedules/remove-orphan-attachments.job';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { openRound } from './application-fixtures';
import { loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, upload, uploadRequired, validPayload } from './intake-fixtures';

/**
 * An attachment uploaded through intake but never named in an application is removed (row and file)
 * after ATTACHMENT_ORPHAN_HOURS; linked ones and younger ones stay; a second run removes nothing.
 */
describe('orphaned attachments', () => {
  let t: TestApp;
  let db: DataSource;
  let round: Round;
  let apiKey: string;
  const storageDir = tempStorageDir();
  const fileOf = async (id: string) => {
    const [row] = await db.query(`SELECT storage_key FROM attachment WHERE id = $1`, [id]);
    return row ? join(storageDir, row.storage_key) : null;
  };
  const age = (ids: string[], hours: number) =>
    db.query(`UPDATE attachment SET created_at = now() - make_interval(hours => $2) WHERE id = ANY($1::uuid[])`, [ids, hours]);
  const run = () => t.app.get(RemoveOrphanAttachmentsJob).handle();

  beforeAll(async () => {
    t = await startTestApp({ label: 'orphans', overrides: { storageDir, attachmentOrphanHours: 24 } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    const s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('removes the row and the stored file of an attachment left unlinked past the age, once, with an audit record', async () => {
    const linkedIds = await uploadRequired(t, apiKey);
    await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', 'orphans-1')
      .send(validPayload(round, linkedIds))
      .expect(201);
    const oldOrphan = (await upload(t, apiKey, 'businessPlan').expect(201)).body.id as string;
    const youngOrphan = (await upload(t, apiKey, 'businessPlan').expect(201)).body.id as string;
    await age([...linkedIds, oldOrphan], 25);
    await age([youngOrphan], 23);
    const oldFile = (await fileOf(oldOrphan)) as string;
    expect(existsSync(oldFile)).toBe(true);

    expect(await run()).toBe(1);
    expect(await fileOf(oldOrphan)).toBeNull();
    expect(existsSync(oldFile)).toBe(false);
    for (const id of [youngOrphan, ...linkedIds]) expect(existsSync((await fileOf(id)) as string)).toBe(true);
    const audits = await db.query(`SELECT actor_role, changes FROM audit_log WHERE action = 'attachment.orphansRemoved'`);
    expect(audits).toEqual([{ actor_role: 'system', changes: { count: 1, olderThanHours: 24, attachmentIds: [oldOrphan] } }]);

    expect(await run()).toBe(0); // safe to run twice
    expect(await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'attachment.orphansRemoved'`)).toEqual([{ n: 1 }]);
  });

  it('skips an attachment a submission is linking at that moment (intake holds it FOR SHARE)', async () => {
    const [id] = await uploadRequired(t, apiKey, ['businessPlan']);
    await age([id], 30);
    const intake = db.createQueryRunner();
    await intake.connect();
    try {
      await intake.startTransaction();
      await intake.query(`SELECT id FROM attachment WHERE id = $1 FOR SHARE`, [id]);
      expect(await run()).toBe(0);
      await intake.commitTransaction();
    } finally {
      await intake.release();
    }
    expect(await run()).toBe(1);
  });

  it('lets a submission naming a removed attachment know it is gone (422), rather than linking nothing', async () => {
    const ids = await uploadRequired(t, apiKey);
    await age([ids[0]], 48);
    expect(await run()).toBe(1);
    const res = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', 'orphans-2')
      .send(validPayload(round, ids))
      .expect(422);
    expect(JSON.stringify(res.body.errors)).toContain(ids[0]);
  });
});
