import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { AuditChainRepository } from './audit-chain.repository';

/**
 * Appends the audit records committed since the last run to the hash chain (`audit_chain`), in commit
 * order. One sealer works at a time (the others skip); running it twice seals nothing twice.
 */
@Injectable()
export class SealAuditLogJob implements JobHandler<JobName.SealAuditLog> {
  readonly jobName = JobName.SealAuditLog;
  private readonly logger = new Logger(SealAuditLogJob.name);

  constructor(private readonly chain: AuditChainRepository) {}

  async handle(): Promise<number> {
    const sealed = await this.chain.sealPending();
    if (sealed) this.logger.debug(`sealed ${sealed} audit record(s)`);
    return sealed;
  }
}
