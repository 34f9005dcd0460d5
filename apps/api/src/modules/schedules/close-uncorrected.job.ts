import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { CorrectionPeriodsRepository } from '../applications/correction-periods.repository';
import { TransitionActor, TransitionsService } from '../applications/transitions.service';

const BATCH = 100;
const SYSTEM: TransitionActor = { role: 'system', id: null };
/** the reason on the audit record and in the 要件不適合 notice (held by the workflow until the 採択発表) */
export const UNCORRECTED_REASON = '補正期限までに修正後の申請（再提出）がなかったため。';

export interface CloseUncorrectedResult {
  closed: number;
  /** could not be closed (refused by the workflow, or an error); logged, tried again on the next run */
  failed: number;
}

/**
 * Closes returned applications whose 補正期限 has passed without a resubmission: fires the workflow's
 * `closeUncorrected` as the system through TransitionsService.fireIn (state + audit + outbox together),
 * one application per transaction. Each is locked with SKIP LOCKED and re-checked first, so two workers
 * never close the same one and a resubmission that got there first wins; a refusal is logged and the
 * run goes on with the others.
 */
@Injectable()
export class CloseUncorrectedJob implements JobHandler<JobName.CloseUncorrected> {
  readonly jobName = JobName.CloseUncorrected;
  private readonly logger = new Logger(CloseUncorrectedJob.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly corrections: CorrectionPeriodsRepository,
    private readonly transitions: TransitionsService,
  ) {}

  async handle(): Promise<CloseUncorrectedResult> {
    const result: CloseUncorrectedResult = { closed: 0, failed: 0 };
    let afterId: string | null = null;
    for (;;) {
      const ids: string[] = await this.corrections.overdueCorrections(BATCH, afterId);
      for (const id of ids) {
        try {
          const closed = await this.uow.run(async (tx) => {
            if (!(await this.corrections.lockOverdueCorrection(id, tx))) return false;
            await this.transitions.fireIn(tx, id, 'closeUncorrected', SYSTEM, { reason: UNCORRECTED_REASON });
            return true;
          });
          if (closed) result.closed++;
        } catch (e) {
          result.failed++;
          this.logger.warn(`application ${id} past its 補正期限 was not closed: ${describe(e)}`);
        }
      }
      if (ids.length < BATCH) return result;
      afterId = ids[ids.length - 1];
    }
  }
}

function describe(e: unknown): string {
  const response = (e as { getResponse?: () => unknown }).getResponse?.();
  if (response && typeof response === 'object') {
    const { code, message } = response as { code?: string; message?: string };
    return [code, message].filter(Boolean).join(' ');
  }
  return (e as Error)?.message ?? String(e);
}
