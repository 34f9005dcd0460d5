import type { INestApplicationContext } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument } from '../src/openapi/setup-openapi';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { DEMO_EMAIL, login, refreshCookieOf, type LoggedIn } from './auth-helpers';
import { IMPORT_HEADER, importRow, startImportWorker } from './import-fixtures';
import { uploadRequired, validPayload } from './intake-fixtures';
import { insertNotifications } from './notification-fixtures';
import { answerChecker } from './openapi-answers';
import { bearer, portal, startPostAwardEnv, v2Round, type PostAwardEnv } from './post-award-fixtures';

/** The administration, configuration and notification routes (README "API conventions"). */
const GROUP = [
  '/api/audit-logs',
  '/api/auth',
  '/api/users',
  '/api/programs',
  '/api/rule-sets',
  '/api/categories',
  '/api/quotes',
  '/api/intake-channels',
  '/api/imports',
  '/api/notifications',
  '/api/notification-templates',
];
/** Of /api/rounds, the round itself; the routes under a round's id (assignments, ranking, decisions, exports) are the review desk's. */
const ROUND_ROUTES = ['/api/rounds', '/api/rounds/{id}', '/api/rounds/{id}/workflow'];
const inGroup = (path: string) => ROUND_ROUTES.includes(path) || GROUP.some((p) => path === p || path.startsWith(`${p}/`));

/** A supertest expectation of `status` that names the body answered instead. */
const ok = (status: number) => (res: { status: number; body: unknown }) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
};

/** The media types a file answer declares (a template to fill in, not JSON). */
const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * The staff routes of administration and configuration (accounts, the audit log, programmes, rule sets, categories,
 * rounds, quotes, intake channels, imports, notifications and their templates) answer as their OpenAPI document says:
 * every success body of a real exchange conforms to its route's declared schema (openapi-answers.ts: no key the
 * document does not name), and every operation declares its success body (JSON, a file, or 204 with none).
 */
