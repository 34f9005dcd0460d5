import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { AuditService } from '../audit/audit.service';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../intake/attachment-storage';
import { IntakeRepository } from '../intake/intake.repository';
import { inBatches } from './in-batches';

const BATCH = 200;

/**
 * Removes attachments uploaded through intake but never linked to an application once they are older
 * than ATTACHMENT_ORPHAN_HOURS: the row and the stored file, with one audit record per batch (how many,
 * which). Rows are claimed with SKIP LOCKED and deleted in the transaction that removes their files, so a
 * second run or a second worker removes nothing twice (removing a file already gone is a no-op).
 */
@Injectable()
export class RemoveOrphanAttachmentsJob implements JobHandler<JobName.RemoveOrphanAttachments> {
  readonly jobName = JobName.RemoveOrphanAttachments;
  private readonly logger = new Logger(RemoveOrphanAttachmentsJob.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly intake: IntakeRepository,
    private readonly audit: AuditService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<number> {
    const removed = await inBatches(this.uow, BATCH, async (tx) => {
      const orphans = await this.intake.deleteOrphanAttachments(this.config.attachmentOrphanHours, BATCH, tx);
      if (orphans.length === 0) return 0;
      for (const o of orphans) await this.storage.remove(o.storageKey);
      await this.audit.record(
        {
          actor: { id: null, role: 'system' },
          action: 'attachment.orphansRemoved',
          entityType: 'attachment',
          changes: { count: orphans.length, olderThanHours: this.config.attachmentOrphanHours, attachmentIds: orphans.map((o) => o.id) },
        },
        tx,
      );
      return orphans.length;
    });
    if (removed) this.logger.log(`removed ${removed} attachment(s) never linked to an application`);
    return removed;
  }
}
