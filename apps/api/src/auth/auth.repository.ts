import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffUser } from '../modules/users/staff-user.entity';
import { AuthSession } from './auth-session.entity';
import type { AuthenticatedUser } from './roles';

export interface SessionMeta {
  ip?: string;
  userAgent?: string;
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

  /** Counts a failed login atomically; locks the account when the count reaches `max`. */
  async registerFailure(userId: string, max: number, lockSeconds: number): Promise<{ count: number; lockedUntil: Date | null }> {
    // TypeORM answers UPDATE … RETURNING with [rows, affectedCount].
    const [rows]: [{ failed_login_count: number; locked_until: Date | null }[], number] = await this.dataSource.query(
      `UPDATE staff_user
          SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
        WHERE id = $1
    RETURNING failed_login_count, locked_until`,
      [userId, max, lockSeconds],
    );
    const row = rows[0];
    const justLocked = row.failed_login_count === 0;
    return { count: justLocked ? max : row.failed_login_count, lockedUntil: justLocked ? row.locked_until : null };
  }

  async recordSuccessfulLogin(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE staff_user SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [userId]);
  }

  async createSession(userId: string, tokenHash: string, ttlSeconds: number, meta: SessionMeta): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO auth_session (user_id, refresh_token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5) RETURNING id`,
      [userId, tokenHash, ttlSeconds, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
    );
    return rows[0].id;
  }

  /**
   * Replaces the session's refresh token if `presentedHash` is the current one (compare-and-set, so two
   * concurrent refreshes cannot both win). Returns the user id, or null when nothing was rotated.
   */
  async rotateRefreshToken(sessionId: string, presentedHash: string, nextHash: string, ttlSeconds: number): Promise<string | null> {
    const [rows]: [{ user_id: string }[], number] = await this.dataSource.query(
      `UPDATE auth_session
          SET refresh_token_hash = $3, used_token_hashes = (ARRAY[$2::text] || used_token_hashes)[1:200], last_used_at = now(), expires_at = now() + make_interval(secs => $4)
        WHERE id = $1 AND refresh_token_hash = $2 AND revoked_at IS NULL AND expires_at > now()
    RETURNING user_id`,
      [sessionId, presentedHash, nextHash, ttlSeconds],
    );
    return rows[0]?.user_id ?? null;
  }

  findSession(sessionId: string): Promise<AuthSession | null> {
    return this.dataSource.getRepository(AuthSession).findOneBy({ id: sessionId });
  }

  async revokeSession(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
  }

  async revokeUserSessions(userId: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, reason]);
  }

  /** The user behind an access token, if the session is still open and the account active. One query per request. */
  async findActiveSessionUser(sessionId: string, userId: string): Promise<AuthenticatedUser | null> {
    const rows: AuthenticatedUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.organisation, s.id AS "sessionId", u.must_change_password AS "mustChangePassword"
         FROM auth_session s JOIN staff_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_user SET password_hash = $2, must_change_password = false, updated_at = now(), version = version + 1 WHERE id = $1`,
      [userId, passwordHash],
    );
  }
}
