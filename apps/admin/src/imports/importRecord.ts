/** 一括取込 as GET /api/imports(/:id) returns it. */
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
export type ImportMode = 'validRows' | 'allOrNothing';

export interface ImportRowProblem {
  row: number;
  field: string;
  message: string;
}

export interface ImportRecord {
  id: string;
  roundId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  mode: ImportMode;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  errorRows: number;
  errors: ImportRowProblem[];
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const IMPORT_MODES: readonly ImportMode[] = ['validRows', 'allOrNothing'];
export const modeChoices = IMPORT_MODES.map((mode) => ({ id: mode, name: `app.imports.modes.${mode}` }));
export const statusChoices = (['queued', 'running', 'done', 'failed'] as const).map((s) => ({ id: s, name: `app.imports.statuses.${s}` }));

/** Still moving: the page keeps asking until the worker is done with it. */
export const isActive = (record: Pick<ImportRecord, 'status'> | undefined) => record?.status === 'queued' || record?.status === 'running';

/** 0–100, or null while the row count is not known yet. */
export function progressPercent(record: Pick<ImportRecord, 'processedRows' | 'totalRows' | 'status'>): number | null {
  if (record.status === 'done') return 100;
  if (!record.totalRows) return null;
  return Math.min(100, Math.round((record.processedRows / record.totalRows) * 100));
}
