import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../src/database';
import { WriteChain } from '../src/database/write-chain';
import { ApplicationsRepository } from '../src/modules/applications/applications.repository';
import type { Application } from '../src/modules/applications/application.entity';
import { AuditRepository } from '../src/modules/audit/audit.repository';
import { StatusLinksRepository } from '../src/modules/status-links/status-links.repository';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';

/**
 * database/write-chain.ts, the one statement intake writes a new application with (its audit records, notice,
 * attachments' and status link): a part reading a part that wrote nothing writes nothing, parts that read each
 * other run in that order, and a failing part fails the whole statement.
 */
describe('WriteChain', () => {
  let t: TestApp;
  let db: DataSource;
  let existing: Application;

  beforeAll(async () => {
    t = await startTestApp({ label: 'write_chain', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    const s = await loginEveryRole(t);
    const round = await openRound(t);
    const apiKey = (await createChannel(t, s.admin.token)).apiKey;
    const res = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', randomUUID())
      .send(validPayload(round, await uploadRequired(t, apiKey)))
      .expect(201);
    existing = (await t.app.get(ApplicationsRepository).find(res.body.id))!;
  });
  afterAll(() => t?.close());

  /** A copy of the stored application under a new id and 受付番号, with `corporateNumber`. */
  const copyOf = (corporate: string | null) => {
    const { createdAt: _c, updatedAt: _u, ...row } = existing;
    return { ...row, id: randomUUID(), receiptNumber: `WC-${randomUUID().slice(0, 8)}`, corporateNumber: corporate };
  };
  const audit = (entityId: string, action: string) => ({
    actorId: null,
    actorRole: 'system',
    action,
    entityType: 'application',
    entityId,
    fromStatus: null,
    toStatus: null,
    reason: null,
    changes: {},
    requestId: null,
    ip: null,
  });

  /** the application, two audit records (the second reading the first) and a status link, in one statement */
  async function write(row: ReturnType<typeof copyOf>, secondAction = 'chain.second') {
    return t.app.get(UnitOfWork).run(async (tx) => {
      const chain = new WriteChain(tx);
      const application = t.app.get(ApplicationsRepository).insertIn(chain, 'application', row);
      const first = t.app.get(AuditRepository).insertIn(chain, 'audit_0', audit(row.id, 'chain.first'), application);
      t.app.get(AuditRepository).insertIn(chain, 'audit_1', audit(row.id, secondAction), first);
      t.app.get(StatusLinksRepository).insertIn(chain, 'status_link', { id: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) }, application);
      return chain.rowsOf(application);
    });
  }
  const writtenFor = async (id: string) => ({
    applications: Number((await db.query(`SELECT count(*) AS n FROM application WHERE id = $1`, [id]))[0].n),
    audit: (await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).map((r: { action: string }) => r.action),
    links: Number((await db.query(`SELECT count(*) AS n FROM status_link WHERE application_id = $1`, [id]))[0].n),
  });

  it('writes every part and returns the first part as the entity it stored', async () => {
    const row = copyOf(corporateNumber());
    const [stored] = await write(row);
    expect(stored).toMatchObject({ id: row.id, receiptNumber: row.receiptNumber, status: existing.status, quotedAmount: existing.quotedAmount });
    expect(stored.createdAt).toBeInstanceOf(Date);
    // the second audit record reads the first, so it comes after it
    expect(await writtenFor(row.id)).toEqual({ applications: 1, audit: ['chain.first', 'chain.second'], links: 1 });
  });

  it('writes nothing after a part that met its conflict (the round already holds the 法人番号)', async () => {
    const row = copyOf(existing.corporateNumber);
    expect(await write(row)).toEqual([]);
    expect(await writtenFor(row.id)).toEqual({ applications: 0, audit: [], links: 0 });
  });

  it('fails as a whole when one part fails', async () => {
    const row = copyOf(corporateNumber());
    // audit_log.action is NOT NULL: the second record fails, and with it the application, the first record and the link
    await expect(write(row, null as never)).rejects.toThrow(/action/);
    expect(await writtenFor(row.id)).toEqual({ applications: 0, audit: [], links: 0 });
  });
});
