import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import { parseListQuery, type ListQuery, type ListSpec } from '../../common/list-query';
import type { RequestMeta } from '../../common/request-meta';
import type { CsvCell } from '../../common/spreadsheet-cells';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork } from '../../database';
import { JobName, QueueName } from '../../queue';
import { RedisAvailability, RedisUnavailableError } from '../../redis';
import { ApplicationFilter, APPLICATION_LIST } from '../applications/application-list-spec';
import type { ApplicationScope } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../intake/attachment-storage';
import type { ApplicationExport, ExportFormat } from './application-export.entity';
import { exportCells } from './application-export-columns';
import { collect, CONTENT_TYPES, exportStream } from './application-export-file';
import { ApplicationExportError } from './application-exports.errors';
import { ApplicationExportsRepository, type ExportCursor } from './application-exports.repository';

/** rows read per query (and progress written per page) */
export const EXPORT_PAGE_ROWS = 1000;
/** an export file is never refused for its size; the bound only keeps a runaway write finite */
const MAX_EXPORT_BYTES = 4 * 1024 ** 3;
/** a failed export job is tried again from the start (its file is written anew) */
export const EXPORT_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } } as const;

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
/** stored files removed per transaction by removeExpired */
const EXPIRE_BATCH = 200;
export const APPLICATION_EXPORT_LIST: ListSpec = {
  sortable: ['createdAt', 'status', 'format'],
  defaultSort: ['createdAt', 'DESC'],
  filters: { status: { enum: EXPORT_STATUSES } },
};

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export type ExportAnswer = { delivery: 'direct'; record: ApplicationExport; file: ExportFile } | { delivery: 'job'; record: ApplicationExport };

const JST_STAMP = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** applications-20221203-183000.csv: the JST time of the request, ASCII so every browser keeps it */
export function exportFileName(format: ExportFormat, at: Date): string {
  const p = Object.fromEntries(JST_STAMP.formatToParts(at).map((x) => [x.type, x.value]));
  return `applications-${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}.${format}`;
}

function exportFormat(format: unknown): ExportFormat {
  if (format === undefined || format === null || format === 'csv') return 'csv';
  if (format === 'xlsx') return 'xlsx';
  throw new ApplicationExportError('INVALID_EXPORT_FORMAT', { errors: [{ field: 'format', message: 'format は csv か xlsx を指定してください' }] });
}

const isManager = (user: ApplicationScope) => user.role === 'manager';

/** An export as answered: never its storage key (a saved row carries it even when null). */
function shown(record: ApplicationExport): ApplicationExport {
  const { storageKey: _hidden, ...rest } = record;
  return rest as ApplicationExport;
}

/**
 * Exports of the applications the 申請 list's filter selects, in the requester's scope (a reviewer only
 * their assigned applications). Up to EXPORT_DIRECT_MAX_ROWS rows the file is the answer; beyond, the
 * export is recorded and queued, the worker writes the file to storage (RunApplicationExportJob) with
 * its progress, and the requester (or a manager) downloads it once done. Every export and every download
 * of a stored file is an audit record.
 */
