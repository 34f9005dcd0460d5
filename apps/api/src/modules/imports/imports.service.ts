import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AppConfig, APP_CONFIG } from '../../config';
import { JobName, QueueName } from '../../queue';
import { AuditService } from '../audit/audit.service';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../intake/attachment-storage';
import { Round } from '../rounds/round.entity';
import { ApplicationImport, ImportMode } from './application-import.entity';
import { formatOf } from './import-file';

export const IMPORT_SORTABLE = ['createdAt', 'fileName', 'status'] as const;
export const IMPORT_LIST: ListSpec = { sortable: IMPORT_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: { roundId: 'uuid', status: 'string' } };
const bad = (field: string, message: string) => new BadRequestException({ code: 'INVALID_IMPORT', message, errors: [{ field, message }] });

/** Bulk imports: stores the file, records the import and queues it; the worker runs it (ImportRunner). */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthenticatedUser, file: { originalname: string; buffer: Buffer } | undefined, roundId: unknown, mode: unknown) {
    if (!file) throw bad('file', 'file (CSV または Excel のファイル) を添付してください');
    const format = formatOf(file.originalname);
    if (!format) throw bad('file', 'ファイルは .csv または .xlsx にしてください');
    if (mode !== 'validRows' && mode !== 'allOrNothing') throw bad('mode', 'mode は validRows (正しい行だけ取り込む) か allOrNothing (全件か無しか) を指定してください');
    if (typeof roundId !== 'string' || !/^[0-9a-f-]{36}$/.test(roundId) || !(await this.dataSource.getRepository(Round).existsBy({ id: roundId }))) {
      throw bad('roundId', 'roundId は公募回のIDを指定してください');
    }
    const stored = await this.storage.write(Readable.from(file.buffer), this.config.attachmentMaxBytes * 5);
    const record = await this.dataSource.transaction(async (m) => {
      const row = await m.save(
        m.create(ApplicationImport, { roundId, fileName: file.originalname.slice(0, 255), format, mode: mode as ImportMode, status: 'queued', storageKey: stored.key, totalRows: 0, processedRows: 0, importedRows: 0, errorRows: 0, errors: [], createdBy: actor.id }),
      );
      await this.audit.record({ actor, action: 'import.created', entityType: 'applicationImport', entityId: row.id, changes: { fileName: row.fileName, mode, sha256: stored.sha256 } }, m);
      return row;
    });
    await this.queue.add(JobName.RunImport, { importId: record.id }, { jobId: record.id, attempts: 1 });
    const { storageKey: _hidden, ...shown } = record;
    return shown;
  }

  list(query: ListQuery<{ id?: string[]; roundId?: string; status?: string }>) {
    const qb = this.dataSource.getRepository(ApplicationImport).createQueryBuilder('i');
    if (query.filter.id) qb.andWhere('i.id IN (:...ids)', { ids: query.filter.id });
    if (query.filter.roundId) qb.andWhere('i.round_id = :roundId', { roundId: query.filter.roundId });
    if (query.filter.status) qb.andWhere('i.status = :status', { status: query.filter.status });
    return qb.orderBy(`i.${query.sortField}`, query.sortOrder).skip(query.offset).take(query.limit).getManyAndCount();
  }

  async get(id: string) {
    const row = /^[0-9a-f-]{36}$/.test(id) ? await this.dataSource.getRepository(ApplicationImport).findOneBy({ id }) : null;
    if (!row) throw new NotFoundException({ code: 'IMPORT_NOT_FOUND', message: '指定された取込はありません。' });
    return row;
  }
}
