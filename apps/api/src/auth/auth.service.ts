import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { formatJst } from '@jimukyoku/domain';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, APP_CONFIG } from '../config';
import { UnitOfWork } from '../database';
import { AuditService } from '../modules/audit/audit.service';
import type { StaffUser } from '../modules/users/staff-user.entity';
import { AuthError, weakPasswordError } from './auth.errors';
import { AuthRepository, SessionLimits, SessionMeta } from './auth.repository';
import { LoginBlock, LoginThrottle } from './login-throttle';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { passwordPolicyProblems } from './password-policy';
import { isPublishedPassword } from './published-passwords';
import type { AuthenticatedUser, StaffRole } from './roles';
import { randomToken, sameHash, sha256 } from './tokens';

const SAME_AS_CURRENT = '新しいパスワードは現在のパスワードと異なるものにしてください。';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: StaffRole;
}

export interface SessionUserView {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  organisation: string | null;
  mustChangePassword: boolean;
}

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  user: SessionUserView;
  /**
   * the refresh cookie's value, `<sessionId>.<secret>`, and when it stops working; absent when the
   * cookie stays as it is (a refresh within the grace of the token just rotated: the other tab's
   * answer carries the new one)
   */
  refresh?: { cookie: string; expiresAt: Date };
}

/**
 * Logins, sessions with rotating refresh tokens, failed-login throttling and password changes.
 * Audit records name the account, never a session id, token or hash.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AuthRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The dummy hash is made at boot, so the first unknown email costs no more than a known one. */
  async onModuleInit() {
    await dummyPasswordHash();
  }

  /**
   * An unknown email and a wrong password are one answer (same status, code, message, body and
   * about the same time: a dummy hash is verified); both count towards the client's throttle.
   */
  async login(email: string, password: string, meta: SessionMeta & { requestId?: string }): Promise<IssuedSession> {
    const normalised = email.trim().toLowerCase();
    const client = meta.ip ?? 'unknown';
    const auditBase = { entityType: 'staffUser', requestId: meta.requestId, ip: meta.ip };
    const blocked = await this.throttle.blocked(client, normalised);
    if (blocked) throw this.throttledError(blocked);

    const user = await this.repo.findUserWithPassword(normalised);
    const verified = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !verified) {
      const actor = user ? { id: user.id, role: user.role } : undefined;
      await this.audit.record({
        ...auditBase,
        actor,
        entityId: user?.id,
        action: 'auth.loginFailed',
        changes: { email: normalised, reason: user ? 'wrongPassword' : 'unknownEmail' },
      });
      const started = await this.throttle.failed(client, normalised);
      if (started) {
        await this.audit.record({
          ...auditBase,
          actor,
          entityId: user?.id,
          action: 'auth.loginThrottled',
          changes: { email: normalised, scope: started.scope, until: started.until.toISOString() },
        });
        throw this.throttledError(started);
      }
      throw new AuthError('INVALID_CREDENTIALS');
    }
    const actor = { id: user.id, role: user.role };
    // a production server started on a database that holds the demo's accounts (a copy of a development one)
    if (this.config.nodeEnv === 'production' && isPublishedPassword(password)) {
      await this.audit.record({
        ...auditBase,
        actor,
        entityId: user.id,
        action: 'auth.loginFailed',
        changes: { email: normalised, reason: 'publishedPassword' },
      });
      throw new AuthError('PUBLISHED_PASSWORD');
    }
    if (!user.active) {
      await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.loginFailed', changes: { email: normalised, reason: 'inactive' } });
      throw new AuthError('ACCOUNT_INACTIVE');
    }
    await this.repo.recordSuccessfulLogin(user.id);
    const secret = randomToken();
    const session = await this.repo.createSession(user.id, sha256(secret), this.sessionLimits(), meta);
    await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.login' });
    return this.issue(user, session.sessionId, { secret, expiresAt: session.expiresAt });
  }

  /**
   * Rotates the refresh token. The token rotated away moments ago (REFRESH_GRACE_SECONDS) gets an
   * access token but no new refresh token: it is a second tab, whose cookie the first answer already
   * replaced. Any older token, or that one after the grace, is a replay and ends the session.
   */
  async refresh(sessionId: string, secret: string, meta: { requestId?: string; ip?: string }): Promise<IssuedSession> {
    const presented = sha256(secret);
    const next = randomToken();
    const rotated = await this.repo.rotateRefreshToken(sessionId, presented, sha256(next), this.sessionLimits().idleSeconds, this.config.refreshGraceSeconds);
    if (rotated) return this.issueFor(rotated.userId, sessionId, { secret: next, expiresAt: rotated.expiresAt });

    const graceUserId = await this.repo.acceptWithinGrace(sessionId, presented);
    if (graceUserId) return this.issueFor(graceUserId, sessionId, null);

    const session = await this.repo.findSession(sessionId);
    if (session && !session.revokedAt && session.usedTokenHashes.some((used) => sameHash(used, presented))) {
      // An already-rotated token came back: someone else holds the chain. End the session.
      await this.repo.revokeSession(sessionId, 'refreshTokenReused');
      await this.audit.record({
        actor: { id: session.userId, role: null },
        action: 'auth.refreshReused',
        entityType: 'staffUser',
        entityId: session.userId,
        ...meta,
      });
      throw new AuthError('REFRESH_REUSED');
    }
    throw new AuthError('SESSION_ENDED');
  }

  async logout(user: AuthenticatedUser, meta: { requestId?: string; ip?: string }): Promise<void> {
    await this.repo.revokeSession(user.sessionId, 'logout');
    await this.audit.record({ actor: user, action: 'auth.logout', entityType: 'staffUser', entityId: user.id, ...meta });
  }

  /**
   * Own password change: the policy decides; every other session of the account ends, this one stays.
   * A wrong current password counts like a failed login (a stolen access token cannot guess it freely).
   */
  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string, meta: { requestId?: string; ip?: string }): Promise<void> {
    const client = meta.ip ?? 'unknown';
    const blocked = await this.throttle.blocked(client, user.email);
    if (blocked) throw this.throttledError(blocked);
    const stored = await this.repo.findUserWithPasswordById(user.id);
    if (!stored || !(await verifyPassword(stored.passwordHash, currentPassword))) {
      const started = await this.throttle.failed(client, user.email);
      throw started ? this.throttledError(started) : new AuthError('WRONG_CURRENT_PASSWORD');
    }
    const problems = passwordPolicyProblems(newPassword, { email: stored.email });
    if (newPassword === currentPassword) problems.push(SAME_AS_CURRENT);
    if (problems.length) throw weakPasswordError('newPassword', problems);
    const hash = await hashPassword(newPassword);
    // one transaction: the new password, the other sessions ended and the audit record
    await this.uow.run(async (tx) => {
      await this.repo.setPassword(tx, user.id, hash, false);
      const endedSessions = await this.repo.revokeUserSessions(user.id, 'passwordChanged', { keepSessionId: user.sessionId, tx });
      await this.audit.record(
        { actor: user, action: 'auth.passwordChanged', entityType: 'staffUser', entityId: user.id, changes: { endedSessions }, ...meta },
        tx,
      );
    });
  }

  /** Resolves an access token's claims to the live user (refused when logged out or deactivated). */
  async userForToken(payload: AccessTokenPayload): Promise<AuthenticatedUser> {
    const user = await this.repo.findActiveSessionUser(payload.sid, payload.sub);
    if (!user) throw new AuthError('SESSION_ENDED');
    return user;
  }

  me(user: AuthenticatedUser): SessionUserView {
    return { id: user.id, name: user.name, email: user.email, role: user.role, organisation: user.organisation, mustChangePassword: user.mustChangePassword };
  }

  private sessionLimits(): SessionLimits {
    return { idleSeconds: this.config.refreshTokenTtl, maxAgeSeconds: this.config.sessionMaxAge };
  }

  private async issueFor(userId: string, sessionId: string, refresh: { secret: string; expiresAt: Date } | null): Promise<IssuedSession> {
    const user = await this.repo.findUserWithPasswordById(userId);
    if (!user || !user.active) {
      await this.repo.revokeSession(sessionId, 'userInactive');
      throw new AuthError('ACCOUNT_INACTIVE');
    }
    return this.issue(user, sessionId, refresh);
  }

  private issue(user: StaffUser, sessionId: string, refresh: { secret: string; expiresAt: Date } | null): IssuedSession {
    const payload: AccessTokenPayload = { sub: user.id, sid: sessionId, role: user.role };
    return {
      accessToken: this.jwt.sign(payload, { expiresIn: this.config.accessTokenTtl }),
      expiresIn: this.config.accessTokenTtl,
      user: { id: user.id, name: user.name, email: user.email, role: user.role, organisation: user.organisation, mustChangePassword: user.mustChangePassword },
      ...(refresh ? { refresh: { cookie: `${sessionId}.${refresh.secret}`, expiresAt: refresh.expiresAt } } : {}),
    };
  }

  private throttledError(block: LoginBlock): AuthError {
    const retryAfterSeconds = Math.max(1, Math.ceil((block.until.getTime() - Date.now()) / 1000));
    return new AuthError(
      'TOO_MANY_LOGIN_ATTEMPTS',
      { retryAt: block.until.toISOString(), retryAfterSeconds },
      `ログインに続けて失敗したため、この端末からのログインを一時的に止めています。${formatJst(block.until)} (日本時間) 以降に再度お試しください。`,
    );
  }
}
