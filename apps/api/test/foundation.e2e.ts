import { apiRoutes } from './route-inventory';
import { startTestApp, TestApp } from './harness';

describe('the API foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ label: 'foundation' });
  });
  afterAll(() => t?.close());

  it('reports PostgreSQL and Redis up on /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('gives every response a request id, and echoes a well-formed one it was sent', async () => {
    const generated = await t.http().get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http().get('/api/health').set('X-Request-Id', 'trace-abc.123');
    expect(echoed.headers['x-request-id']).toBe('trace-abc.123');
  });

  it('serves the OpenAPI document and its UI under /api/docs', async () => {
    const ui = await t.http().get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/worker']));
  });

  it('describes every route the app serves in OpenAPI, each with a summary', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const described = (r: { method: string; path: string }) => {
      const operation = doc.body.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      return typeof operation?.summary === 'string' && operation.summary.length > 0;
    };
    const served = apiRoutes(t.app);
    expect(served.length).toBeGreaterThan(50);
    expect(served.filter((r) => !described(r)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('declares every security scheme an operation names, so that validators and generators accept the document', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const declared = Object.keys(doc.body.components.securitySchemes);
    const named = new Set<string>();
    for (const item of Object.values(doc.body.paths) as Record<string, { security?: Record<string, unknown>[] }>[])
      for (const op of Object.values(item)) for (const requirement of op.security ?? []) for (const name of Object.keys(requirement)) named.add(name);
    expect([...named].filter((n) => !declared.includes(n))).toEqual([]);
    expect(named).toEqual(new Set(['bearer', 'intake-key', 'jimukyoku_refresh']));
    // the intake's own rate limit answers 429
    expect(Object.keys(doc.body.paths['/api/intake/applications'].post.responses)).toContain('429');
  });

  it('answers an unknown route with a JSON 404 in Japanese', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'このURLのAPIはありません。' });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await t.http().post('/api/health').set('Content-Type', 'application/json').send('{"broken":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.message).toContain('JSON');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await t
      .http()
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ x: 'a'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS only from the admin origin', async () => {
    const allowed = await t.http().options('/api/health').set('Origin', t.config.adminOrigin!).set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe(t.config.adminOrigin);
    const other = await t.http().options('/api/health').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // what the admin reads of a response, from another origin too (a download's file name and export id)
    const read = await t.http().get('/api/health').set('Origin', t.config.adminOrigin!);
    expect(read.headers['access-control-expose-headers']?.split(',')).toEqual(
      expect.arrayContaining(['Content-Range', 'X-Total-Count-Estimated', 'Content-Disposition', 'X-Export-Id']),
    );
  });
});

describe('CORS in production without ADMIN_ORIGIN (the admin is served same-origin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ label: 'cors_prod', overrides: { nodeEnv: 'production', adminOrigin: null } });
  });
  afterAll(() => t?.close());

  it('allows no origin, not even the development admin’s, with or without credentials', async () => {
    for (const origin of ['http://localhost:5173', 'https://evil.example', 'null']) {
      const preflight = await t.http().options('/api/auth/login').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const read = await t.http().get('/api/health').set('Origin', origin);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await t.http().get('/api/health')).status).toBe(200);
  });
});
