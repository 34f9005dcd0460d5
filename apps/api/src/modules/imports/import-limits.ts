import type { AppConfig } from '../../config';

/** What one import file may hold (IMPORT_MAX_ROWS, IMPORT_MAX_CELL_CHARS, IMPORT_MAX_INFLATED_BYTES). */
export interface ImportLimits {
  maxRows: number;
  maxCellChars: number;
  /** all entries of an .xlsx together, inflated */
  maxInflatedBytes: number;
}

/** far more than the template's columns; a row wider than this is not an application */
export const MAX_COLUMNS = 200;

export const importLimits = (config: Pick<AppConfig, 'importMaxRows' | 'importMaxCellChars' | 'importMaxInflatedBytes'>): ImportLimits => ({
  maxRows: config.importMaxRows,
  maxCellChars: config.importMaxCellChars,
  maxInflatedBytes: config.importMaxInflatedBytes,
});

export type ImportFileProblem = 'UNREADABLE' | 'NOT_UTF8' | 'EMPTY' | 'TOO_MANY_ROWS' | 'TOO_MANY_COLUMNS' | 'CELL_TOO_LONG' | 'WORKBOOK_TOO_LARGE';

/** The file as a whole cannot be imported; the message (Japanese) goes into the import's report. */
export class ImportFileError extends Error {
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
  ) {
    super(message);
  }
}
