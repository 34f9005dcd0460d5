import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../database';
import { prepared } from '../database/entity-rows';
import { StaffUser } from '../modules/users/staff-user.entity';
import { AuthSession } from './auth-session.entity';
import type { AuthenticatedUser } from './roles';

export interface SessionMeta {
  ip?: string;
  userAgent?: string;
}

export interface SessionLimits {
  /** the session ends after this many seconds without a refresh */
  idleSeconds: number;
  /** and this many seconds after the login in any case */
  maxAgeSeconds: number;
}

export interface OpenedSession {
  sessionId: string;
  /** when the refresh token stops working unless used */
  expiresAt: Date;
}

export interface RotatedSession {
  userId: string;
  expiresAt: Date;
}

/** All SQL of logins and sessions. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findUserWithPassword(email: string): Promise<StaffUser | null> {
    return this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  findUserWithPasswordById(id: string): Promise<StaffUser | null> {
    return this.dataSource.getRepository(StaffUser).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  async recordSuccessfulLogin(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE staff_user SET last_login_at = now() WHERE id = $1`, [userId]);
  }

  /** Opens a session: idle limit `idleSeconds`, never past `maxAgeSeconds` after now. */
  async createSession(userId: string, tokenHash: string, limits: SessionLimits, meta: SessionMeta): Promise<OpenedSession> {
    const rows: { id: string; expires_at: Date }[] = await this.dataSource.query(
      `INSERT INTO auth_session (user_id, refresh_token_hash, expires_at, absolute_expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => LEAST($3::int, $4::int)), now() + make_interval(secs => $4), $5, $6)
       RETURNING id, expires_at`,
      [userId, tokenHash, limits.idleSeconds, limits.maxAgeSeconds, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
    );
    return { sessionId: rows[0].id, expiresAt: rows[0].expires_at };
  }

  /**
   * Replaces the session's refresh token if `presentedHash` is the current one (compare-and-set, so two
   * concurrent refreshes cannot both win). The replaced token stays acceptable for `graceSeconds`
   * (see acceptWithinGrace). The idle limit moves forward, never past the absolute one.
   */
  async rotateRefreshToken(
    sessionId: string,
    presentedHash: string,
    nextHash: string,
    idleSeconds: number,
    graceSeconds: number,
  ): Promise<RotatedSession | null> {
    const [rows]: [{ user_id: string; expires_at: Date }[], number] = await this.dataSource.query(
      `UPDATE auth_session
          SET refresh_token_hash = $3,
              previous_token_hash = $2,
              previous_token_valid_until = now() + make_interval(secs => $5),
              used_token_hashes = (ARRAY[$2::text] || used_token_hashes)[1:200],
              last_used_at = now(),
              expires_at = LEAST(now() + make_interval(secs => $4), absolute_expires_at)
        WHERE id = $1 AND refresh_token_hash = $2 AND revoked_at IS NULL AND expires_at > now()
    RETURNING user_id, expires_at`,
      [sessionId, presentedHash, nextHash, idleSeconds, graceSeconds],
    );
    return rows[0] ? { userId: rows[0].user_id, expiresAt: rows[0].expires_at } : null;
  }

  /**
   * The user of a still-open session whose token `presentedHash` was rotated away moments ago (a
   * second tab refreshing with the same cookie); null once the grace is over or the session ended.
   */
  async acceptWithinGrace(sessionId: string, presentedHash: string): Promise<string | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM auth_session
        WHERE id = $1 AND previous_token_hash = $2 AND previous_token_valid_until > now() AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, presentedHash],
    );
    return rows[0]?.user_id ?? null;
  }

  findSession(sessionId: string): Promise<AuthSession | null> {
    return this.dataSource.getRepository(AuthSession).findOneBy({ id: sessionId });
  }

  async revokeSession(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
  }

  /** Ends every open session of the user except `keepSessionId` (the one asking); returns how many ended. */
  async revokeUserSessions(userId: string, reason: string, options: { keepSessionId?: string; tx?: Transaction } = {}): Promise<number> {
    const [, ended]: [unknown, number] = await managerOf(options.tx, this.dataSource).query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, options.keepSessionId ?? null],
    );
    return ended;
  }

  /** The user behind an access token, if the session is still open and the account active. One query per request. */
  async findActiveSessionUser(sessionId: string, userId: string): Promise<AuthenticatedUser | null> {
    // every authenticated request runs it: a prepared statement, parsed and planned once per connection
    const rows = (await prepared(
      this.dataSource.manager,
      `SELECT u.id, u.email, u.name, u.role, u.organisation, s.id AS "sessionId", u.must_change_password AS "mustChangePassword"
         FROM auth_session s JOIN staff_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    )) as unknown as AuthenticatedUser[];
    return rows[0] ?? null;
  }

  /** `mustChangePassword`: true when someone else chose it (an administrator's reset). */
  async setPassword(tx: Transaction, userId: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await managerOf(tx, this.dataSource).query(
      `UPDATE staff_user SET password_hash = $2, must_change_password = $3, updated_at = now(), version = version + 1 WHERE id = $1`,
      [userId, passwordHash, mustChangePassword],
    );
  }
}
