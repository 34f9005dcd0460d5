import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { JobName, QueueName } from '../../queue';
import { RedisAvailability, RedisUnavailableError } from '../../redis';
import { UnitOfWork } from '../../database';
import { AuditService } from '../audit/audit.service';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../intake/attachment-storage';
import type { ImportMode } from './application-import.entity';
import { formatOf } from './import-file';
import type { UploadedImportFile } from './import-upload';
import { ImportsRepository } from './imports.repository';
import { uploadFileName } from '../../common/upload-file-name';

export const IMPORT_SORTABLE = ['createdAt', 'fileName', 'status'] as const;
export const IMPORT_LIST: ListSpec = {
  sortable: IMPORT_SORTABLE,
  defaultSort: ['createdAt', 'DESC'],
  filters: { roundId: 'uuid', status: { enum: ['queued', 'running', 'done', 'failed'] } },
};
const bad = (field: string, message: string) => new BadRequestException({ code: 'INVALID_IMPORT', message, errors: [{ field, message }] });

/** a failed import job is tried again (a restarted run goes on where the last one stopped) */
export const IMPORT_JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 5_000 } } as const;

/**
 * Bulk imports: the upload is already in storage (ImportStorageEngine); this records the import and
 * queues it. The worker runs it (ImportRunner), never the API process.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly audit: AuditService,
    private readonly redis: RedisAvailability,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(actor: AuthenticatedUser, file: UploadedImportFile | undefined, roundId: unknown, mode: unknown) {
    if (!file) throw bad('file', 'file (CSV または Excel のファイル) を添付してください');
    try {
      return await this.record(actor, file, roundId, mode);
    } catch (e) {
      await this.storage.remove(file.key); // a refused upload leaves nothing behind
      throw e;
    }
  }

  private async record(actor: AuthenticatedUser, file: UploadedImportFile, roundId: unknown, mode: unknown) {
    const format = formatOf(file.originalname);
    if (!format) throw bad('file', 'ファイルは .csv または .xlsx にしてください');
    if (mode !== 'validRows' && mode !== 'allOrNothing')
      throw bad('mode', 'mode は validRows (正しい行だけ取り込む) か allOrNothing (全件か無しか) を指定してください');
    if (typeof roundId !== 'string' || !isUuid(roundId) || !(await this.imports.roundExists(roundId))) {
      throw bad('roundId', 'roundId は公募回のIDを指定してください');
    }
    await this.redis.require(); // the queue lives in Redis: while it is away, 503 before anything is stored
    const record = await this.unitOfWork.run(async (tx) => {
      const row = await this.imports.create(tx, {
        roundId,
        fileName: uploadFileName(file.originalname),
        format,
        mode: mode as ImportMode,
        storageKey: file.key,
        createdBy: actor.id,
      });
      await this.audit.record(
        {
          actor,
          action: 'import.created',
          entityType: 'applicationImport',
          entityId: row.id,
          changes: { fileName: row.fileName, mode, sizeBytes: file.sizeBytes, sha256: file.sha256 },
        },
        tx,
      );
      return row;
    });
    // Should Redis go away just now, the import stays recorded as queued: BullMQ adds the job once Redis is
    // back and a starting worker re-queues unfinished imports, so the answer does not wait for it.
    await this.redis.within(this.queue.add(JobName.RunImport, { importId: record.id }, { jobId: record.id, ...IMPORT_JOB_OPTIONS })).catch((e) => {
      if (!(e instanceof RedisUnavailableError)) throw e;
    });
    const { storageKey: _hidden, ...shown } = record;
    return shown;
  }

  list(query: ListQuery<{ id?: string[]; roundId?: string; status?: string }>) {
    return this.imports.list(query.filter, { field: query.sortField, direction: query.sortOrder }, query.offset, query.limit);
  }

  async get(id: string) {
    const row = isUuid(id) ? await this.imports.get(id) : null;
    if (!row) throw new NotFoundException({ code: 'IMPORT_NOT_FOUND', message: '指定された取込はありません。' });
    return row;
  }
}
