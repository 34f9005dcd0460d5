import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';

/**
 * Failed logins are throttled per client, never per account alone: a stranger who types a staff
 * member's email five times only stops themselves, and the owner still signs in from anywhere else.
 * Unknown emails are counted exactly like known ones, so the throttle tells nothing about accounts.
 */
export const LOGIN_THROTTLE = {
  /** the counting window, and how long a block lasts */
  windowSeconds: 15 * 60,
  /** failures of one client (IP) with one email */
  perAccount: 5,
  /** failures of one client (IP) across every email it tries */
  perClient: 30,
} as const;

export type LoginThrottleScope = 'account' | 'client';

export interface LoginBlock {
  scope: LoginThrottleScope;
  until: Date;
}

/** never reached: the storage must count without blocking on its own */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;
/** a block flag is read by counting a hit on it; that counter means nothing and expires at once */
const PROBE_TTL_MS = 1000;

/**
 * Counts failures in the rate-limit store (ThrottlerStorage: Redis, shared by every API process).
 * The store only knows "count a hit", so a block is a flag of its own: set (a hit with limit 0) when
 * a failure count reaches its limit, read (a hit with no limit) before every attempt, which leaves
 * the failure counts untouched by successful logins.
 */
@Injectable()
export class LoginThrottle {
  constructor(@InjectThrottlerStorage() private readonly storage: ThrottlerStorage) {}

  /** The block in force for this client and email, the one lasting longest; null when it may try. */
  async blocked(ip: string, email: string): Promise<LoginBlock | null> {
    let found: LoginBlock | null = null;
    for (const { scope, key } of this.scopes(ip, email)) {
      const r = await this.storage.increment(`login-block:${key}`, PROBE_TTL_MS, NO_LIMIT, PROBE_TTL_MS, 'login-block');
      if (!r.isBlocked) continue;
      const until = new Date(Date.now() + r.timeToBlockExpire * 1000);
      if (!found || until > found.until) found = { scope, until };
    }
    return found;
  }

  /** Counts one failure; returns the block it started, if this failure reached a limit. */
  async failed(ip: string, email: string): Promise<LoginBlock | null> {
    const windowMs = LOGIN_THROTTLE.windowSeconds * 1000;
    let started: LoginBlock | null = null;
    for (const { scope, key, limit } of this.scopes(ip, email)) {
      const r = await this.storage.increment(`login-failures:${key}`, windowMs, NO_LIMIT, windowMs, 'login-failures');
      if (r.totalHits < limit) continue;
      await this.storage.increment(`login-block:${key}`, PROBE_TTL_MS, 0, windowMs, 'login-block');
      started ??= { scope, until: new Date(Date.now() + windowMs) };
    }
    return started;
  }

  private scopes(ip: string, email: string) {
    const normalised = email.trim().toLowerCase();
    return [
      { scope: 'account' as const, key: `account:${ip}|${normalised}`, limit: LOGIN_THROTTLE.perAccount },
      { scope: 'client' as const, key: `client:${ip}`, limit: LOGIN_THROTTLE.perClient },
    ];
  }
}
