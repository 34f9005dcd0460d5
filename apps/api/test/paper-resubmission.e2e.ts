import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { IMPORT_HEADER, importRow, startImportWorker } from './import-fixtures';
import { createChannel, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';

/**
 * A paper application (bulk import) returned for 補正 has no intake channel to resubmit through; a
 * manager records the corrected application on the applicant's behalf, with the documents that came by post.
 */
describe('補正 received on paper, recorded by staff', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

  /** One application imported from a paper form, then returned for correction by its checker. */
  async function returnedPaperApplication(name: string): Promise<{ id: string; corporateNumber: string; receiptNumber: string }> {
    const number = corporateNumber();
    const created = await t
      .http()
      .post('/api/imports')
      .set(as(s.manager))
      .field('roundId', round.id)
      .field('mode', 'allOrNothing')
      .attach('file', Buffer.from([IMPORT_HEADER, importRow(name, number)].join('\n')), { filename: 'paper.csv' })
      .expect(201);
    for (let i = 0; i < 300; i++) {
      const res = await t.http().get(`/api/imports/${created.body.id}`).set(as(s.manager)).expect(200);
      if (res.body.status === 'done') break;
      if (res.body.status === 'failed' || i === 299) throw new Error(`import did not succeed: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const [app] = await db.query(`SELECT id, receipt_number FROM application WHERE import_id = $1`, [created.body.id]);
    const transitions = t.app.get(TransitionsService);
    await transitions.fire(app.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(app.id, 'returnForCorrection', { role: 'reviewer', id: null }, { reason: '事業計画書の補正をお願いします' });
    return { id: app.id, corporateNumber: number, receiptNumber: app.receipt_number };
  }

  /** The corrected application as the paper form now reads (the same payload a channel would send). */
  const corrected = (number: string, overrides: Record<string, unknown> = {}) => {
    const base = validPayload(round, []);
    return { ...base, applicant: { ...base.applicant, name: '株式会社かみ', corporateNumber: number, employeeCount: 45 }, ...overrides };
  };
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    t = await startTestApp({ label: 'paper-resubmission', overrides: { workerEnabled: true, storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    worker = await startImportWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('records the corrected data as the resubmission: same 受付番号, quote recomputed, audited with the staff member, documents and note, applicant told', async () => {
    const app = await returnedPaperApplication('株式会社かみ');
    const res = await t
      .http()
      .post(`/api/applications/${app.id}/paper-resubmissions`)
      .set(as(s.manager))
      .send({
        application: corrected(app.corporateNumber, {
          expenses: [{ expenseType: 'machinery', amount: 24_000_000, description: '5軸加工機 (見積更新)' }],
          requestedAmount: 16_000_000,
        }),
        documents: ['businessPlan', 'businessPlan'],
        note: '12月1日 簡易書留で補正書類を受領',
      })
      .expect(200);
    expect(res.body).toMatchObject({ id: app.id, receiptNumber: app.receiptNumber, status: 'resubmitted', quotedAmount: 16_000_000 });
    const [stored] = await db.query(`SELECT employee_count, quoted_amount, channel_id FROM application WHERE id = $1`, [app.id]);
    expect(stored).toMatchObject({ employee_count: 45, quoted_amount: '16000000', channel_id: null });
    const [audit] = await db.query(`SELECT actor_id, actor_role, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.resubmit'`, [app.id]);
    expect(audit.actor_id).toBe(s.manager.user.id);
    expect(audit.actor_role).toBe('intake');
    expect(audit.changes).toMatchObject({ onBehalfOfApplicant: true, documentsOnPaper: ['businessPlan'], note: '12月1日 簡易書留で補正書類を受領' });
    const mails = await db.query(`SELECT template FROM notification WHERE application_id = $1 ORDER BY created_at`, [app.id]);
    expect(mails.map((m: { template: string }) => m.template)).toContain('resubmissionReceived');
  });

  it('refuses a corrected application with problems in Japanese (422) and changes nothing', async () => {
    const app = await returnedPaperApplication('株式会社ふび');
    const res = await t
      .http()
      .post(`/api/applications/${app.id}/paper-resubmissions`)
      .set(as(s.manager))
      .send({ application: corrected(app.corporateNumber, { expenses: [] }), documents: ['businessPlan'], note: '受領' })
      .expect(422);
    expect(res.body.message).toContain('補助対象経費');
    expect(await statusOf(app.id)).toBe('returned');
    const [stored] = await db.query(`SELECT employee_count FROM application WHERE id = $1`, [app.id]);
    expect(stored.employee_count).toBe(30);
  });

  it('needs the documents received and a note (400), and the 補正期限 still holds (422)', async () => {
    const app = await returnedPaperApplication('株式会社きげん');
    const body = { application: corrected(app.corporateNumber), documents: ['businessPlan'], note: '受領' };
    const noDocuments = await t
      .http()
      .post(`/api/applications/${app.id}/paper-resubmissions`)
      .set(as(s.manager))
      .send({ ...body, documents: [] })
      .expect(400);
    expect(JSON.stringify(noDocuments.body.message)).toContain('受け取った補正書類');
    await t
      .http()
      .post(`/api/applications/${app.id}/paper-resubmissions`)
      .set(as(s.manager))
      .send({ ...body, note: '' })
      .expect(400);
    await db.query(`UPDATE application SET correction_due_at = now() - interval '1 minute' WHERE id = $1`, [app.id]);
    const late = await t.http().post(`/api/applications/${app.id}/paper-resubmissions`).set(as(s.manager)).send(body).expect(422);
    expect(late.body.message).toMatch(/補正期限/);
    expect(await statusOf(app.id)).toBe('returned');
  });

  it('leaves an electronic application to its applicant (409), and an unknown one is 404; only managers record', async () => {
    const admin = s.admin;
    const channel = await createChannel(t, admin.token);
    const attachmentIds = await uploadRequired(t, channel.apiKey);
    const submitted = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', channel.apiKey)
      .set('Idempotency-Key', randomUUID())
      .send(validPayload(round, attachmentIds))
      .expect(201);
    const body = (number: string) => ({ application: corrected(number), documents: ['businessPlan'], note: '受領' });
    const refused = await t
      .http()
      .post(`/api/applications/${submitted.body.id}/paper-resubmissions`)
      .set(as(s.manager))
      .send(body(corporateNumber()))
      .expect(409);
    expect(refused.body.code).toBe('RESUBMIT_THROUGH_CHANNEL');
    await t
      .http()
      .post(`/api/applications/00000000-0000-4000-8000-000000000000/paper-resubmissions`)
      .set(as(s.manager))
      .send(body(corporateNumber()))
      .expect(404);
    const paper = await returnedPaperApplication('株式会社けんげん');
    await t.http().post(`/api/applications/${paper.id}/paper-resubmissions`).set(as(s.reviewer)).send(body(paper.corporateNumber)).expect(403);
    expect(await statusOf(paper.id)).toBe('returned');
  });
});
