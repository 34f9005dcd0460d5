import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { yenColumn } from '../applications/application.entity';

export type ExportFormat = 'csv' | 'xlsx';
/** direct: answered at once (small); job: written by the worker, downloaded from GET …/content */
export type ExportDelivery = 'direct' | 'job';
/** expired: the job's file was removed EXPORT_RETENTION_HOURS after it was written */
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired';

/** One export of the applications a list filter selected, as requested (migrations/1764203200000-ApplicationExports.ts). */
@Entity('application_export')
export class ApplicationExport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy!: string;
  /** the requester's role when asked: the worker scopes the rows by it (a reviewer: only assigned applications) */
  @Column({ name: 'requester_role', type: 'text' }) requesterRole!: string;
  @Column({ type: 'text' }) format!: ExportFormat;
  /** the list filter, as checked against APPLICATION_LIST */
  @Column({ type: 'jsonb' }) filter!: Record<string, unknown>;
  @Column({ type: 'text' }) delivery!: ExportDelivery;
  @Column({ type: 'text' }) status!: ExportStatus;
  @Column({ name: 'total_rows', type: 'integer' }) totalRows!: number;
  @Column({ name: 'processed_rows', type: 'integer' }) processedRows!: number;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'storage_key', type: 'text', nullable: true, select: false }) storageKey!: string | null;
  @Column({ name: 'size_bytes', type: 'bigint', nullable: true, transformer: yenColumn }) sizeBytes!: number | null;
  @Column({ type: 'text', nullable: true }) message!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
