import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { entityPage, managerOf, type Transaction } from '../../database';
import type { ApplicationFilter } from '../applications/application-list-spec';
import { ApplicationScope, ApplicationsRepository } from '../applications/applications.repository';
import { ApplicationExport } from './application-export.entity';
import type { ExportSourceRow } from './application-export-columns';

/** Where the previous page of an export ended (created_at with microseconds, id). */
export interface ExportCursor {
  at: string;
  id: string;
}

export type NewApplicationExport = Pick<
  ApplicationExport,
  'requestedBy' | 'requesterRole' | 'format' | 'filter' | 'delivery' | 'status' | 'totalRows' | 'processedRows' | 'fileName'
> &
  Partial<Pick<ApplicationExport, 'sizeBytes' | 'startedAt' | 'finishedAt'>>;

/**
 * `application_export` (this module's table), and the rows an export reads: the applications the list
 * filter selects in the reader's scope (ApplicationsRepository.filtered, the list's own query), with the
 * names of their programme, round and category, in keyset order (created_at, id) so a page never
 * repeats or skips a row whatever changes meanwhile.
 */
@Injectable()
export class ApplicationExportsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
  ) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  countRows(filter: ApplicationFilter, scope: ApplicationScope): Promise<number> {
    return this.applications.filtered(filter, scope).getCount();
  }

  async page(filter: ApplicationFilter, scope: ApplicationScope, after: ExportCursor | null, limit: number): Promise<ExportSourceRow[]> {
    const [selected, params] = this.applications.filtered(filter, scope).select('a.id').getQueryAndParameters();
    const n = params.length;
    return this.dataSource.query(
      `SELECT a.id, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
              a.receipt_number, p.name AS program_name, r.number AS round_number, c.name AS category_name,
              a.status, a.workflow_code, a.workflow_version, a.applicant_name, a.applicant_kind, a.corporate_number,
              a.size_class, a.industry, a.employee_count, a.capital::text AS capital, a.prefecture, a.contact_person,
              a.email, a.plan_title, a.certified_advisor ->> 'name' AS advisor_name, a.quoted_amount::text AS quoted_amount,
              a.received_at, a.received_in_grace, a.correction_due_at, a.channel_id, a.import_id, a.updated_at
         FROM application a
         JOIN round r ON r.id = a.round_id
         JOIN program p ON p.id = r.program_id
         JOIN category c ON c.id = a.category_id
        WHERE a.id IN (${selected})
          AND ($${n + 1}::timestamptz IS NULL OR (a.created_at, a.id) > ($${n + 1}::timestamptz, $${n + 2}::uuid))
        ORDER BY a.created_at, a.id
        LIMIT $${n + 3}`,
      [...params, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  create(tx: Transaction, fields: NewApplicationExport): Promise<ApplicationExport> {
    const m = this.m(tx);
    return m.save(m.create(ApplicationExport, fields));
  }

  find(id: string, tx?: Transaction): Promise<ApplicationExport | null> {
    return this.m(tx).findOneBy(ApplicationExport, { id });
  }

  /** The export with its file's storage key (hidden from API answers). */
  withStorageKey(id: string): Promise<ApplicationExport | null> {
    return this.dataSource.getRepository(ApplicationExport).createQueryBuilder('e').addSelect('e.storageKey').where('e.id = :id', { id }).getOne();
  }

  /** A page of exports, newest first by default; `requestedBy` limits it to one person's. */
  list(filter: { id?: string[]; status?: string; requestedBy?: string }, order: { field: string; direction: 'ASC' | 'DESC' }, offset: number, limit: number) {
    const qb = this.dataSource.getRepository(ApplicationExport).createQueryBuilder('e');
    if (filter.id) qb.andWhere('e.id IN (:...ids)', { ids: filter.id });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.requestedBy) qb.andWhere('e.requested_by = :requestedBy', { requestedBy: filter.requestedBy });
    return entityPage(qb, { order: { column: `e.${order.field}`, direction: order.direction }, tieBreak: 'e.id', offset, limit });
  }

  /** Exports the worker has not finished: queued, or running when a worker died. */
  unfinished(): Promise<string[]> {
    return this.dataSource
      .query(`SELECT id FROM application_export WHERE status IN ('queued', 'running') ORDER BY created_at`)
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  /** Starts (or, after a worker died, restarts) a job's run: counts from zero again. */
  async markRunning(id: string, totalRows: number): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE application_export SET status = 'running', total_rows = $2, processed_rows = 0, started_at = now(), message = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id, totalRows],
    );
    return rows[0].length > 0;
  }

  async setProgress(id: string, processedRows: number): Promise<void> {
    await this.dataSource.query(`UPDATE application_export SET processed_rows = least($2, total_rows) WHERE id = $1 AND status = 'running'`, [
      id,
      processedRows,
    ]);
  }

  /** The job's file is stored: done, in the transaction of its audit record. */
  async finish(tx: Transaction, id: string, file: { storageKey: string; sizeBytes: number; rows: number }): Promise<boolean> {
    const rows = await this.m(tx).query(
      `UPDATE application_export
          SET status = 'done', storage_key = $2, size_bytes = $3, total_rows = $4, processed_rows = $4, finished_at = now()
        WHERE id = $1 AND status = 'running' RETURNING id`,
      [id, file.storageKey, file.sizeBytes, file.rows],
    );
    return rows[0].length > 0;
  }

  /**
   * Claims up to `limit` stored files written more than `hours` ago (SKIP LOCKED: a second worker takes
   * others) and marks their exports expired without a file, in the caller's transaction; returns their keys.
   */
  async expireStoredFiles(tx: Transaction, hours: number, limit: number, message: string): Promise<{ id: string; storageKey: string }[]> {
    const [rows] = await this.m(tx).query(
      `WITH due AS (
         SELECT id, storage_key FROM application_export
          WHERE status = 'done' AND storage_key IS NOT NULL AND finished_at < now() - make_interval(hours => $1)
          ORDER BY finished_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE application_export e SET status = 'expired', storage_key = NULL, message = $3
         FROM due WHERE e.id = due.id
       RETURNING e.id, due.storage_key AS "storageKey"`,
      [hours, limit, message],
    );
    return rows;
  }

  async fail(tx: Transaction, id: string, message: string): Promise<void> {
    await this.m(tx).query(`UPDATE application_export SET status = 'failed', message = $2, finished_at = now() WHERE id = $1 AND status <> 'done'`, [
      id,
      message,
    ]);
  }
}
