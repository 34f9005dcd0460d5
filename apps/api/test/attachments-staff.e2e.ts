import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { demoPdf, demoPng } from '../src/seed/demo/demo-documents';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { assign, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, upload, validPayload } from './intake-fixtures';

type Who = 'admin' | 'manager' | 'reviewer' | 'auditor';

/** supertest leaves PDF and PNG bodies unread; this collects the bytes as they came. */
const bytes = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Staff read an application's attachments: the list (react-admin style), the content with its headers,
 * the application's scope (a reviewer only assigned ones; anything else 404), an audit record per
 * download, and the refusals (unknown, unlinked, anonymous, file gone).
 */
describe('attachments for staff', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<Who, LoggedIn>;
  let round: Round;
  let apiKey: string;
  let applicationId: string;
  const storageDir = tempStorageDir();
  const plan = demoPdf('Business plan', ['EV parts', 'page 1 of 1']);
  const chart = demoPng([10, 12, 8, 6]);
  const files: Record<string, { kind: string; fileName: string; content: Buffer; contentType: string }> = {
    plan: { kind: 'businessPlan', fileName: '事業計画書 (第1版).pdf', content: plan, contentType: 'application/pdf' },
    advisor: { kind: 'advisorConfirmation', fileName: '確認書.pdf', content: demoPdf('Confirmation', ['advisor']), contentType: 'application/pdf' },
    sales: { kind: 'salesEvidence', fileName: '売上推移.png', content: chart, contentType: 'image/png' },
  };
  const ids: Record<string, string> = {};
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const content = (id: string, who?: LoggedIn) => {
    const req = t.http().get(`/api/attachments/${id}/content`);
    return (who ? req.set(as(who)) : req).buffer(true).parse(bytes);
  };
  const downloads = (attachmentId: string) =>
    db.query(`SELECT actor_id, actor_role, entity_type, changes FROM audit_log WHERE action = 'attachment.downloaded' AND entity_id = $1 ORDER BY id`, [
      attachmentId,
    ]);

  beforeAll(async () => {
    t = await startTestApp({ label: 'attachments_staff', overrides: { storageDir } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
    for (const [key, f] of Object.entries(files)) ids[key] = (await upload(t, apiKey, f.kind, f.content, f.contentType, f.fileName).expect(201)).body.id;
    const res = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', 'attachments-staff-1')
      .send(validPayload(round, Object.values(ids)))
      .expect(201);
    applicationId = res.body.id;
  });
  afterAll(() => t?.close());

  it('lists an application’s attachments with kind, name, size, SHA-256, upload time and type, and Content-Range', async () => {
    const res = await t.http().get(`/api/applications/${applicationId}/attachments`).set(as(s.manager)).expect(200);
    expect(res.headers['content-range']).toBe('attachments 0-2/3');
    expect(res.body).toHaveLength(3);
    const byId = Object.fromEntries(res.body.map((a: { id: string }) => [a.id, a]));
    for (const [key, f] of Object.entries(files)) {
      expect(byId[ids[key]]).toEqual({
        id: ids[key],
        applicationId,
        kind: f.kind,
        kindLabel: expect.any(String),
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.content.length,
        sha256: sha256(f.content),
        uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    }
    expect(byId[ids.plan].kindLabel).toBe('事業計画書');

    const sorted = await t
      .http()
      .get(`/api/applications/${applicationId}/attachments`)
      .query({
        sort: JSON.stringify(['sizeBytes', 'DESC']),
        range: JSON.stringify([0, 0]),
        filter: JSON.stringify({ kind: ['businessPlan', 'salesEvidence'] }),
      })
      .set(as(s.auditor))
      .expect(200);
    expect(sorted.headers['content-range']).toBe('attachments 0-0/2');
    expect(sorted.body.map((a: { id: string }) => a.id)).toEqual([plan.length > chart.length ? ids.plan : ids.sales]);

    const bad = await t
      .http()
      .get(`/api/applications/${applicationId}/attachments`)
      .query({ filter: JSON.stringify({ storageKey: 'x' }) })
      .set(as(s.manager))
      .expect(400);
    expect(bad.body.code).toBe('INVALID_LIST_QUERY');
  });

  it('sends the stored bytes inline with their type, a UTF-8 file name, nosniff and a sandboxing CSP, and audits the download', async () => {
    const res = await content(ids.plan, s.manager).expect(200);
    expect(Buffer.compare(res.body as Buffer, plan)).toBe(0);
    expect(sha256(res.body as Buffer)).toBe(sha256(plan));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(plan.length));
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="_____ (_1_).pdf"; filename*=UTF-8''%E4%BA%8B%E6%A5%AD%E8%A8%88%E7%94%BB%E6%9B%B8%20%28%E7%AC%AC1%E7%89%88%29.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none';.*sandbox$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(plan).digest('base64')}:`);

    const png = await content(ids.sales, s.admin).expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(sha256(png.body as Buffer)).toBe(sha256(chart));

    expect(await downloads(ids.plan)).toEqual([
      {
        actor_id: s.manager.user.id,
        actor_role: 'manager',
        entity_type: 'attachment',
        changes: { applicationId, attachmentId: ids.plan, kind: 'businessPlan', fileName: files.plan.fileName, sha256: sha256(plan) },
      },
    ]);
    expect((await downloads(ids.sales)).map((r: { actor_role: string }) => r.actor_role)).toEqual(['admin']);
    // every download is one more record
    await content(ids.plan, s.auditor).expect(200);
    expect((await downloads(ids.plan)).map((r: { actor_role: string }) => r.actor_role)).toEqual(['manager', 'auditor']);
  });

  it('gives a reviewer only the attachments of applications assigned to them: another’s is 404 and writes no record', async () => {
    const before = (await downloads(ids.advisor)).length;
    const list = await t.http().get(`/api/applications/${applicationId}/attachments`).set(as(s.reviewer)).expect(404);
    expect(list.body).toMatchObject({ statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: '指定された申請はありません。' });
    const refused = await content(ids.advisor, s.reviewer).expect(404);
    expect(JSON.parse((refused.body as Buffer).toString('utf8'))).toMatchObject({ statusCode: 404, code: 'ATTACHMENT_NOT_FOUND' });
    expect(await downloads(ids.advisor)).toHaveLength(before);

    await assign(t, applicationId, s.reviewer.user.id);
    expect((await t.http().get(`/api/applications/${applicationId}/attachments`).set(as(s.reviewer)).expect(200)).body).toHaveLength(3);
    const res = await content(ids.advisor, s.reviewer).expect(200);
    expect(sha256(res.body as Buffer)).toBe(sha256(files.advisor.content));
    expect((await downloads(ids.advisor)).at(-1)).toMatchObject({ actor_id: s.reviewer.user.id, actor_role: 'reviewer' });

    // a revoked assignment closes the door again
    await db.query(`UPDATE application_assignment SET revoked_at = now() WHERE application_id = $1 AND reviewer_id = $2`, [applicationId, s.reviewer.user.id]);
    await content(ids.advisor, s.reviewer).expect(404);
  });

  it('answers 404 for an unknown or malformed id, an unknown application and an attachment not linked to any application', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '1']) {
      const res = await content(id, s.manager).expect(404);
      expect(JSON.parse((res.body as Buffer).toString('utf8')).code).toBe('ATTACHMENT_NOT_FOUND');
      expect((await t.http().get(`/api/applications/${id}/attachments`).set(as(s.manager)).expect(404)).body.code).toBe('APPLICATION_NOT_FOUND');
    }
    const unlinked = (await upload(t, apiKey, 'other').expect(201)).body.id;
    await content(unlinked, s.admin).expect(404);
    expect(await downloads(unlinked)).toEqual([]);
  });

  it('refuses anonymous callers with 401', async () => {
    expect((await t.http().get(`/api/applications/${applicationId}/attachments`).expect(401)).body.statusCode).toBe(401);
    await content(ids.plan).expect(401);
    await t.http().get(`/api/attachments/${ids.plan}/content`).set('Authorization', 'Bearer nonsense').expect(401);
  });

  it('answers 404 with a message for staff when the stored file is gone, and records nothing', async () => {
    const [row] = await db.query(`SELECT storage_key FROM attachment WHERE id = $1`, [ids.sales]);
    await rm(join(storageDir, row.storage_key));
    const before = (await downloads(ids.sales)).length;
    const res = await content(ids.sales, s.manager).expect(404);
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({
      code: 'ATTACHMENT_FILE_MISSING',
      message: expect.stringContaining('見つかりません'),
    });
    expect(await downloads(ids.sales)).toHaveLength(before);
  });
});