describe('the administration routes answer as their OpenAPI document says', () => {
  let e: PostAwardEnv;
  let doc: OpenAPIObject;
  let check: ReturnType<typeof answerChecker>;
  let worker: INestApplicationContext | undefined;
  const complaints: string[] = [];
  const exercised = new Set<string>();
  const conforms = (method: 'get' | 'post' | 'put' | 'delete', path: string, res: { status: number; body: unknown }) => {
    exercised.add(`${method} ${path}`);
    if (check.declares(method, path, res.status)) complaints.push(...check(method, path, res.status, res.body));
    else complaints.push(`${method} ${path} ${res.status}: undeclared`);
  };
  const as = (who: LoggedIn) => ({
    get: (path: string, query: Record<string, string> = {}) => e.t.http().get(path).query(query).set(bearer(who)),
    post: (path: string, body: object = {}) => e.t.http().post(path).set(bearer(who)).send(body),
    put: (path: string, body: object) => e.t.http().put(path).set(bearer(who)).send(body),
    delete: (path: string) => e.t.http().delete(path).set(bearer(who)),
  });
  const all = { range: JSON.stringify([0, 999]) };

  beforeAll(async () => {
    e = await startPostAwardEnv('admin_answers');
    doc = buildOpenApiDocument(e.t.app);
    check = answerChecker(doc);
  });
  afterAll(async () => {
    await worker?.close();
    await e?.t.close();
  });

  it('declares a success body for every operation of the group: JSON, a file, or 204 with none', () => {
    const undeclared = Object.entries(doc.paths)
      .filter(([path]) => inGroup(path))
      .flatMap(([path, item]) =>
        Object.entries(item as Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>).flatMap(([method, op]) =>
          Object.entries(op.responses)
            .filter(([status]) => status.startsWith('2'))
            .filter(([status, r]) => {
              if (status === '204') return r.content !== undefined;
              const types = Object.keys(r.content ?? {});
              return !(r.content?.['application/json']?.schema || (types.length > 0 && types.every((t) => FILE_TYPES.includes(t))));
            })
            .map(([status]) => `${method} ${path} ${status}`),
        ),
      );
    expect(undeclared).toEqual([]);
  });

  it('accounts and sessions: login, refresh, me, the users, a password reset, logout', async () => {
    complaints.length = 0;
    const { admin, manager } = e.s;
    const signedIn = await e.t.http().post('/api/auth/login').send({ email: DEMO_EMAIL.reviewer, password: DEMO_PASSWORD }).expect(ok(200));
    conforms('post', '/api/auth/login', signedIn);
    conforms('post', '/api/auth/refresh', await e.t.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(signedIn)).expect(ok(200)));
    conforms('get', '/api/auth/me', await as(manager).get('/api/auth/me').expect(ok(200)));

    conforms('get', '/api/users', await as(admin).get('/api/users', all).expect(ok(200)));
    const issued = await as(admin)
      .post('/api/users', { email: 'answers-a@example.jp', name: '回答 一郎', role: 'reviewer', organisation: '株式会社みやぎ' })
      .expect(ok(201));
    conforms('post', '/api/users', issued);
    const chosen = await as(admin)
      .post('/api/users', { email: 'answers-b@example.jp', name: '回答 二郎', role: 'manager', password: 'Kiso-sansen-9-nagare' })
      .expect(ok(201));
    conforms('post', '/api/users', chosen);
    const id: string = issued.body.id;
    conforms('get', '/api/users/{id}', await as(admin).get(`/api/users/${id}`).expect(ok(200)));
    conforms('put', '/api/users/{id}', await as(admin).put(`/api/users/${id}`, { name: '回答 一郎 (改)', organisation: null }).expect(ok(200)));
    conforms('post', '/api/users/{id}/password', await as(admin).post(`/api/users/${id}/password`).expect(ok(200)));
    conforms('post', '/api/users/{id}/password', await as(admin).post(`/api/users/${id}/password`, { password: 'Tenryu-kyo-4-shizuka' }).expect(ok(200)));
    conforms('delete', '/api/users/{id}', await as(admin).delete(`/api/users/${id}`).expect(ok(200)));

    // the two answers without a body: 204
    const changer = await login(e.t, 'answers-b@example.jp', 'Kiso-sansen-9-nagare');
    const changed = await as(changer)
      .post('/api/auth/password', { currentPassword: 'Kiso-sansen-9-nagare', newPassword: 'Hida-takayama-3-asaichi' })
      .expect(ok(204));
    expect(changed.text).toBe('');
    const out = await e.t.http().post('/api/auth/logout').set(bearer(changer)).expect(ok(204));
    expect(out.text).toBe('');
    for (const op of ['post /api/auth/password', 'post /api/auth/logout']) {
      expect(Object.keys(doc.paths[op.slice(5)].post!.responses)).toContain('204');
      expect((doc.paths[op.slice(5)].post!.responses['204'] as { content?: unknown }).content).toBeUndefined();
      exercised.add(op);
    }
    expect(complaints).toEqual([]);
  });

  it('programmes, rule sets, categories, rounds and their workflows, quotes', async () => {
    complaints.length = 0;
    const { manager, admin } = e.s;
    conforms('get', '/api/programs', await as(manager).get('/api/programs', all).expect(ok(200)));
    const program = await as(admin).post('/api/programs', { code: 'answers', name: '回答補助金', kind: 'subsidy', workflowKind: 'subsidy' }).expect(ok(201));
    conforms('post', '/api/programs', program);
    conforms('get', '/api/programs/{id}', await as(manager).get(`/api/programs/${program.body.id}`).expect(ok(200)));
    conforms('put', '/api/programs/{id}', await as(admin).put(`/api/programs/${program.body.id}`, { assumption: '説明のための前提' }).expect(ok(200)));

    conforms('get', '/api/rule-sets', await as(manager).get('/api/rule-sets', all).expect(ok(200)));
    const ruleSet = await as(admin)
      .post('/api/rule-sets', { programId: program.body.id, code: 'answers.r4', edition: 'r4', label: '令和4年度' })
      .expect(ok(201));
    conforms('post', '/api/rule-sets', ruleSet);
    conforms('get', '/api/rule-sets/{id}', await as(manager).get(`/api/rule-sets/${ruleSet.body.id}`).expect(ok(200)));
    conforms('put', '/api/rule-sets/{id}', await as(admin).put(`/api/rule-sets/${ruleSet.body.id}`, { assumption: null }).expect(ok(200)));

    const categories = await as(manager).get('/api/categories', all).expect(ok(200));
    conforms('get', '/api/categories', categories);
    const standard = categories.body.find((c: { code: string }) => c.code === 'restructuring.standard');
    const config = { ...standard.config, code: 'answers.standard', name: '回答枠' };
    const category = await as(admin).post('/api/categories', { ruleSetId: ruleSet.body.id, config }).expect(ok(201));
    conforms('post', '/api/categories', category);
    const shown = await as(manager).get(`/api/categories/${category.body.id}`).expect(ok(200));
    conforms('get', '/api/categories/{id}', shown);
    // created and changed, a 類型 is answered as GET answers it (react-admin keeps the answer as the record)
    expect(category.body).toEqual(shown.body);
    conforms(
      'put',
      '/api/categories/{id}',
      await as(admin)
        .put(`/api/categories/${category.body.id}`, { config: { ...config, name: '回答枠 (改)' } })
        .expect(ok(200)),
    );
    const spare = await as(admin)
      .post('/api/categories', { ruleSetId: ruleSet.body.id, config: { ...config, code: 'answers.spare', name: '予備枠' } })
      .expect(ok(201));
    conforms('delete', '/api/categories/{id}', await as(admin).delete(`/api/categories/${spare.body.id}`).expect(ok(200)));

    const rounds = await as(manager).get('/api/rounds', all).expect(ok(200));
    conforms('get', '/api/rounds', rounds);
    const round = await as(manager)
      .post('/api/rounds', {
        programId: program.body.id,
        ruleSetId: ruleSet.body.id,
        number: 1,
        opensAt: '2030-04-01T00:00:00+09:00',
        closesAt: '2030-06-30T18:00:00+09:00',
        announcementFrom: '2030-08-01T00:00:00+09:00',
        categories: [{ categoryId: category.body.id, budget: 100_000_000, adoptionQuota: 10 }],
      })
      .expect(ok(201));
    conforms('post', '/api/rounds', round);
    conforms(
      'put',
      '/api/rounds/{id}',
      await as(manager).put(`/api/rounds/${round.body.id}`, { announcementFrom: null, name: '第1回公募 (延長)' }).expect(ok(200)),
    );
    conforms('get', '/api/rounds/{id}', await as(manager).get(`/api/rounds/${round.body.id}`).expect(ok(200)));
    // every workflow definition a round may run on (the kinds and their versions)
    for (const r of [...rounds.body, round.body, await v2Round(e)])
      conforms('get', '/api/rounds/{id}/workflow', await as(manager).get(`/api/rounds/${r.id}/workflow`).expect(ok(200)));
    // a rule set's next version, now that a round offers its category
    conforms('post', '/api/rule-sets/{id}/versions', await as(admin).post(`/api/rule-sets/${ruleSet.body.id}/versions`).expect(ok(201)));

    const quote = (body: object) => as(manager).post('/api/quotes', body).expect(ok(200));
    const restructuring = rounds.body.find((r: { code: string }) => r.code.startsWith('restructuring.'));
    conforms(
      'post',
      '/api/quotes',
      await quote({
        roundId: restructuring.id,
        categoryCode: 'restructuring.standard',
        applicant: { kind: 'corporation', sizeClass: 'sme', employeeCount: 120 },
        expenses: [
          { expenseType: 'machinery', amount: 150_000_000, description: '製造ライン' },
          { expenseType: 'machinery', amount: 3_000_000, description: '社用車', flags: ['publicRoadVehicle'] },
        ],
        context: { subsidyAmount: 40_000_000 },
      }),
    );
    conforms(
      'post',
      '/api/quotes',
      await quote({
        categoryId: category.body.id,
        applicant: { kind: 'corporation', sizeClass: 'large', employeeCount: 2000 },
        expenses: [{ expenseType: 'machinery', amount: 1_000_000 }],
      }),
    );
    const [benefit] = await e.db.query(`SELECT id FROM category WHERE kind = 'benefit' LIMIT 1`);
    const sales = { applicantKind: 'corporation', targetMonth: '2022-01', basePeriod: '2020-11', annualRevenue: 80_000_000 };
    conforms(
      'post',
      '/api/quotes',
      await quote({
        categoryId: benefit.id,
        benefit: { ...sales, targetMonthSales: 1_000_000, basePeriodSales: [3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000] },
      }),
    );
    conforms(
      'post',
      '/api/quotes',
      await quote({
        categoryId: benefit.id,
        benefit: { ...sales, targetMonthSales: 3_000_000, basePeriodSales: [3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000] },
      }),
    );
    expect(complaints).toEqual([]);
  });

  it('intake channels, imports, notifications, notification templates, the audit log', async () => {
    complaints.length = 0;
    const { admin, manager } = e.s;
    conforms('get', '/api/intake-channels', await as(admin).get('/api/intake-channels', all).expect(ok(200)));
    const channel = await as(admin).post('/api/intake-channels', { name: '回答の窓口' }).expect(ok(201));
    conforms('post', '/api/intake-channels', channel);
    conforms('get', '/api/intake-channels/{id}', await as(admin).get(`/api/intake-channels/${channel.body.id}`).expect(ok(200)));
    conforms('delete', '/api/intake-channels/{id}', await as(admin).delete(`/api/intake-channels/${channel.body.id}`).expect(ok(200)));

    // an application through the portal: its 受付 notice is written, the template preview renders it
    const round = await v2Round(e);
    await portal(e, '')
      .send(validPayload(round, await uploadRequired(e.t, e.channel.apiKey)))
      .expect(ok(201));

    conforms('get', '/api/imports/format', await as(manager).get('/api/imports/format').expect(ok(200)));
    for (const name of ['template.csv', 'template.xlsx']) {
      const file = await as(manager).get(`/api/imports/${name}`).buffer(true).expect(ok(200));
      const declared = Object.keys((doc.paths[`/api/imports/${name}`].get!.responses['200'] as { content?: object }).content ?? {});
      expect(declared).toEqual([String(file.headers['content-type']).split(';')[0]]);
      exercised.add(`get /api/imports/${name}`);
    }
    const send = (content: string) =>
      e.t
        .http()
        .post('/api/imports')
        .set(bearer(manager))
        .field('roundId', round.id)
        .field('mode', 'validRows')
        .attach('file', Buffer.from(content), { filename: 'applications.csv' })
        .expect(ok(201));
    const imported = await send([IMPORT_HEADER, importRow('株式会社回答', null), importRow('', null)].join('\n'));
    conforms('post', '/api/imports', imported);
    conforms('get', '/api/imports/{id}', await as(manager).get(`/api/imports/${imported.body.id}`).expect(ok(200)));
    worker = await startImportWorker(e.t.config);
    for (let i = 0; i < 300; i++) {
      const res = await as(manager).get(`/api/imports/${imported.body.id}`).expect(ok(200));
      if (res.body.status === 'done' || res.body.status === 'failed') {
        conforms('get', '/api/imports/{id}', res);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    conforms('get', '/api/imports', await as(manager).get('/api/imports', all).expect(ok(200)));

    conforms('get', '/api/notifications/progress', await as(manager).get('/api/notifications/progress').expect(ok(200)));
    conforms('get', '/api/notifications/progress', await as(manager).get('/api/notifications/progress', { roundId: round.id }).expect(ok(200)));
    const [uncertain] = await insertNotifications(e.db, 1, { status: 'uncertain', recipientPrefix: 'answers' });
    // a notice that went out may be sent again (isResendable); one still pending may not
    const [sent] = await insertNotifications(e.db, 1, { status: 'sent', recipientPrefix: 'answers-sent' });
    const notifications = await as(manager).get('/api/notifications', all).expect(ok(200));
    conforms('get', '/api/notifications', notifications);
    for (const n of notifications.body) conforms('get', '/api/notifications/{id}', await as(manager).get(`/api/notifications/${n.id}`).expect(ok(200)));
    conforms(
      'post',
      '/api/notifications/{id}/resend',
      await as(manager).post(`/api/notifications/${sent.id}/resend`, { recipient: 'corrected@example.jp' }).expect(ok(201)),
    );
    conforms('post', '/api/notifications/{id}/resend', await as(manager).post(`/api/notifications/${uncertain.id}/resend`).expect(ok(201)));
    conforms(
      'post',
      '/api/notifications/{id}/confirm-delivered',
      await as(manager).post(`/api/notifications/${uncertain.id}/confirm-delivered`, { note: 'メールサーバーのログで配信を確認' }).expect(ok(200)),
    );

    conforms('get', '/api/notification-templates', await as(manager).get('/api/notification-templates', all).expect(ok(200)));
    const received = await as(manager).get('/api/notification-templates/received').expect(ok(200));
    conforms('get', '/api/notification-templates/{id}', received);
    const saved = await as(manager)
      .put('/api/notification-templates/received', {
        subject: received.body.subject,
        bodyText: `${received.body.bodyText}\n\n以上`,
        version: received.body.version,
      })
      .expect(ok(200));
    conforms('put', '/api/notification-templates/{id}', saved);
    conforms('get', '/api/notification-templates/{id}/versions', await as(manager).get('/api/notification-templates/received/versions').expect(ok(200)));
    conforms(
      'get',
      '/api/notification-templates/{id}/versions',
      await as(manager).get('/api/notification-templates/benefit.received/versions').expect(ok(200)),
    );
    conforms('get', '/api/notification-templates/{id}', await as(manager).get('/api/notification-templates/managerDigest').expect(ok(200)));
    const draft = { subject: received.body.subject, bodyText: received.body.bodyText };
    conforms('post', '/api/notification-templates/{id}/preview', await as(manager).post('/api/notification-templates/received/preview', draft).expect(ok(200)));
    const digest = await as(manager).get('/api/notification-templates/managerDigest').expect(ok(200));
    conforms(
      'post',
      '/api/notification-templates/{id}/preview',
      await as(manager)
        .post('/api/notification-templates/managerDigest/preview', { subject: digest.body.subject, bodyText: digest.body.bodyText })
        .expect(ok(200)),
    );

    const log = await as(e.s.auditor).get('/api/audit-logs', all).expect(ok(200));
    conforms('get', '/api/audit-logs', log);
    for (const entry of log.body.slice(0, 50))
      conforms('get', '/api/audit-logs/{id}', await as(e.s.auditor).get(`/api/audit-logs/${entry.id}`).expect(ok(200)));
    expect(complaints).toEqual([]);
  });

  it('reads a nullable nested object as that object or null, and names one that strays', () => {
    const preview = { subject: '件名', text: '本文', html: '<p>本文</p>' };
    expect(check('post', '/api/notification-templates/{id}/preview', 200, { ...preview, application: null })).toEqual([]);
    const stray = check('post', '/api/notification-templates/{id}/preview', 200, { ...preview, application: { id: 'not-a-uuid', extra: 1 } }).join('\n');
    expect(stray).toMatch(/application\/id must match format "uuid"/);
    expect(stray).toMatch(/application must NOT have additional properties .*extra/);
    expect(stray).toMatch(/application must have required property 'applicantName'/);
  });

  it('drove every operation of the group', () => {
    const operations = Object.entries(doc.paths)
      .filter(([path]) => inGroup(path))
      .flatMap(([path, item]) => Object.keys(item as object).map((method) => `${method} ${path}`));
    expect(operations.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
