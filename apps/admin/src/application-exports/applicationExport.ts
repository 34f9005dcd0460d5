/** An application export as GET /api/application-exports(/:id) returns it. */
/** expired: the stored file was removed after the retention period (EXPORT_RETENTION_HOURS) */
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired';

export interface ApplicationExportRecord {
  id: string;
  requestedBy: string;
  requesterRole: string;
  format: 'csv' | 'xlsx';
  filter: Record<string, unknown>;
  delivery: 'direct' | 'job';
  status: ExportStatus;
  totalRows: number;
  processedRows: number;
  fileName: string;
  sizeBytes: number | null;
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Still being written: the page keeps asking until the worker is done with it. */
export const isActive = (record: Pick<ApplicationExportRecord, 'status'> | undefined) => record?.status === 'queued' || record?.status === 'running';

/** The stored file can be downloaded: a finished job (a direct export was saved at once, nothing is kept). */
export const isDownloadable = (record: Pick<ApplicationExportRecord, 'status' | 'delivery'> | undefined) =>
  record?.delivery === 'job' && record.status === 'done';

/** 0–100 */
export function progressPercent(record: Pick<ApplicationExportRecord, 'processedRows' | 'totalRows' | 'status'>): number {
  if (record.status === 'done' || record.status === 'expired') return 100;
  if (!record.totalRows) return 0;
  return Math.min(100, Math.round((record.processedRows / record.totalRows) * 100));
}
