import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { expectErrorBody } from './error-body';
import { startTestApp, TestApp } from './harness';
import { IMPORT_HEADER, importRow, startImportWorker } from './import-fixtures';
import { createChannel, PDF, tempStorageDir, validPayload } from './intake-fixtures';
import { LIST_ROUTES as LISTS, listUrl as urlOf } from './list-routes';

/**
 * One regression per class of hostile input the fuzz suite (fuzz-openapi.e2e.ts) found answering
 * 500 or storing nonsense: list parameters, null, NUL bytes, deep JSON, huge numbers, oversized
 * headers. Each answer is the documented error body `{ statusCode, code, message, errors? }`.
 */
describe('hostile input', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });

  beforeAll(async () => {
    t = await startTestApp({ label: 'hostile', listen: true, overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await importWorker?.close();
    await t?.close();
  });
  let importWorker: INestApplicationContext | undefined;

  const firstRound = async (): Promise<Round & { version?: number }> => (await t.http().get('/api/rounds').set(as('manager')).expect(200)).body[0];

  describe('list parameters', () => {
    const BAD: Record<string, string>[] = [
      { filter: '{"id":["x"]}' },
      { filter: '{"id":[]}' },
      { filter: '{"id":[true]}' },
      { filter: '{"roundId":123}' },
      { filter: '{"status":{"a":1}}' },
      { filter: '{"q":"a\\u0000"}' },
      { filter: '{"q":"\\ud800"}' },
      { filter: '{"noSuchField":"x"}' },
      { range: '[0,1e30]' },
      { range: '[1e30,1e30]' },
      { range: '["0","9"]' },
      { sort: '["createdAt",{"a":1}]' },
      { sort: '["id","ASC","x"]' },
    ];
    const cases = LISTS.flatMap(([path, who]) => BAD.map((query) => ({ path, who, query, label: JSON.stringify(query) })));

    it.each(cases)('$path $label → 400 INVALID_LIST_QUERY', async ({ path, who, query }) => {
      const res = await t.http().get(urlOf(path)).query(query).set(as(who));
      expectErrorBody(res, 400, 'INVALID_LIST_QUERY');
      expect(res.body.errors[0].field).toMatch(/^(filter|range|sort)/);
    });

    // a value the field cannot take is a mistake to name, not an empty list (it answered 200 with nothing)
    it.each([
      ['/api/applications', 'manager', { sizeClass: 'nope' }],
      ['/api/applications', 'manager', { status: ['submitted', 'nope'] }],
      ['/api/notifications', 'manager', { status: ['sent', 'nope'] }],
      ['/api/payment-batches', 'manager', { status: 'nope' }],
      ['/api/imports', 'manager', { status: 'nope' }],
      ['/api/programs', 'auditor', { kind: 'nope' }],
      ['/api/categories', 'auditor', { kind: 'nope' }],
    ] as const)('%s refuses a value its filter cannot take, naming those it can', async (path, who, filter) => {
      const res = await t
        .http()
        .get(path)
        .query({ filter: JSON.stringify(filter) })
        .set(as(who));
      expectErrorBody(res, 400, 'INVALID_LIST_QUERY');
      expect(res.body.message).toContain('のいずれかで指定してください');
    });

    // the score sheets are the 書面審査's assignments: a `purpose` filter was accepted and ignored, answering every sheet
    it('/api/score-sheets refuses a purpose filter instead of ignoring it', async () => {
      const res = await t
        .http()
        .get('/api/score-sheets')
        .query({ filter: JSON.stringify({ purpose: 'formalCheck' }) })
        .set(as('manager'));
      expectErrorBody(res, 400, 'INVALID_LIST_QUERY');
      expect(res.body.errors[0].field).toBe('filter.purpose');
    });

    it('covers every list route of the OpenAPI document (each documents ApiListQuery)', () => {
      const doc = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
      const lists = Object.entries(doc.paths)
        .filter(([, item]) => (item.get?.parameters ?? []).some((p) => 'name' in p && p.name === 'range'))
        .map(([path]) => path)
        .sort();
      expect(lists).toEqual(LISTS.map(([path]) => path).sort());
      for (const path of lists) {
        const filter = (doc.paths[path].get!.parameters ?? []).find((p) => 'name' in p && p.name === 'filter') as { description?: string } | undefined;
        expect({ path, documented: /ほかの項目は 400/.test(filter?.description ?? '') }).toEqual({ path, documented: true });
      }
    });

    it('still answers the parameters react-admin sends', async () => {
      const round = await firstRound();
      const res = await t
        .http()
        .get('/api/applications')
        .query({ sort: '["receivedAt","DESC"]', range: '[0,9]', filter: JSON.stringify({ roundId: round.id, status: ['submitted', 'draft'], q: '' }) })
        .set(as('manager'))
        .expect(200);
      expect(res.headers['content-range']).toMatch(/^applications (0-\d+|\*)\/\d+$/);
      await t
        .http()
        .get('/api/audit-logs')
        .query({ filter: JSON.stringify({ occurredFrom: '2022-03-24T00:00:00+09:00', id: ['1', 2] }) })
        .set(as('auditor'))
        .expect(200);
    });
  });

  describe('null', () => {
    it('refuses null in a field that is not nullable, and stores nothing', async () => {
      const round = await firstRound();
      const before = await db.query(`SELECT opens_at, updated_at FROM round WHERE id = $1`, [round.id]);
      const res = await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ opensAt: null });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field: 'opensAt', message: expect.stringContaining('null') }]);
      expect(await db.query(`SELECT opens_at, updated_at FROM round WHERE id = $1`, [round.id])).toEqual(before);
    });

    it('refuses null inside nested objects too', async () => {
      const res = await t
        .http()
        .post('/api/quotes')
        .set(as('manager'))
        .send({ categoryCode: 'restructuring.standard', applicant: { sizeClass: null } });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['applicant.sizeClass']);
    });

    it('accepts null where the field is documented nullable (clearing it)', async () => {
      const round = await firstRound();
      await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ announcementLabel: '11月下旬' }).expect(200);
      const res = await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ announcementLabel: null }).expect(200);
      expect(res.body.announcementLabel).toBeNull();
    });
  });

  describe('NUL bytes', () => {
    it('refuses a NUL in a body text with 400 naming the field (PostgreSQL cannot store it)', async () => {
      const round = await firstRound();
      const res = await t.http().put(`/api/rounds/${round.id}`).set(as('manager')).send({ name: '第1回\u0000' });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0].field).toBe('name');
    });

    it('refuses a NUL in a path parameter or a query value', async () => {
      expectErrorBody(await t.http().get('/api/rounds/a%00b').set(as('manager')), 400, 'VALIDATION_FAILED');
      expectErrorBody(await t.http().get('/api/rounds/x/ranking').query({ categoryId: 'a\u0000' }).set(as('manager')), 400, 'VALIDATION_FAILED');
    });

    it('refuses the row of a bulk import whose cell holds a NUL, and imports the others', async () => {
      const round = await openRound(t);
      const csv = [IMPORT_HEADER, importRow('株式会社まっとう', corporateNumber()), importRow('株式会社\u0000ぬる', corporateNumber())].join('\n');
      const created = await t
        .http()
        .post('/api/imports')
        .set(as('manager'))
        .field('roundId', round.id)
        .field('mode', 'validRows')
        .attach('file', Buffer.from(csv), { filename: 'rows.csv' })
        .expect(201);
      importWorker ??= await startImportWorker(t.config);
      let done: any;
      for (let i = 0; i < 300 && !['done', 'failed'].includes(done?.status); i++) {
        if (i) await new Promise((r) => setTimeout(r, 100));
        done = (await t.http().get(`/api/imports/${created.body.id}`).set(as('manager')).expect(200)).body;
      }
      expect(done).toMatchObject({ status: 'done', importedRows: 1 });
      expect(done.errors).toEqual([{ row: 3, field: '事業者名', message: expect.stringContaining('制御文字 (NUL') }]);
      expect((await db.query(`SELECT count(*)::int AS n FROM application WHERE import_id = $1`, [created.body.id]))[0].n).toBe(1);
    });

    it('keeps an attachment whose RFC 5987 file name decodes to a NUL, under the name without it', async () => {
      const channel = await createChannel(t, s.admin.token, 'ファイル名の窓口');
      const boundary = 'jimukyoku-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nbusinessPlan\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"; filename*=UTF-8''a%00b.pdf\r\n`),
        Buffer.from('Content-Type: application/pdf\r\n\r\n'),
        PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t
        .http()
        .post('/api/intake/attachments')
        .set('X-Api-Key', channel.apiKey)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body);
      expect({ status: res.status, fileName: res.body.fileName }).toEqual({ status: 201, fileName: 'ab.pdf' });
    });

    it('answers intake with 422 and stores no application', async () => {
      const channel = await createChannel(t, s.admin.token);
      const round = await firstRound();
      const attachments = [randomUUID()]; // refused before attachments are looked at
      const payload = validPayload(round, attachments);
      const res = await t
        .http()
        .post('/api/intake/applications')
        .set('X-Api-Key', channel.apiKey)
        .set('Idempotency-Key', randomUUID())
        .send({ ...payload, plan: { ...payload.plan, title: 'EV\u0000' } });
      expectErrorBody(res, 422);
      expect(res.body.errors[0].field).toBe('plan.title');
      expect((await db.query(`SELECT count(*)::int AS n FROM application WHERE channel_id = $1`, [channel.id]))[0].n).toBe(0);
    });
  });

  describe('ids that are not UUIDs', () => {
    it.each([
      ['PUT', '/api/rule-sets/%2500', 'admin', { assumption: '前提' }],
      ['PUT', '/api/rule-sets/1', 'admin', { assumption: '前提' }],
    ] as const)('%s %s → 404, not a database error', async (method, path, who, body) => {
      const res = await t.http()[method.toLowerCase() as 'put'](path).set(as(who)).send(body);
      expectErrorBody(res, 404);
    });

    it.each(['not-a-uuid', '-'.repeat(36)])('an administrator changing the e-mail of user %s: 404, not a database error', async (id) => {
      expectErrorBody(await t.http().put(`/api/users/${id}`).set(as('admin')).send({ email: 'someone@example.jp' }), 404);
      expectErrorBody(await t.http().get(`/api/intake-channels/${id}`).set(as('admin')), 404, 'CHANNEL_NOT_FOUND');
    });

    it('a refresh cookie whose session id is 36 dashes is refused (401), not a database error', async () => {
      const res = await t
        .http()
        .post('/api/auth/refresh')
        .set('Cookie', `jimukyoku_refresh=${'-'.repeat(36)}.${'a'.repeat(32)}`);
      expectErrorBody(res, 401);
    });

    it('intake: the status of a non-UUID application is 404', async () => {
      const channel = await createChannel(t, s.admin.token, '照会の窓口');
      expectErrorBody(await t.http().get('/api/intake/applications/1').set('X-Api-Key', channel.apiKey), 404, 'APPLICATION_NOT_FOUND');
    });
  });

  describe('deep JSON', () => {
    const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

    it.each([33, 5_000, 100_000])('refuses a body nested %i deep with 400 JSON_TOO_DEEP', async (depth) => {
      const res = await t.http().post('/api/quotes').set(as('manager')).set('Content-Type', 'application/json').send(nested(depth));
      expectErrorBody(res, 400, 'JSON_TOO_DEEP');
    });

    it('does not count brackets inside strings', async () => {
      const res = await t
        .http()
        .post('/api/quotes')
        .set(as('manager'))
        .send({ categoryCode: '['.repeat(100) });
      expect(res.body.code).not.toBe('JSON_TOO_DEEP');
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('numbers', () => {
    it.each([
      ['資本金 1e20 (beyond a safe integer)', { applicant: { capital: 1e20 } }, 'applicant.capital'],
      ['資本金 beyond the domain bound', { applicant: { capital: 1e15 } }, 'applicant.capital'],
      ['an expense of 2^53 + 2', { expenses: [{ expenseType: 'machinery', amount: 2 ** 53 + 2 }] }, 'expenses[0].amount'],
    ])('refuses %s in a quote with 400 naming the field', async (_name, body, field) => {
      const res = await t
        .http()
        .post('/api/quotes')
        .set(as('manager'))
        .send({ categoryCode: 'restructuring.standard', ...body });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a quote whose eligibility context has a number where a name belongs, and still reads a well-typed one', async () => {
      const categories = (await t.http().get('/api/categories').query({ range: '[0,199]' }).set(as('manager')).expect(200)).body;
      const category = categories.find((c: { code: string }) => c.code === 'restructuring.standard');
      const quote = (context: unknown) =>
        t
          .http()
          .post('/api/quotes')
          .set(as('manager'))
          .send({
            categoryId: category.id,
            applicant: { kind: 'corporation', sizeClass: 'sme', employeeCount: 30 },
            expenses: [{ expenseType: 'machinery', amount: 15_000_000 }],
            context,
          });
      const wrong = await quote({ certifiedAdvisor: { name: 'a', id: true } });
      expectErrorBody(wrong, 400, 'VALIDATION_FAILED');
      expect(new Set(wrong.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['context.certifiedAdvisor.id']));
      const tooLong = await quote({ financialInstitution: { name: '銀'.repeat(201) } });
      expectErrorBody(tooLong, 400, 'VALIDATION_FAILED');
      expect(tooLong.body.errors).toEqual([
        expect.objectContaining({ field: 'context.financialInstitution.name', message: expect.stringContaining('200文字以内') }),
      ]);
      expectErrorBody(await quote({ claimedMonths: { salesDecline10pct: ['2021-13'] } }), 400, 'VALIDATION_FAILED');
      const right = await quote({
        certifiedAdvisor: { name: '北海道経営支援センター', id: '106213000000' },
        claimedMonths: { salesDecline10pct: ['2021-11', '2021-12', '2022-01'] },
      });
      expect(right.status).toBe(200);
      expect(right.body.eligibility).toBeDefined();
    });

    it('refuses 資本金 1e20 at intake with 422 and stores nothing', async () => {
      const channel = await createChannel(t, s.admin.token, '大きな数の窓口');
      const round = await firstRound();
      const attachments = [randomUUID()]; // refused before attachments are looked at
      const payload = validPayload(round, attachments);
      const res = await t
        .http()
        .post('/api/intake/applications')
        .set('X-Api-Key', channel.apiKey)
        .set('Idempotency-Key', randomUUID())
        .send({ ...payload, applicant: { ...payload.applicant, capital: 1e20 } });
      expectErrorBody(res, 422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('applicant.capital');
      expect((await db.query(`SELECT count(*)::int AS n FROM application WHERE channel_id = $1`, [channel.id]))[0].n).toBe(0);
    });

    it('refuses counts past an int4 column (採択予定件数, 第何回)', async () => {
      const round = await firstRound();
      const categories = (await t.http().get('/api/categories').query({ range: '[0,0]' }).set(as('manager')).expect(200)).body;
      const res = await t
        .http()
        .put(`/api/rounds/${round.id}`)
        .set(as('manager'))
        .send({ categories: [{ categoryId: categories[0].id, adoptionQuota: 2 ** 31 }] });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
    });

    it('refuses a 予算 past 1兆円, and a budget in the query written other than in decimal digits (「0x10」 was 16円)', async () => {
      const round = await firstRound();
      const categories = (await t.http().get('/api/categories').query({ range: '[0,0]' }).set(as('manager')).expect(200)).body;
      const tooMuch = await t
        .http()
        .put(`/api/rounds/${round.id}`)
        .set(as('manager'))
        .send({ categories: [{ categoryId: categories[0].id, budget: 1_000_000_000_001 }] });
      expectErrorBody(tooMuch, 400, 'VALIDATION_FAILED');
      expect(tooMuch.body.errors[0].message).toBe('予算 (budget) は1兆円までです');
      for (const budget of ['0x10', '1e3', ' 100', '-5', '12.5', '10000000000001'])
        expectErrorBody(
          await t.http().get(`/api/rounds/${round.id}/ranking`).query({ categoryId: randomUUID(), budget }).set(as('manager')),
          400,
          'VALIDATION_FAILED',
        );
    });
  });

  describe('the HTTP server', () => {
    /** One raw request on a socket; returns the status line and the JSON body. */
    function raw(request: string): Promise<{ status: number; body: any }> {
      const { port } = new URL(t.baseUrl);
      return new Promise((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString('utf8')));
        socket.on('error', reject);
        socket.on('close', () => {
          const [head, body = ''] = data.split('\r\n\r\n');
          let parsed: unknown = body;
          try {
            parsed = /content-type: application\/json/i.test(head) ? JSON.parse(body) : body;
          } catch {
            // not JSON: the assertions on the body fail and show it
          }
          resolve({ status: Number(head.split(' ')[1]), body: parsed });
        });
      });
    }

    it('answers a body it does not read with 415, and one that does not inflate as its Content-Encoding says with 400 (both were mishandled)', async () => {
      const round = await firstRound();
      const put = () => t.http().put(`/api/rounds/${round.id}`).set(as('manager'));
      // JSON sent as text/plain was answered 200 and nothing was saved
      const plain = await put()
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ name: '第1回（変更）' }));
      expectErrorBody(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(plain.body.message).toContain('application/json');
      expect((await firstRound()).name).toBe(round.name);
      // a body that is not gzip although it says so was a 500
      const notGzip = await put()
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(JSON.stringify({ name: 'x' }));
      expectErrorBody(notGzip, 400, 'BAD_REQUEST');
      expect(notGzip.body.message).toContain('展開できません');
      const unknown = await put()
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'foo')
        .send(JSON.stringify({ name: 'x' }));
      expectErrorBody(unknown, 415, 'UNSUPPORTED_MEDIA_TYPE');
      // a request with no body at all is not refused for its type
      expectErrorBody(await t.http().post(`/api/score-sheets/${randomUUID()}/reopen`).set(as('manager')), 400, 'VALIDATION_FAILED');
    });

    it('answers oversized headers with 431 and the documented body', async () => {
      const res = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      expectErrorBody(res, 431, 'HEADERS_TOO_LARGE');
    });

    it('answers a malformed request with 400 and the documented body', async () => {
      const res = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n`);
      expectErrorBody(res, 400, 'BAD_REQUEST');
    });
  });
});
