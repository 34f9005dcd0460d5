import type { AuthUser } from './roles';

/** Body of 200 responses from POST /api/auth/login and POST /api/auth/refresh. */
export interface AuthResponse {
  accessToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  user: AuthUser;
}

export interface SessionSnapshot {
  accessToken: string;
  /** Epoch milliseconds when the server stops accepting the access token. */
  expiresAt: number;
  /** Epoch milliseconds after which the client refreshes before using the token again. */
  refreshAt: number;
  user: AuthUser;
}

/**
 * Where the access token lives: in memory only, never in localStorage, so a script injected into the
 * page cannot lift a long-lived credential. A reload forgets it; the httpOnly refresh cookie (which
 * JavaScript cannot read) brings it back through POST /api/auth/refresh.
 */
export interface SessionStore {
  get(): SessionSnapshot | null;
  /** Stores a login/refresh response; `now` is injectable for tests. */
  set(response: AuthResponse, now?: number): SessionSnapshot;
  updateUser(patch: Partial<AuthUser>): void;
  clear(): void;
  /** True when there is a token that is not yet due for a refresh. */
  hasFreshToken(now?: number): boolean;
}

/** Refresh a little before the server would refuse the token, so requests do not race the expiry. */
export const EXPIRY_SKEW_MS = 15_000;

export function createSessionStore(): SessionStore {
  let current: SessionSnapshot | null = null;
  return {
    get: () => current,
    set(response, now = Date.now()) {
      const lifetimeMs = Math.max(0, Number(response.expiresIn) || 0) * 1000;
      current = {
        accessToken: response.accessToken,
        expiresAt: now + lifetimeMs,
        // Short-lived tokens (tests, tight configs) still get half their life before a refresh.
        refreshAt: now + Math.max(lifetimeMs - EXPIRY_SKEW_MS, lifetimeMs / 2),
        user: response.user,
      };
      return current;
    },
    updateUser(patch) {
      if (current) current = { ...current, user: { ...current.user, ...patch } };
    },
    clear() {
      current = null;
    },
    hasFreshToken(now = Date.now()) {
      return current !== null && now < current.refreshAt;
    },
  };
}
