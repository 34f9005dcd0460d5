import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, APP_CONFIG } from '../config';
import { AuditService } from '../modules/audit/audit.service';
import type { StaffUser } from '../modules/users/staff-user.entity';
import { AuthError } from './auth.errors';
import { AuthRepository, SessionMeta } from './auth.repository';
import { dummyPasswordHash, hashPassword, isAcceptablePassword, verifyPassword } from './password';
import type { AuthenticatedUser, StaffRole } from './roles';
import { randomToken, sha256 } from './tokens';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_SECONDS = 15 * 60;

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
  /** the refresh cookie's value: `<sessionId>.<secret>` */
  refreshCookie: string;
}

const jst = (d: Date) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', month: 'numeric', day: 'numeric' }).format(d);

/** Logins, sessions with rotating refresh tokens, lock-out and password changes. */
@Injectable()
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, meta: SessionMeta & { requestId?: string }): Promise<IssuedSession> {
    const user = await this.repo.findUserWithPassword(email);
    const auditBase = { entityType: 'staffUser', requestId: meta.requestId, ip: meta.ip };
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      await this.audit.record({ ...auditBase, action: 'auth.loginFailed', changes: { email: email.trim().toLowerCase(), reason: 'unknownEmail' } });
      throw new AuthError('INVALID_CREDENTIALS');
    }
    const actor = { id: user.id, role: user.role };
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.loginFailed', changes: { reason: 'locked' } });
      throw this.lockedError(user.lockedUntil);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const { count, lockedUntil } = await this.repo.registerFailure(user.id, MAX_FAILED_LOGINS, LOCK_SECONDS);
      await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.loginFailed', changes: { reason: 'wrongPassword', failedCount: count } });
      if (lockedUntil) {
        await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.locked', changes: { lockedUntil: lockedUntil.toISOString() } });
        throw this.lockedError(lockedUntil);
      }
      throw new AuthError('INVALID_CREDENTIALS', { remainingAttempts: MAX_FAILED_LOGINS - count });
    }
    if (!user.active) {
      await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.loginFailed', changes: { reason: 'inactive' } });
      throw new AuthError('ACCOUNT_INACTIVE');
    }
    await this.repo.recordSuccessfulLogin(user.id);
    const secret = randomToken();
    const sessionId = await this.repo.createSession(user.id, sha256(secret), this.config.refreshTokenTtl, meta);
    await this.audit.record({ ...auditBase, actor, entityId: user.id, action: 'auth.login', changes: { sessionId } });
    return this.issue(user, sessionId, secret);
  }

  async refresh(sessionId: string, secret: string, meta: { requestId?: string; ip?: string }): Promise<IssuedSession> {
    const presented = sha256(secret);
    const next = randomToken();
    const userId = await this.repo.rotateRefreshToken(sessionId, presented, sha256(next), this.config.refreshTokenTtl);
    if (!userId) {
      const session = await this.repo.findSession(sessionId);
      if (session && !session.revokedAt && session.usedTokenHashes.includes(presented)) {
        // An already-rotated token came back: someone else holds the chain. End the session.
        await this.repo.revokeSession(sessionId, 'refreshTokenReused');
        await this.audit.record({ actor: { id: session.userId, role: null }, action: 'auth.refreshReused', entityType: 'staffUser', entityId: session.userId, changes: { sessionId }, ...meta });
        throw new AuthError('REFRESH_REUSED');
      }
      throw new AuthError('SESSION_ENDED');
    }
    const user = await this.repo.findUserWithPasswordById(userId);
    if (!user || !user.active) {
      await this.repo.revokeSession(sessionId, 'userInactive');
      throw new AuthError('ACCOUNT_INACTIVE');
    }
    return this.issue(user, sessionId, next);
  }

  async logout(user: AuthenticatedUser, meta: { requestId?: string; ip?: string }): Promise<void> {
    await this.repo.revokeSession(user.sessionId, 'logout');
    await this.audit.record({ actor: user, action: 'auth.logout', entityType: 'staffUser', entityId: user.id, changes: { sessionId: user.sessionId }, ...meta });
  }

  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string, meta: { requestId?: string; ip?: string }): Promise<void> {
    const stored = await this.repo.findUserWithPasswordById(user.id);
    if (!stored || !(await verifyPassword(stored.passwordHash, currentPassword))) throw new AuthError('WRONG_CURRENT_PASSWORD');
    if (!isAcceptablePassword(newPassword, currentPassword)) throw new AuthError('WEAK_PASSWORD');
    await this.repo.setPassword(user.id, await hashPassword(newPassword));
    await this.audit.record({ actor: user, action: 'auth.passwordChanged', entityType: 'staffUser', entityId: user.id, ...meta });
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

  private issue(user: StaffUser, sessionId: string, secret: string): IssuedSession {
    const payload: AccessTokenPayload = { sub: user.id, sid: sessionId, role: user.role };
    return {
      accessToken: this.jwt.sign(payload, { expiresIn: this.config.accessTokenTtl }),
      expiresIn: this.config.accessTokenTtl,
      user: { id: user.id, name: user.name, email: user.email, role: user.role, organisation: user.organisation, mustChangePassword: user.mustChangePassword },
      refreshCookie: `${sessionId}.${secret}`,
    };
  }

  private lockedError(until: Date) {
    return new AuthError('ACCOUNT_LOCKED', { lockedUntil: until.toISOString() }, `ログインに${MAX_FAILED_LOGINS}回続けて失敗したため、アカウントをロックしました。${jst(until)} 以降に再度お試しください。`);
  }
}
