import type { StaffRole } from '../../src/auth/roles';
import { LoggedIn, loginEveryRole } from '../auth-helpers';
import type { TestApp } from '../harness';
import { FORGED_CREDENTIALS } from './hostile-values';
import { STAFF, type FuzzRequest, type Outcome, type Who } from './types';

/**
 * Sends fuzz requests over HTTP as their caller: a staff session, the intake channel's API key, nobody,
 * or a forged credential (the next of FORGED_CREDENTIALS each time). A staff request answered
 * "session ended" (the fuzz itself may end one) logs every role in again and is sent once more.
 */
export class FuzzClient {
  /** staff logins made again after the fuzz ended a session */
  relogins = 0;
  apiKey = '';
  private forgedTurn = 0;

  constructor(
    private readonly t: TestApp,
    private sessions: Record<StaffRole, LoggedIn>,
  ) {}

  /** the ids of the accounts the fuzz signs in as */
  ownUserIds(): Set<string> {
    return new Set(Object.values(this.sessions).map((s) => s.user.id));
  }

  private headersOf(who: Who): Record<string, string> {
    if (who === 'anonymous') return {};
    if (who === 'forged') return FORGED_CREDENTIALS[this.forgedTurn++ % FORGED_CREDENTIALS.length];
    if (who === 'apiKey') return { 'X-Api-Key': this.apiKey };
    return { Authorization: `Bearer ${this.sessions[who].token}` };
  }

  async call(req: FuzzRequest): Promise<Outcome> {
    const url = new URL(`${this.t.baseUrl}${req.path}`);
    for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
    let body: string | FormData | undefined = req.body === undefined || req.method === 'GET' ? undefined : JSON.stringify(req.body);
    if (req.form) {
      const form = new FormData();
      for (const [k, v] of Object.entries(req.form.fields)) form.append(k, v);
      if (req.form.file) form.append('file', new Blob([Uint8Array.from(req.form.file.bytes)], { type: req.form.file.type }), req.form.file.name);
      body = form;
    }
    const json = typeof body === 'string';
    // the fuzz's failed logins count against a client of their own, not against the helpers' logins
    const client: Record<string, string> = req.path.startsWith('/api/auth/') ? { 'X-Forwarded-For': '198.51.100.7' } : {};
    const contentType: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
    const send = () =>
      fetch(url, {
        method: req.method,
        headers: { ...contentType, ...client, ...req.headers, ...this.headersOf(req.who) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    let res = await send();
    // the fuzz may have ended a session (logout): log that role in again and retry once
    if (res.status === 401 && STAFF.includes(req.who as StaffRole)) {
      const again = (await res
        .clone()
        .json()
        .catch(() => ({}))) as { code?: string };
      if (['SESSION_ENDED', 'TOKEN_EXPIRED'].includes(again.code ?? '') && !req.path.startsWith('/api/auth/') && !req.path.startsWith('/api/intake/')) {
        if (process.env.FUZZ_DEBUG) console.log('relogin after', again, req.who, req.method, req.path, JSON.stringify(req.body)?.slice(0, 200));
        this.sessions = { ...this.sessions, ...(await loginEveryRole(this.t)) };
        this.relogins++;
        res = await send();
      }
    }
    const text = await res.text();
    let parsed: any = text;
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, body: parsed };
  }
}
