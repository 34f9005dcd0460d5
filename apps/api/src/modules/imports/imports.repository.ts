import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { entityPage, managerOf, type Transaction } from '../../database';
import { ApplicationImport } from './application-import.entity';
import type { RowProblem } from './import-columns';

/** how many row problems the report keeps (the counts are exact whatever their number) */
export const MAX_REPORTED_PROBLEMS = 2000;
const ROW_OUTCOME_KEY = 'application_import_row_pkey';

export interface RowRefusal {
  row: number;
  problems: RowProblem[];
}

/**
 * The imports' tables: `application_import` (one file, its state and report) and
 * `application_import_row` (each row's outcome, written in the transaction of the row's application,
 * or with its problems when refused). The report's counts are counted from the outcomes.
 */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** whether an error is a second outcome of one row (another run recorded it first) */
  static isRecordedTwice(e: unknown): boolean {
    return e instanceof QueryFailedError && (e as QueryFailedError & { constraint?: string }).constraint === ROW_OUTCOME_KEY;
  }

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /** The savepoint behind which one row of an allOrNothing import is tried. */
  async savepoint(tx: Transaction, step: 'begin' | 'rollback' | 'release') {
    await this.m(tx).query(
      step === 'begin' ? 'SAVEPOINT import_row' : step === 'rollback' ? 'ROLLBACK TO SAVEPOINT import_row' : 'RELEASE SAVEPOINT import_row',
    );
  }

  roundExists(roundId: string): Promise<boolean> {
    return this.dataSource.query(`SELECT 1 FROM round WHERE id = $1`, [roundId]).then((rows: unknown[]) => rows.length > 0);
  }

  create(
    tx: Transaction,
    fields: Pick<ApplicationImport, 'roundId' | 'fileName' | 'format' | 'mode' | 'storageKey' | 'createdBy'>,
  ): Promise<ApplicationImport> {
    const m = this.m(tx);
    return m.save(m.create(ApplicationImport, { ...fields, status: 'queued', totalRows: 0, processedRows: 0, importedRows: 0, errorRows: 0, errors: [] }));
  }

  list(filter: { id?: string[]; roundId?: string; status?: string }, order: { field: string; direction: 'ASC' | 'DESC' }, offset: number, limit: number) {
    const qb = this.dataSource.getRepository(ApplicationImport).createQueryBuilder('i');
    if (filter.id) qb.andWhere('i.id IN (:...ids)', { ids: filter.id });
    if (filter.roundId) qb.andWhere('i.round_id = :roundId', { roundId: filter.roundId });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    return entityPage(qb, { order: { column: `i.${order.field}`, direction: order.direction }, tieBreak: 'i.id', offset, limit });
  }

  get(id: string): Promise<ApplicationImport | null> {
    return this.dataSource.getRepository(ApplicationImport).findOneBy({ id });
  }

  /** The import with its file's storage key (hidden from API answers). */
  forRun(id: string): Promise<ApplicationImport | null> {
    return this.dataSource.getRepository(ApplicationImport).createQueryBuilder('i').addSelect('i.storageKey').where('i.id = :id', { id }).getOne();
  }

  /** Imports the worker has not finished: queued, or running when a worker died. */
  unfinished(): Promise<string[]> {
    return this.dataSource
      .query(`SELECT id FROM application_import WHERE status IN ('queued', 'running') ORDER BY created_at`)
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  async markRunning(id: string, totalRows: number) {
    await this.dataSource.query(
      `UPDATE application_import SET status = 'running', total_rows = $2, started_at = coalesce(started_at, now()) WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, totalRows],
    );
  }

  async setProgress(id: string, processedRows: number) {
    await this.dataSource.query(`UPDATE application_import SET processed_rows = greatest(processed_rows, $2) WHERE id = $1`, [id, processedRows]);
  }

  /** The last row with a recorded outcome (1, the header, when none): a restarted run goes on after it. */
  async lastRecordedRow(id: string): Promise<number> {
    const [r] = await this.dataSource.query(`SELECT coalesce(max(row_number), 1)::int AS last FROM application_import_row WHERE import_id = $1`, [id]);
    return r.last;
  }

  /** In the transaction that created the application: a second outcome of the row fails it (isRecordedTwice). */
  async recordImported(tx: Transaction, id: string, row: number, applicationId: string) {
    await this.m(tx).query(`INSERT INTO application_import_row (import_id, row_number, application_id) VALUES ($1, $2, $3)`, [id, row, applicationId]);
  }

  async recordRefused(refusals: RowRefusal[], id: string, tx?: Transaction) {
    if (refusals.length === 0) return;
    await this.m(tx).query(
      `INSERT INTO application_import_row (import_id, row_number, problems)
       SELECT $1, r.row, r.problems FROM jsonb_to_recordset($2::jsonb) AS r(row int, problems jsonb)
       ON CONFLICT (import_id, row_number) DO NOTHING`,
      [id, JSON.stringify(refusals)],
    );
  }

  /** The outcome counts of an import, from its rows (what is in the database, not what a run thinks). */
  async counts(id: string, tx?: Transaction): Promise<{ processed: number; imported: number; refused: number }> {
    const [r] = await this.m(tx).query(
      `SELECT count(*)::int AS processed, count(application_id)::int AS imported, (count(*) - count(application_id))::int AS refused
         FROM application_import_row WHERE import_id = $1`,
      [id],
    );
    return r;
  }

  /**
   * Ends an import: its counts from the recorded rows, the first problems in row order, the message.
   * `problems` replaces the rows' problems when the file as a whole was refused.
   */
  async finish(
    id: string,
    status: 'done' | 'failed',
    message: (c: { imported: number; refused: number }) => string,
    tx?: Transaction,
    fileProblems?: RowProblem[],
  ) {
    const m = this.m(tx);
    const c = await this.counts(id, tx);
    const problems: RowProblem[] =
      fileProblems ??
      (
        await m.query(
          `SELECT p AS problem FROM application_import_row r, jsonb_array_elements(r.problems) p
            WHERE r.import_id = $1 AND r.application_id IS NULL ORDER BY r.row_number LIMIT $2`,
          [id, MAX_REPORTED_PROBLEMS],
        )
      ).map((r: { problem: RowProblem }) => r.problem);
    await m.query(
      `UPDATE application_import SET status = $2, processed_rows = greatest(processed_rows, $3), imported_rows = $4, error_rows = $5,
              errors = $6::jsonb, message = $7, finished_at = now()
        WHERE id = $1`,
      [id, status, c.processed, c.imported, c.refused, JSON.stringify(problems.slice(0, MAX_REPORTED_PROBLEMS)), message(c)],
    );
    return c;
  }
}
