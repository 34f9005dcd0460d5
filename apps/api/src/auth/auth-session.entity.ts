import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One login session = one refresh-token family (see the StaffAccounts migration). */
@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'refresh_token_hash', type: 'text' })
  refreshTokenHash!: string;

  /** already-rotated refresh tokens of this session (most recent 200): presenting one again is a replay */
  @Column({ name: 'used_token_hashes', type: 'text', array: true, default: () => `'{}'` })
  usedTokenHashes!: string[];

  /** the idle limit: moves forward on every refresh, never past absoluteExpiresAt */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** the session ends at this time however active (login + SESSION_MAX_AGE) */
  @Column({ name: 'absolute_expires_at', type: 'timestamptz' })
  absoluteExpiresAt!: Date;

  /** the refresh token rotated away last, accepted until previousTokenValidUntil (REFRESH_GRACE_SECONDS) */
  @Column({ name: 'previous_token_hash', type: 'text', nullable: true })
  previousTokenHash!: string | null;

  @Column({ name: 'previous_token_valid_until', type: 'timestamptz', nullable: true })
  previousTokenValidUntil!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', default: () => 'now()' })
  lastUsedAt!: Date;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
