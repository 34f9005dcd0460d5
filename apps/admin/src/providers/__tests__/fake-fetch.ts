import type { FetchLike } from '../httpClient';
import type { AuthUser } from '../roles';
import type { AuthResponse } from '../session';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  credentials?: RequestCredentials;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;
type Handler = (call: RecordedCall, nth: number) => Reply;

/**
 * A scripted server: `on('POST /api/auth/login', handler)`; every request is recorded with its
 * parsed JSON body. A request with no handler fails the test loudly.
 */
export function createFakeFetch() {
  const handlers = new Map<string, Handler>();
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    const call: RecordedCall = { method, url, headers, body, credentials: init.credentials };
    calls.push(call);
    const key = `${method} ${url.split('?')[0]}`;
    const handler = handlers.get(key);
    if (!handler) throw new Error(`fake fetch: no handler for ${key}`);
    const nth = calls.filter((c) => `${c.method} ${c.url.split('?')[0]}` === key).length;
    const reply = handler(call, nth);
    if (reply instanceof Error) throw reply;
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : text, {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...reply.headers },
    });
  };
  return {
    fetch,
    calls,
    on(route: string, handler: Handler | Reply) {
      handlers.set(route, typeof handler === 'function' ? handler : () => handler);
      return this;
    },
    callsTo(route: string) {
      return calls.filter((c) => `${c.method} ${c.url.split('?')[0]}` === route);
    },
  };
}

export const user = (overrides: Partial<AuthUser> = {}): AuthUser => ({
  id: 7,
  name: '山田 花子',
  email: 'hanako.yamada@example.jp',
  role: 'manager',
  mustChangePassword: false,
  ...overrides,
});

export const authResponse = (token: string, u: AuthUser = user()): AuthResponse => ({ accessToken: token, expiresIn: 900, user: u });

export const apiError = (statusCode: number, code: string, message: string) => ({ status: statusCode, body: { statusCode, code, message } });
