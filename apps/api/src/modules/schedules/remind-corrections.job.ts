import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { CorrectionPeriodsRepository } from '../applications/correction-periods.repository';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { inBatches } from './in-batches';

const BATCH = 200;

/**
 * Reminds applicants of an application sent back for correction (a correctionDeadlineWatched state: 差戻し,
 * a 給付金's 不備) whose 補正期限 is within CORRECTION_REMINDER_HOURS:
 * one `correctionReminder` email per return, written to the outbox in the same transaction that sets
 * application.correction_reminded_for to the 補正期限 it is about, so a second run (or a second worker)
 * sends nothing more, and a later 差戻し (a new 補正期限) is reminded again.
 */
@Injectable()
export class RemindCorrectionsJob implements JobHandler<JobName.RemindCorrections> {
  readonly jobName = JobName.RemindCorrections;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly corrections: CorrectionPeriodsRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(): Promise<number> {
    return inBatches(this.uow, BATCH, async (tx) => {
      const due = await this.corrections.claimDueCorrections(this.config.correctionReminderHours, BATCH, tx);
      await this.notifications.insertPending(
        due.map((a) => ({
          applicationId: a.applicationId,
          template: 'correctionReminder',
          recipient: a.email,
          payload: {
            applicantName: a.applicantName,
            receiptNumber: a.receiptNumber,
            roundName: a.roundName,
            categoryName: a.categoryName,
            reason: a.reason,
            correctionDueAt: new Date(a.correctionDueAt).toISOString(),
          },
        })),
        tx,
      );
      return due.length;
    });
  }
}
