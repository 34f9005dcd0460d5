import { ATTACHMENT_KINDS } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { Attachment } from './attachment.entity';
import { entityPage } from '../../database';

export interface AttachmentFilter {
  id?: string[];
  kind?: string[];
}

/** Sortable fields of an application's attachments, by the name the API answers with. */
const SORT_COLUMNS = { id: 't.id', uploadedAt: 't.createdAt', kind: 't.kind', fileName: 't.fileName', sizeBytes: 't.sizeBytes' } as const;

export const ATTACHMENT_LIST: ListSpec = {
  sortable: Object.keys(SORT_COLUMNS),
  defaultSort: ['uploadedAt', 'ASC'],
  filters: { kind: { enums: Object.keys(ATTACHMENT_KINDS) } },
};

/** An attachment of an application with where its bytes are, for a staff download. */
export type StoredAttachment = Attachment & { applicationId: string };

/**
 * The staff's reads of `attachment` (intake owns the table and writes it through IntakeRepository):
 * the attachments of one application, and one attachment with its storage key. Whether the user may
 * see the application is ApplicationsRepository.findVisible's question, asked by AttachmentsService first.
 */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listOf(applicationId: string, query: ListQuery<AttachmentFilter>): Promise<[Attachment[], number]> {
    const qb = this.dataSource.getRepository(Attachment).createQueryBuilder('t').where('t.application_id = :applicationId', { applicationId });
    if (query.filter.id) qb.andWhere('t.id IN (:...ids)', { ids: query.filter.id });
    if (query.filter.kind) qb.andWhere('t.kind IN (:...kinds)', { kinds: query.filter.kind });
    const column = SORT_COLUMNS[query.sortField as keyof typeof SORT_COLUMNS] ?? SORT_COLUMNS.uploadedAt;
    return entityPage(qb, { order: { column, direction: query.sortOrder }, tieBreak: 't.id', ...query });
  }

  /** One attachment linked to an application, with its storage key; null for an unknown or unlinked one. */
  async findLinked(id: string): Promise<StoredAttachment | null> {
    if (!isUuid(id)) return null;
    const row = await this.dataSource
      .getRepository(Attachment)
      .createQueryBuilder('t')
      .addSelect('t.storageKey')
      .where('t.id = :id AND t.application_id IS NOT NULL', { id })
      .getOne();
    return row as StoredAttachment | null;
  }
}
