import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { StaffRole } from '../../auth/roles';

@Entity('staff_user')
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** stored lower-case; unique */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  /** a reviewer's organisation, for conflicts of interest */
  @Column({ type: 'text', nullable: true })
  organisation!: string | null;

  /** a reviewer's maximum of open assignments (審査員ごとの上限件数) */
  @Column({ name: 'review_capacity', type: 'integer', default: 300 })
  reviewCapacity!: number;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
