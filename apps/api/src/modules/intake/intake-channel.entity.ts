import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A submission channel (the e-application portal, a partner system): authenticates with an API key. */
@Entity('intake_channel')
export class IntakeChannel {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** the first characters of the key, to recognise it in lists (the key itself is never stored) */
  @Column({ name: 'key_prefix', type: 'text' }) keyPrefix!: string;
  @Column({ name: 'key_hash', type: 'text', select: false }) keyHash!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
}
