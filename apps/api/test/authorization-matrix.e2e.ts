import type { StaffRole } from '../src/auth/roles';
import { ADMIN_TEST_PASSWORD, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { apiRoutes } from './route-inventory';

/**
 * Every API route × every role (and anonymous), written out by hand. The test lists the routes the
 * app really serves: a route missing here fails the test, so a new route cannot ship without a
 * decision about who may call it. 'public' routes are open to anonymous callers; 'apiKey' routes are
 * for intake channels only (a staff login does not open them).
 */
type Allowed = 'public' | 'apiKey' | readonly StaffRole[];
const STAFF: readonly StaffRole[] = ['admin', 'manager', 'reviewer', 'auditor'];

const MATRIX: Record<string, Allowed> = {
  'GET /api/health': 'public',
  'GET /api/health/worker': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': STAFF,
  'GET /api/auth/me': STAFF,
  'POST /api/auth/password': STAFF,
  'GET /api/users': ['admin'],
  'GET /api/users/:id': ['admin'],
  'POST /api/users': ['admin'],
  'PUT /api/users/:id': ['admin'],
  'DELETE /api/users/:id': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  'GET /api/audit-logs': ['admin', 'auditor'],
  'GET /api/audit-logs/:id': ['admin', 'auditor'],
  'GET /api/programs': STAFF,
  'GET /api/programs/:id': STAFF,
  'POST /api/programs': ['admin'],
  'PUT /api/programs/:id': ['admin'],
  'GET /api/rule-sets': STAFF,
  'GET /api/rule-sets/:id': STAFF,
  'POST /api/rule-sets': ['admin'],
  'PUT /api/rule-sets/:id': ['admin'],
  'POST /api/rule-sets/:id/versions': ['admin'],
  'GET /api/categories': STAFF,
  'GET /api/categories/:id': STAFF,
  'POST /api/categories': ['admin'],
  'PUT /api/categories/:id': ['admin'],
  'DELETE /api/categories/:id': ['admin'],
  'GET /api/rounds': STAFF,
  'GET /api/rounds/:id': STAFF,
  'POST /api/rounds': ['admin', 'manager'],
  'PUT /api/rounds/:id': ['admin', 'manager'],
  'POST /api/quotes': STAFF,
  'GET /api/rounds/:id/workflow': STAFF,
  'GET /api/applications': STAFF,
  'GET /api/applications/:id': STAFF,
  'POST /api/applications/:id/transitions/:name': ['manager', 'reviewer'],
  'POST /api/applications/bulk-transitions': ['manager'],
  'POST /api/applications/:id/reconsideration': ['manager'],
  'GET /api/applications/:id/history': STAFF,
  'POST /api/applications/:id/paper-resubmissions': ['manager'],
  'GET /api/applications/:id/post-award': STAFF,
  'POST /api/applications/:id/grant-decision': ['manager'],
  'PUT /api/applications/:id/final-inspection': ['manager', 'reviewer'],
  'POST /api/applications/:id/amount-fixing': ['manager'],
  'POST /api/applications/:id/grant-revocation': ['manager'],
  'POST /api/applications/:id/repayments': ['manager'],
  'POST /api/applications/:id/paper-filings': ['manager'],
  'POST /api/applications/:id/status-links/revoke': ['manager'],
  'POST /api/application-exports': STAFF,
  'GET /api/application-exports': STAFF,
  'GET /api/application-exports/:id': STAFF,
  'GET /api/application-exports/:id/content': STAFF,
  'GET /api/applications/:id/attachments': STAFF,
  'GET /api/attachments/:id/content': STAFF,
  'GET /api/applications/:id/formal-check': STAFF,
  'PUT /api/applications/:id/formal-check': ['reviewer'],
  'POST /api/applications/:id/formal-check/complete': ['reviewer'],
  'GET /api/applications/:id/reviews': STAFF,
  'GET /api/review-rubrics': ['admin', 'manager', 'auditor'],
  'GET /api/review-rubrics/:id': ['admin', 'manager', 'auditor'],
  'PUT /api/review-rubrics/:id': ['manager'],
  'GET /api/reviewers': ['admin', 'manager', 'auditor'],
  'GET /api/reviewers/:id': ['admin', 'manager', 'auditor'],
  'PUT /api/reviewers/:id': ['manager'],
  'GET /api/conflicts-of-interest': STAFF,
  'GET /api/conflicts-of-interest/:id': STAFF,
  'POST /api/conflicts-of-interest': ['manager', 'reviewer'],
  'DELETE /api/conflicts-of-interest/:id': ['manager'],
  'GET /api/application-memos': STAFF,
  'GET /api/application-memos/:id': STAFF,
  'POST /api/application-memos': ['manager', 'reviewer'],
  'GET /api/inquiries': STAFF,
  'GET /api/inquiries/:id': STAFF,
  'POST /api/inquiries': ['manager'],
  'GET /api/bank-accounts': ['manager', 'auditor'],
  'GET /api/bank-accounts/:id': ['manager', 'auditor'],
  'POST /api/bank-accounts': ['manager'],
  'PUT /api/bank-accounts/:id': ['manager'],
  'GET /api/payment-batches': ['manager', 'auditor'],
  'GET /api/payment-batches/:id': ['manager', 'auditor'],
  'POST /api/payment-batches': ['manager'],
  'GET /api/payment-batches/:id/zengin': ['manager'],
  'POST /api/payment-batches/:id/confirm': ['manager'],
  'POST /api/payment-batches/:id/cancel': ['manager'],
  'GET /api/review-assignments': STAFF,
  'GET /api/review-assignments/:id': STAFF,
  'POST /api/review-assignments': ['manager'],
  'PUT /api/review-assignments/:id': ['manager'],
  'DELETE /api/review-assignments/:id': ['manager'],
  'GET /api/score-sheets': STAFF,
  'GET /api/score-sheets/:id': STAFF,
  'PUT /api/score-sheets/:id': ['reviewer'],
  'POST /api/score-sheets/:id/submit': ['reviewer'],
  'POST /api/score-sheets/:id/reopen': ['manager'],
  'POST /api/rounds/:roundId/assignments/auto': ['manager'],
  'GET /api/rounds/:roundId/ranking': ['manager', 'auditor'],
  'POST /api/rounds/:roundId/decisions': ['manager'],
  'GET /api/rounds/:roundId/decisions': ['manager', 'auditor'],
  'GET /api/rounds/:roundId/exports/adopted': ['manager', 'auditor'],
  'GET /api/rounds/:roundId/exports/scores': ['manager', 'auditor'],
  'GET /api/pipeline': ['admin', 'manager', 'auditor'],
  'POST /api/pipeline/rounds/:roundId/reviewers/:reviewerId/remind': ['manager'],
  'GET /api/workflows': STAFF,
  'GET /api/commercialization-reports': ['manager', 'auditor'],
  'GET /api/intake-channels': ['admin'],
  'GET /api/intake-channels/:id': ['admin'],
  'POST /api/intake-channels': ['admin'],
  'DELETE /api/intake-channels/:id': ['admin'],
  'POST /api/intake/applications': 'apiKey',
  'POST /api/intake/applications/:id/resubmission': 'apiKey',
  'POST /api/intake/applications/:id/grant-application': 'apiKey',
  'POST /api/intake/applications/:id/advance-payment': 'apiKey',
  'POST /api/intake/applications/:id/performance-report': 'apiKey',
  'POST /api/intake/applications/:id/plan-change': 'apiKey',
  'POST /api/intake/applications/:id/abandonment': 'apiKey',
  'POST /api/intake/applications/:id/withdrawal': 'apiKey',
  'POST /api/intake/applications/:id/commercialization-reports': 'apiKey',
  'GET /api/intake/applications/:id': 'apiKey',
  'POST /api/intake/attachments': 'apiKey',
  'GET /api/imports': ['manager'],
  'GET /api/imports/format': ['manager'],
  'GET /api/imports/template.csv': ['manager'],
  'GET /api/imports/template.xlsx': ['manager'],
  'GET /api/imports/:id': ['manager'],
  'POST /api/imports': ['manager'],
  'GET /api/notifications': ['admin', 'manager', 'auditor'],
  'GET /api/notifications/progress': ['admin', 'manager', 'auditor'],
  'GET /api/notifications/:id': ['admin', 'manager', 'auditor'],
  'POST /api/notifications/:id/resend': ['manager'],
  'POST /api/notifications/:id/confirm-delivered': ['manager'],
  'GET /api/notification-templates': ['admin', 'manager', 'auditor'],
  'GET /api/notification-templates/:id': ['admin', 'manager', 'auditor'],
  'GET /api/notification-templates/:id/versions': ['admin', 'manager', 'auditor'],
  'PUT /api/notification-templates/:id': ['manager'],
  'POST /api/notification-templates/:id/preview': ['admin', 'manager', 'auditor'],
  'GET /api/dev-mail': ['admin', 'manager', 'auditor'],
};

/** Codes by which the access guard refuses; anything else means the request got past it. */
const REFUSED_UNAUTHENTICATED = ['TOKEN_INVALID', 'TOKEN_EXPIRED', 'SESSION_ENDED'];

const concrete = (path: string) => path.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:(\w+)/g, 'x');

