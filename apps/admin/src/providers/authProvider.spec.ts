import { HttpError } from 'ra-core';
import { ApiError, CHANGE_PASSWORD_PATH, createAuthProvider } from './authProvider';
import { createApiClient } from './httpClient';
import { STAFF_ROLES } from './roles';
import { createSessionStore } from './session';
import { apiError, authResponse, createFakeFetch, user } from './__tests__/fake-fetch';

function setup() {
  const server = createFakeFetch();
  const session = createSessionStore();
  const api = createApiClient({ fetch: server.fetch, session });
  const authProvider = createAuthProvider({ api, session });
  return { server, session, api, authProvider };
}

const THROTTLED =
  'ログインに続けて失敗したため、この端末からのログインを一時的に止めています。2026年12月3日(木) 06:10:00 (日本時間) 以降に再度お試しください。';

describe('authProvider.login', () => {
  it('posts the e-mail and password as JSON with cookies and keeps the token in memory', async () => {
    const { server, session, authProvider } = setup();
    server.on('POST /api/auth/login', { status: 200, body: authResponse('token-1') });

    await expect(authProvider.login({ email: ' hanako.yamada@example.jp ', password: 'pw' })).resolves.toBeUndefined();

    const [call] = server.callsTo('POST /api/auth/login');
    expect(call!.body).toEqual({ email: 'hanako.yamada@example.jp', password: 'pw' });
    expect(call!.credentials).toBe('include');
    expect(call!.headers.get('Content-Type')).toBe('application/json');
    expect(call!.headers.has('Authorization')).toBe(false);
    expect(session.get()?.accessToken).toBe('token-1');
  });

  it("accepts react-admin's stock `username` field as the e-mail", async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/login', { status: 200, body: authResponse('t') });
    await authProvider.login({ username: 'a@example.jp', password: 'pw' });
    expect(server.callsTo('POST /api/auth/login')[0]!.body).toEqual({ email: 'a@example.jp', password: 'pw' });
  });

  it("fails with the API's Japanese message (e.g. the throttling notice with its JST time) so the login form can show it", async () => {
    const { server, session, authProvider } = setup();
    server.on('POST /api/auth/login', apiError(429, 'TOO_MANY_LOGIN_ATTEMPTS', THROTTLED));
    await expect(authProvider.login({ email: 'a@example.jp', password: 'x' })).rejects.toThrow(THROTTLED);
    expect(session.get()).toBeNull();
  });

  it('does not try the refresh endpoint when the credentials are refused with 401', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/login', apiError(401, 'INVALID_CREDENTIALS', 'メールアドレスまたはパスワードが正しくありません。'));
    await expect(authProvider.login({ email: 'a@example.jp', password: 'x' })).rejects.toThrow('メールアドレスまたはパスワードが正しくありません。');
    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(0);
  });

  it('falls back to a translatable key when the error has no usable message', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/login', { status: 502, body: undefined });
    await expect(authProvider.login({ email: 'a@example.jp', password: 'x' })).rejects.toThrow('ra.auth.sign_in_error');
  });

  it('reports an unreachable server as a network error, not as wrong credentials', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/login', new TypeError('Failed to fetch'));
    await expect(authProvider.login({ email: 'a@example.jp', password: 'x' })).rejects.toThrow('app.errors.network');
  });

  it('sends a user who must change the password to /change-password', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/login', { status: 200, body: authResponse('t', user({ mustChangePassword: true })) });
    await expect(authProvider.login({ email: 'a@example.jp', password: 'pw' })).resolves.toEqual({ redirectTo: CHANGE_PASSWORD_PATH });
  });
});

describe('authProvider.checkAuth', () => {
  it('resolves at once while a token is in memory', async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('t'));
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(server.calls).toHaveLength(0);
  });

  it('restores the session from the refresh cookie after a reload (no token in memory)', async () => {
    const { server, session, authProvider } = setup();
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('restored') });
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(server.callsTo('POST /api/auth/refresh')[0]!.credentials).toBe('include');
    expect(session.get()?.accessToken).toBe('restored');
  });

  it('rejects quietly (no "please log in" toast) when there is no valid refresh cookie', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/refresh', apiError(401, 'UNAUTHENTICATED', 'ログインが必要です。'));
    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: false });
  });

  it('shares one refresh request between concurrent checks', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('t') });
    await Promise.all([authProvider.checkAuth({}), authProvider.checkAuth({}), authProvider.getPermissions()]);
    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(1);
  });
});

describe('authProvider.checkError', () => {
  it('logs out on 401 (the http client has already tried a refresh)', async () => {
    const { authProvider } = setup();
    await expect(authProvider.checkError(new HttpError('ログインが必要です。', 401))).rejects.toBeDefined();
  });

  it('sends a user the API holds to a pending password change to /change-password, without logging out', async () => {
    const { session, authProvider } = setup();
    session.set(authResponse('t'));
    const error = new HttpError(
      'パスワードの変更が必要です（初回ログイン時、または管理者による再設定の後）。新しいパスワードに変更してから操作してください。',
      403,
      { code: 'PASSWORD_CHANGE_REQUIRED' },
    );
    await expect(authProvider.checkError(error)).rejects.toEqual({ logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: false });
    await expect(authProvider.getIdentity()).resolves.toMatchObject({ mustChangePassword: true });
  });

  it.each([403, 404, 409, 422, 500, 0])('stays signed in on %s', async (status) => {
    const { authProvider } = setup();
    await expect(authProvider.checkError(new HttpError('x', status))).resolves.toBeUndefined();
  });
});

