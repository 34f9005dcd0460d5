import { ATTACHMENT_KINDS, isAttachmentKind } from '@jimukyoku/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork } from '../../database';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import type { Attachment } from './attachment.entity';
import { ATTACHMENT_STORAGE, type AttachmentStorage, NotStoredError } from './attachment-storage';
import { AttachmentError } from './attachments.errors';
import { type AttachmentFilter, AttachmentsRepository } from './attachments.repository';

/** An attachment as staff see it (never its storage key). */
export interface AttachmentView {
  id: string;
  applicationId: string;
  kind: string;
  /** the kind in Japanese (ATTACHMENT_KINDS) */
  kindLabel: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

export const viewOf = (a: Attachment): AttachmentView => ({
  id: a.id,
  applicationId: a.applicationId as string,
  kind: a.kind,
  kindLabel: isAttachmentKind(a.kind) ? ATTACHMENT_KINDS[a.kind] : a.kind,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedAt: a.createdAt,
});

/**
 * Staff read the documents an application was submitted with. The scope is the application's own
 * (ApplicationsRepository.findVisible: a reviewer only the applications assigned to them; anything
 * else is 404 as if it did not exist), and every download is an audit record (`attachment.downloaded`).
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async list(applicationId: string, query: ListQuery<AttachmentFilter>, user: AuthenticatedUser): Promise<[AttachmentView[], number]> {
    if (!(await this.applications.findVisible(applicationId, user))) throw new AttachmentError('APPLICATION_NOT_FOUND');
    const [rows, total] = await this.attachments.listOf(applicationId, query);
    return [rows.map(viewOf), total];
  }

  /**
   * The attachment and its content, for a user who may see its application; the download's audit
   * record is committed before the first byte is sent.
   */
  async download(id: string, user: AuthenticatedUser, meta: RequestMeta): Promise<{ attachment: AttachmentView; content: Readable }> {
    const row = await this.attachments.findLinked(id);
    if (!row || !(await this.applications.findVisible(row.applicationId, user))) throw new AttachmentError('ATTACHMENT_NOT_FOUND');
    let content: Readable;
    try {
      content = await this.storage.open(row.storageKey);
    } catch (e) {
      if (!(e instanceof NotStoredError)) throw e;
      this.logger.error(`attachment ${row.id} has no stored file (${row.storageKey})`);
      throw new AttachmentError('ATTACHMENT_FILE_MISSING');
    }
    try {
      await this.uow.run((tx) =>
        this.audit.record(
          {
            actor: { id: user.id, role: user.role },
            action: 'attachment.downloaded',
            entityType: 'attachment',
            entityId: row.id,
            changes: { applicationId: row.applicationId, attachmentId: row.id, kind: row.kind, fileName: row.fileName, sha256: row.sha256 },
            ...meta,
          },
          tx,
        ),
      );
    } catch (e) {
      content.destroy();
      throw e;
    }
    return { attachment: viewOf(row), content };
  }
}