describe('authorisation matrix', () => {
  let t: TestApp;
  let sessions: Record<StaffRole, LoggedIn>;
  beforeAll(async () => {
    t = await startTestApp({ label: 'matrix' });
    await seedStaff(t);
    sessions = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  it('covers every route the app serves, and nothing that no longer exists', () => {
    const served = apiRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !served.includes(r))).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([route, allowed]) => (['anonymous', ...STAFF] as const).map((who) => ({ route, who, allowed })));

  it.each(cases)('$route as $who', async ({ route, who, allowed }) => {
    const [method, path] = route.split(' ');
    // Logout would end the session the other cases use: give it a session of its own.
    const session = who === 'anonymous' ? null : route === 'POST /api/auth/logout' ? await freshSession(who) : sessions[who];
    let req = t.http()[method.toLowerCase() as 'get'](concrete(path));
    if (session) req = req.set('Authorization', `Bearer ${session.token}`);
    const res = await req.send({});
    const refusedAsAnonymous = res.status === 401 && REFUSED_UNAUTHENTICATED.includes(res.body.code);
    const refusedByPolicy = res.status === 403 && res.body.code === 'FORBIDDEN';

    if (allowed === 'apiKey') {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    } else if (allowed === 'public') {
      expect({ status: res.status, code: res.body.code, refused: refusedAsAnonymous || refusedByPolicy }).toMatchObject({ refused: false });
    } else if (who === 'anonymous') {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    } else if (allowed.includes(who)) {
      expect({ status: res.status, code: res.body.code, refused: refusedAsAnonymous || refusedByPolicy }).toMatchObject({ refused: false });
      expect(res.status).toBeLessThan(500);
    } else {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  });

  async function freshSession(role: StaffRole): Promise<LoggedIn> {
    const s = sessions[role];
    const res = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(200);
    // rotate: keep the role's main session usable with its new refresh cookie, and log in anew for logout
    sessions[role] = { ...s, token: res.body.accessToken, cookie: (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0] };
    const { login } = await import('./auth-helpers');
    const { DEMO_PASSWORD } = await import('../src/seed/staff-accounts.seed');
    if (role === 'admin') return login(t, 'admin@jimukyoku.example.jp', ADMIN_TEST_PASSWORD);
    const emails: Record<string, string> = {
      manager: 'manager@jimukyoku.example.jp',
      reviewer: 'reviewer@jimukyoku.example.jp',
      auditor: 'auditor@jimukyoku.example.jp',
    };
    return login(t, emails[role], DEMO_PASSWORD);
  }

  it('audits refused access', async () => {
    await t.http().get('/api/users').set('Authorization', `Bearer ${sessions.reviewer.token}`).expect(403);
    const res = await t
      .http()
      .get('/api/audit-logs')
      .query({ filter: JSON.stringify({ action: 'access.refused', actorId: sessions.reviewer.user.id }) })
      .set('Authorization', `Bearer ${sessions.auditor.token}`)
      .expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body[0].changes).toMatchObject({ method: 'GET', path: '/api/users', policy: 'users.read' });
  });
});
