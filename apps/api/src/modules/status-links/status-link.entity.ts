import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A link to one application's status page (README "Status page"): its id is signed into the URL. */
@Entity('status_link')
export class StatusLink {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

/** How an opening of the status page ended: shown, or why it was refused (every refusal shows the same 404 page). */
export const STATUS_LINK_OUTCOMES = ['shown', 'invalid', 'unknown', 'expired', 'revoked', 'rateLimited'] as const;
export type StatusLinkOutcome = (typeof STATUS_LINK_OUTCOMES)[number];

/** One opening of the status page (append-only). `linkId` only when the token's signature was genuine. */
@Entity('status_link_use')
export class StatusLinkUse {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'link_id', type: 'uuid', nullable: true }) linkId!: string | null;
  @CreateDateColumn({ name: 'at', type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent!: string | null;
  @Column({ type: 'text' }) outcome!: StatusLinkOutcome;
}