@Injectable()
export class ApplicationExportsService {
  constructor(
    private readonly exports: ApplicationExportsRepository,
    @InjectQueue(QueueName.Exports) private readonly queue: Queue,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly redis: RedisAvailability,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async request(user: AuthenticatedUser, format: unknown, filter: unknown, meta: RequestMeta = {}): Promise<ExportAnswer> {
    const fmt = exportFormat(format);
    // the list's own check of its filter: a key it does not declare, or a bad value, is a 400 naming it
    const checked = parseListQuery<ApplicationFilter>({ filter: JSON.stringify(filter ?? {}) }, APPLICATION_LIST).filter;
    const total = await this.exports.countRows(checked, user);
    const fileName = exportFileName(fmt, new Date());
    const fields = { requestedBy: user.id, requesterRole: user.role, format: fmt, filter: checked as Record<string, unknown>, fileName };
    const audited = (record: ApplicationExport) => ({
      actor: user,
      action: 'applicationExport.created',
      entityType: 'applicationExport',
      entityId: record.id,
      changes: { format: fmt, filter: checked, delivery: record.delivery, rows: record.totalRows },
      ...meta,
    });

    if (total <= this.config.exportDirectMaxRows) {
      let rows = 0;
      const body = await collect(
        exportStream(
          fmt,
          this.pages(checked, user, async (done) => void (rows = done)),
        ),
      );
      const record = await this.unitOfWork.run(async (tx) => {
        const row = await this.exports.create(tx, {
          ...fields,
          delivery: 'direct',
          status: 'done',
          totalRows: rows,
          processedRows: rows,
          sizeBytes: body.length,
          startedAt: new Date(),
          finishedAt: new Date(),
        });
        await this.audit.record(audited(row), tx);
        return row;
      });
      return { delivery: 'direct', record: shown(record), file: { fileName, contentType: CONTENT_TYPES[fmt], body } };
    }

    await this.redis.require(); // the job lives in Redis: while it is away, 503 before anything is stored
    const record = await this.unitOfWork.run(async (tx) => {
      const row = await this.exports.create(tx, { ...fields, delivery: 'job', status: 'queued', totalRows: total, processedRows: 0 });
      await this.audit.record(audited(row), tx);
      return row;
    });
    try {
      await this.redis.within(this.queue.add(JobName.RunApplicationExport, { exportId: record.id }, { jobId: record.id, ...EXPORT_JOB_OPTIONS }));
    } catch (e) {
      // nothing will run it: say so on the record, and answer as if Redis had been away from the start
      await this.unitOfWork.run((tx) => this.exports.fail(tx, record.id, '処理待ちの列 (Redis) に登録できませんでした。もう一度エクスポートしてください。'));
      throw e instanceof RedisUnavailableError ? e : new RedisUnavailableError();
    }
    return { delivery: 'job', record: shown(record) };
  }

  /** An export as its requester or a manager sees it; anyone else gets 404 (as if there were none). */
  async get(id: string, user: ApplicationScope): Promise<ApplicationExport> {
    const record = isUuid(id) ? await this.exports.find(id) : null;
    if (!record || !(isManager(user) || record.requestedBy === user.id)) throw new ApplicationExportError('EXPORT_NOT_FOUND');
    return record;
  }

  /** A manager lists every export; anyone else their own. */
  list(query: ListQuery<{ id?: string[]; status?: string }>, user: ApplicationScope) {
    const filter = isManager(user) ? query.filter : { ...query.filter, requestedBy: user.id };
    return this.exports.list(filter, { field: query.sortField, direction: query.sortOrder }, query.offset, query.limit);
  }

  /** The stored file of a finished job, for its requester or a manager; each download is audited. */
  async content(id: string, user: AuthenticatedUser, meta: RequestMeta = {}): Promise<{ fileName: string; contentType: string; stream: Readable }> {
    await this.get(id, user);
    const record = (await this.exports.withStorageKey(id))!;
    if (record.delivery === 'direct') throw new ApplicationExportError('EXPORT_DELIVERED_DIRECTLY');
    if (record.status === 'failed') throw new ApplicationExportError('EXPORT_FAILED');
    if (record.status === 'expired') throw new ApplicationExportError('EXPORT_EXPIRED');
    if (record.status !== 'done' || !record.storageKey) throw new ApplicationExportError('EXPORT_NOT_READY');
    const stream = this.storage.read(record.storageKey);
    try {
      await once(stream, 'readable');
    } catch {
      stream.destroy();
      throw new ApplicationExportError('EXPORT_FILE_MISSING');
    }
    await this.unitOfWork.run((tx) =>
      this.audit.record(
        {
          actor: user,
          action: 'applicationExport.downloaded',
          entityType: 'applicationExport',
          entityId: record.id,
          changes: { fileName: record.fileName, rows: record.totalRows, requestedBy: record.requestedBy },
          ...meta,
        },
        tx,
      ),
    );
    return { fileName: record.fileName, contentType: CONTENT_TYPES[record.format], stream };
  }

  /**
   * The worker's side (RunApplicationExportJob): writes the file to storage page by page, the progress
   * after each page, then marks it done with its audit record. A run taken again (a retry, or a worker
   * that died) starts over; the last attempt's failure is recorded on the export.
   */
  async run(exportId: string, job?: Pick<Job, 'attemptsMade' | 'opts'>): Promise<void> {
    const record = await this.exports.find(exportId);
    if (!record || record.status === 'done' || record.status === 'failed') return;
    const scope: ApplicationScope = { id: record.requestedBy, role: record.requesterRole as ApplicationScope['role'] };
    const filter = record.filter as ApplicationFilter;
    try {
      if (!(await this.exports.markRunning(exportId, await this.exports.countRows(filter, scope)))) return;
      let rows = 0;
      const pages = this.pages(filter, scope, async (done) => {
        rows = done;
        await this.exports.setProgress(exportId, done);
      });
      const stored = await this.storage.write(exportStream(record.format, pages), MAX_EXPORT_BYTES);
      await this.unitOfWork.run(async (tx) => {
        if (!(await this.exports.finish(tx, exportId, { storageKey: stored.key, sizeBytes: stored.sizeBytes, rows }))) return;
        await this.audit.record(
          {
            actor: null,
            action: 'applicationExport.finished',
            entityType: 'applicationExport',
            entityId: exportId,
            changes: { rows, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
          },
          tx,
        );
      });
    } catch (e) {
      const lastAttempt = !job || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) {
        await this.unitOfWork.run((tx) => this.exports.fail(tx, exportId, 'ファイルを作成できませんでした。もう一度エクスポートしてください。'));
      }
      throw e;
    }
  }

  /**
   * Removes the stored files written more than `hours` ago (they hold applicants' personal data): each
   * export becomes `expired`, with one audit record per batch, in the transaction that claims the batch;
   * the files go once it committed (removing a file already gone is a no-op). Returns how many.
   */
  async removeExpired(hours: number): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(async (tx) => {
        const expired = await this.exports.expireStoredFiles(tx, hours, EXPIRE_BATCH, `ファイルは保存期間 (${hours}時間) を過ぎたため削除しました。`);
        if (expired.length > 0) {
          await this.audit.record(
            {
              actor: { id: null, role: 'system' },
              action: 'applicationExport.expired',
              entityType: 'applicationExport',
              changes: { count: expired.length, olderThanHours: hours, exportIds: expired.map((e) => e.id) },
            },
            tx,
          );
        }
        return expired;
      });
      for (const e of batch) await this.storage.remove(e.storageKey);
      removed += batch.length;
      if (batch.length < EXPIRE_BATCH) return removed;
    }
  }

  /** The selected applications as rows of cells, a page at a time in keyset order. */
  private async *pages(filter: ApplicationFilter, scope: ApplicationScope, onPage: (done: number) => Promise<void>): AsyncGenerator<CsvCell[][]> {
    let after: ExportCursor | null = null;
    let done = 0;
    for (;;) {
      const rows = await this.exports.page(filter, scope, after, EXPORT_PAGE_ROWS);
      if (rows.length === 0) return;
      yield rows.map(exportCells);
      done += rows.length;
      await onPage(done);
      if (rows.length < EXPORT_PAGE_ROWS) return;
      const last = rows[rows.length - 1];
      after = { at: last.cursor_at, id: last.id };
    }
  }
}
