import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { AuditService } from '../audit/audit.service';
import { RoundsRepository } from '../rounds/rounds.repository';

/**
 * Closes rounds whose 応募締切 (+ the round's grace minutes) has passed: sets round.closed_at and
 * audits it, once, whichever worker gets there first. Submitting a draft is refused by the workflow's
 * `beforeRoundCloses` guard from the deadline instant on; this records the closing as a fact people see.
 */
@Injectable()
export class CloseRoundsJob implements JobHandler<JobName.CloseRounds> {
  readonly jobName = JobName.CloseRounds;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly audit: AuditService,
  ) {}

  async handle(): Promise<string[]> {
    return this.uow.run(async (tx) => {
      const closed = await this.rounds.closeDueRounds(tx);
      for (const r of closed) {
        await this.audit.record(
          {
            actor: { id: null, role: 'system' },
            action: 'round.closed',
            entityType: 'round',
            entityId: r.id,
            changes: {
              closesAt: new Date(r.closesAt).toISOString(),
              graceMinutes: r.graceMinutes,
              closedAt: new Date(r.closedAt).toISOString(),
              draftsLeft: r.draftsLeft,
            },
          },
          tx,
        );
      }
      return closed.map((r) => r.code);
    });
  }
}