describe('authProvider.logout', () => {
  it('revokes the session with the bearer token (the API clears the cookie) and forgets the token', async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('t'));
    server.on('POST /api/auth/logout', { status: 204 });
    await authProvider.logout({});
    expect(session.get()).toBeNull();
    const [call] = server.callsTo('POST /api/auth/logout');
    expect(call!.headers.get('Authorization')).toBe('Bearer t');
    expect(call!.credentials).toBe('include');
  });

  it('refreshes an expired token first so the session is really revoked', async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('expired'));
    server.on('POST /api/auth/logout', (call) =>
      call.headers.get('Authorization') === 'Bearer fresh' ? { status: 204 } : apiError(401, 'TOKEN_EXPIRED', '期限切れ'),
    );
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('fresh') });
    await authProvider.logout({});
    expect(server.callsTo('POST /api/auth/logout').map((c) => c.headers.get('Authorization'))).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(session.get()).toBeNull();
  });

  it('makes no call when nobody is signed in (checkAuth failed on a first visit)', async () => {
    const { server, authProvider } = setup();
    await authProvider.logout({});
    expect(server.calls).toHaveLength(0);
  });

  it('still signs out locally when the API cannot be reached', async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('t'));
    server.on('POST /api/auth/logout', new TypeError('Failed to fetch'));
    await expect(authProvider.logout({})).resolves.toBeUndefined();
    expect(session.get()).toBeNull();
  });
});

describe('authProvider identity and permissions', () => {
  it.each(STAFF_ROLES)('getPermissions returns the role string (%s)', async (role) => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/login', { status: 200, body: authResponse('t', user({ role })) });
    await authProvider.login({ email: 'a@example.jp', password: 'pw' });
    await expect(authProvider.getPermissions()).resolves.toBe(role);
  });

  it('getPermissions restores the role through the refresh cookie after a reload', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('t', user({ role: 'auditor' })) });
    await expect(authProvider.getPermissions()).resolves.toBe('auditor');
  });

  it('getPermissions is undefined when nobody is signed in', async () => {
    const { server, authProvider } = setup();
    server.on('POST /api/auth/refresh', apiError(401, 'UNAUTHENTICATED', 'ログインが必要です。'));
    await expect(authProvider.getPermissions()).resolves.toBeUndefined();
  });

  it('getIdentity maps the user name to fullName', async () => {
    const { session, authProvider } = setup();
    session.set(authResponse('t', user({ id: 3, name: '佐藤 一郎', role: 'reviewer' })));
    await expect(authProvider.getIdentity()).resolves.toEqual({
      id: 3,
      fullName: '佐藤 一郎',
      email: 'hanako.yamada@example.jp',
      role: 'reviewer',
      mustChangePassword: false,
    });
  });

  it('canAccess answers from the table for the signed-in role, and refuses when signed out', async () => {
    const { server, session, authProvider } = setup();
    server.on('POST /api/auth/refresh', apiError(401, 'UNAUTHENTICATED', 'ログインが必要です。'));
    await expect(authProvider.canAccess({ resource: 'audit-logs', action: 'list' })).resolves.toBe(false);
    session.set(authResponse('t', user({ role: 'auditor' })));
    await expect(authProvider.canAccess({ resource: 'audit-logs', action: 'list' })).resolves.toBe(true);
    await expect(authProvider.canAccess({ resource: 'applications', action: 'edit' })).resolves.toBe(false);
  });
});

describe('authProvider.changePassword', () => {
  it('posts both passwords with the bearer token, then clears the must-change flag', async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('old-token', user({ mustChangePassword: true })));
    server.on('POST /api/auth/password', { status: 204 });
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('new-token', user({ mustChangePassword: false })) });

    await authProvider.changePassword({ currentPassword: 'old', newPassword: 'new-password-123' });

    const [call] = server.callsTo('POST /api/auth/password');
    expect(call!.body).toEqual({ currentPassword: 'old', newPassword: 'new-password-123' });
    expect(call!.headers.get('Authorization')).toBe('Bearer old-token');
    expect(session.get()?.accessToken).toBe('new-token');
    await expect(authProvider.getIdentity()).resolves.toMatchObject({ mustChangePassword: false });
  });

  it('clears the flag locally when the refresh still reports it (or is unavailable)', async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('t', user({ mustChangePassword: true })));
    server.on('POST /api/auth/password', { status: 204 });
    server.on('POST /api/auth/refresh', new TypeError('Failed to fetch'));
    await authProvider.changePassword({ currentPassword: 'old', newPassword: 'new' });
    await expect(authProvider.getIdentity()).resolves.toMatchObject({ mustChangePassword: false });
  });

  it("fails with the API's message and its per-field errors", async () => {
    const { server, session, authProvider } = setup();
    session.set(authResponse('t'));
    server.on('POST /api/auth/password', {
      status: 400,
      body: {
        statusCode: 400,
        code: 'WEAK_PASSWORD',
        message: '入力内容に誤りがあります。',
        errors: [{ field: 'newPassword', message: '12文字以上にしてください。' }],
      },
    });
    const error = await authProvider.changePassword({ currentPassword: 'a', newPassword: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: '入力内容に誤りがあります。',
      status: 400,
      code: 'WEAK_PASSWORD',
      fieldErrors: [{ field: 'newPassword', message: '12文字以上にしてください。' }],
    });
  });
});
