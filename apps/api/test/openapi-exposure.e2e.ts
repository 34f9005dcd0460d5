import { INITIAL_ADMIN } from '../src/seed/staff-accounts.seed';
import { PRODUCTION_TEST_PASSWORD, seedStaffForProduction } from '../src/testing';
import { DEMO_EMAIL, login } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

// The OpenAPI document maps every route; in production it is served only when asked for (API_DOCS=true)
// or to signed-in staff. Development and test serve it to anyone (foundation.e2e.ts reads it).
describe('OpenAPI in production', () => {
  describe('without API_DOCS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ label: 'openapi_prod', overrides: { nodeEnv: 'production', apiDocs: false } });
      // production signs no one in with a published password
      await seedStaffForProduction(t);
    });
    afterAll(() => t?.close());

    it.each(['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs/swagger-ui-init.js'])(
      'answers %s to an anonymous client with the 404 of an unknown path',
      async (path) => {
        const res = await t.http().get(path).expect(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
        expect(JSON.stringify(res.body)).not.toContain('openapi');
      },
    );

    it('refuses a forged or malformed bearer token the same way', async () => {
      for (const token of ['not-a-jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl']) {
        await t.http().get('/api/docs-json').set('Authorization', `Bearer ${token}`).expect(404);
      }
    });

    it('gives the JSON document to a signed-in staff member, but not the UI', async () => {
      const manager = await login(t, DEMO_EMAIL.manager, PRODUCTION_TEST_PASSWORD);
      const doc = await t.http().get('/api/docs-json').set('Authorization', `Bearer ${manager.token}`).expect(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/applications']));
      await t.http().get('/api/docs').set('Authorization', `Bearer ${manager.token}`).redirects(1).expect(404);
    });

    it('not to an account that has still to change its initial password, nor after logout', async () => {
      const admin = await login(t, INITIAL_ADMIN.email, PRODUCTION_TEST_PASSWORD);
      expect(admin.user.mustChangePassword).toBe(true);
      await t.http().get('/api/docs-json').set('Authorization', `Bearer ${admin.token}`).expect(404);

      const reviewer = await login(t, DEMO_EMAIL.reviewer, PRODUCTION_TEST_PASSWORD);
      await t.http().get('/api/docs-json').set('Authorization', `Bearer ${reviewer.token}`).expect(200);
      await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${reviewer.token}`).set('Cookie', reviewer.cookie).expect(204);
      await t.http().get('/api/docs-json').set('Authorization', `Bearer ${reviewer.token}`).expect(404);
    });
  });

  describe('with API_DOCS=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ label: 'openapi_prod_on', overrides: { nodeEnv: 'production', apiDocs: true } });
    });
    afterAll(() => t?.close());

    it('serves the UI and the JSON to anyone', async () => {
      expect((await t.http().get('/api/docs').redirects(1).expect(200)).text).toContain('swagger');
      expect((await t.http().get('/api/docs-json').expect(200)).body.openapi).toMatch(/^3\./);
    });
  });
});
