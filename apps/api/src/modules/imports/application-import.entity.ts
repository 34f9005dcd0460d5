import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RowProblem } from './import-columns';

export type ImportMode = 'validRows' | 'allOrNothing';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A bulk import of applications from a CSV or Excel file, with its progress and row-level report. */
@Entity('application_import')
export class ApplicationImport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ type: 'text' }) format!: 'csv' | 'xlsx';
  /** validRows: import the rows that pass, report the others; allOrNothing: any problem → nothing */
  @Column({ type: 'text' }) mode!: ImportMode;
  @Column({ type: 'text' }) status!: ImportStatus;
  @Column({ name: 'storage_key', type: 'text', select: false }) storageKey!: string;
  @Column({ name: 'total_rows', type: 'integer' }) totalRows!: number;
  @Column({ name: 'processed_rows', type: 'integer' }) processedRows!: number;
  @Column({ name: 'imported_rows', type: 'integer' }) importedRows!: number;
  @Column({ name: 'error_rows', type: 'integer' }) errorRows!: number;
  @Column({ type: 'jsonb' }) errors!: RowProblem[];
  @Column({ type: 'text', nullable: true }) message!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
