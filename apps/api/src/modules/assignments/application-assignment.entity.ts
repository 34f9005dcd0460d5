import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an assignment is for (not an application state): the 要件確認 of an application, or one of its reviews. */
export const ASSIGNMENT_PURPOSE = { formalCheck: 'formalCheck', review: 'review' } as const;
export type AssignmentPurpose = (typeof ASSIGNMENT_PURPOSE)[keyof typeof ASSIGNMENT_PURPOSE];

/** A reviewer assigned to an application (its 要件確認 or one of its reviews): what a reviewer may see and must do. */
@Entity('application_assignment')
export class ApplicationAssignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @Column({ type: 'text', default: 'review' }) purpose!: AssignmentPurpose;
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true }) assignedBy!: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' }) assignedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy!: string | null;
}
