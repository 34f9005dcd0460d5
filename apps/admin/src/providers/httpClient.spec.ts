import { HttpError } from 'ra-core';
import { createApiClient } from './httpClient';
import { createSessionStore } from './session';
import { apiError, authResponse, createFakeFetch } from './__tests__/fake-fetch';

function setup(start = 1_000_000) {
  let clock = start;
  const server = createFakeFetch();
  const session = createSessionStore();
  const api = createApiClient({ fetch: server.fetch, session, now: () => clock });
  return { server, session, api, advance: (ms: number) => (clock += ms), now: () => clock };
}

const unauthenticated = apiError(401, 'UNAUTHENTICATED', 'ログインが必要です。');

describe('httpClient', () => {
  it('sends the in-memory access token as a bearer token, with cookies', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('token-1'), now());
    server.on('GET /api/rounds', { status: 200, body: [{ id: 1 }], headers: { 'Content-Range': 'rounds 0-0/1' } });

    const response = await api.httpClient('/api/rounds?range=%5B0%2C24%5D');

    expect(response.json).toEqual([{ id: 1 }]);
    expect(response.headers.get('Content-Range')).toBe('rounds 0-0/1');
    const [call] = server.callsTo('GET /api/rounds');
    expect(call!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(call!.headers.get('Accept')).toBe('application/json');
    expect(call!.credentials).toBe('include');
  });

  it('keeps headers set by the data provider (e.g. Range)', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('t'), now());
    server.on('GET /api/rounds', { status: 200, body: [] });
    await api.httpClient('/api/rounds', { headers: new Headers({ Range: 'rounds=0-24' }) });
    expect(server.callsTo('GET /api/rounds')[0]!.headers.get('Range')).toBe('rounds=0-24');
  });

  it('on a 401 refreshes once and retries the request with the new token', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('expired'), now());
    server.on('GET /api/rounds', (call) => (call.headers.get('Authorization') === 'Bearer fresh' ? { status: 200, body: [{ id: 1 }] } : unauthenticated));
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('fresh') });

    await expect(api.httpClient('/api/rounds')).resolves.toMatchObject({ status: 200, json: [{ id: 1 }] });

    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('GET /api/rounds').map((c) => c.headers.get('Authorization'))).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(session.get()?.accessToken).toBe('fresh');
  });

  it('replays the request body on the retry', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('expired'), now());
    server.on('PUT /api/rounds/5', (call) => (call.headers.get('Authorization') === 'Bearer fresh' ? { status: 200, body: call.body } : unauthenticated));
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('fresh') });
    const response = await api.httpClient('/api/rounds/5', { method: 'PUT', body: JSON.stringify({ id: 5, name: '第5回公募' }) });
    expect(response.json).toEqual({ id: 5, name: '第5回公募' });
  });

  it('retries only once: a second 401 is passed on (authProvider.checkError then logs out)', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('t'), now());
    server.on('GET /api/rounds', unauthenticated);
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('t2') });

    const error = await api.httpClient('/api/rounds').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 401, message: 'ログインが必要です。' });
    expect(server.callsTo('GET /api/rounds')).toHaveLength(2);
    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('passes the original 401 on, without a retry, when the refresh is refused; the session is cleared', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('t'), now());
    server.on('GET /api/rounds', unauthenticated);
    server.on('POST /api/auth/refresh', unauthenticated);

    await expect(api.httpClient('/api/rounds')).rejects.toMatchObject({ status: 401 });
    expect(server.callsTo('GET /api/rounds')).toHaveLength(1);
    expect(session.get()).toBeNull();
  });

  it('does not refresh on 403: not allowed is not signed out', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('t'), now());
    server.on('DELETE /api/users/1', apiError(403, 'FORBIDDEN', 'この操作を行う権限がありません。'));
    await expect(api.httpClient('/api/users/1', { method: 'DELETE' })).rejects.toMatchObject({ status: 403, message: 'この操作を行う権限がありません。' });
    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(0);
  });

  it('refreshes before the request when there is no token yet (page reload) and does not refresh twice', async () => {
    const { server, api } = setup();
    server.on('POST /api/auth/refresh', unauthenticated);
    server.on('GET /api/rounds', unauthenticated);
    await expect(api.httpClient('/api/rounds')).rejects.toMatchObject({ status: 401 });
    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('GET /api/rounds')[0]!.headers.has('Authorization')).toBe(false);
  });

  it('refreshes ahead of expiry instead of sending a token about to be refused', async () => {
    const { server, session, api, now, advance } = setup();
    session.set(authResponse('short-lived'), now()); // expiresIn 900 s
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('next') });
    server.on('GET /api/rounds', { status: 200, body: [] });

    advance(890_000);
    await api.httpClient('/api/rounds');

    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('GET /api/rounds')[0]!.headers.get('Authorization')).toBe('Bearer next');
  });

  it('shares one refresh between requests that hit 401 together', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('expired'), now());
    server.on('GET /api/rounds', (call) => (call.headers.get('Authorization') === 'Bearer fresh' ? { status: 200, body: [] } : unauthenticated));
    server.on('POST /api/auth/refresh', { status: 200, body: authResponse('fresh') });
    await Promise.all([api.httpClient('/api/rounds'), api.httpClient('/api/rounds'), api.httpClient('/api/rounds')]);
    expect(server.callsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('turns an unreachable server into a translatable network error with status 0', async () => {
    const { server, session, api, now } = setup();
    session.set(authResponse('t'), now());
    server.on('GET /api/rounds', new TypeError('Failed to fetch'));
    await expect(api.httpClient('/api/rounds')).rejects.toMatchObject({ status: 0, message: 'app.errors.network' });
  });
});
