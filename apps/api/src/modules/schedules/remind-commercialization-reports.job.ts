import { Inject, Injectable } from '@nestjs/common';
import { formatJstDate } from '@jimukyoku/domain';
import { workflowStatesFiring } from '@jimukyoku/workflow';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { CommercializationReportsRepository } from '../post-award/commercialization-reports.repository';
import { inBatches } from './in-batches';

const BATCH = 200;

/**
 * Reminds applicants of each yearly 事業化状況報告 (docs/post-award.md "事業化状況報告の予定") due within
 * COMMERCIALIZATION_REMINDER_DAYS days (JST) and not yet filed, of an application that can file it now (a state the
 * reportCommercialization transition fires from; not while a 概算払's excess is owed, nor once it ended): one `commercializationReportReminder` email per report, written to the outbox in the transaction that sets
 * commercialization_report.reminded_at, so a second run (or a second worker) sends nothing more.
 */
@Injectable()
export class RemindCommercializationReportsJob implements JobHandler<JobName.RemindCommercializationReports> {
  readonly jobName = JobName.RemindCommercializationReports;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: CommercializationReportsRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(): Promise<number> {
    const fileable = workflowStatesFiring('reportCommercialization');
    return inBatches(this.uow, BATCH, async (tx) => {
      const due = await this.reports.claimDueReminders(this.config.commercializationReminderDays, fileable, BATCH, tx);
      await this.notifications.insertPending(
        due.map((r) => ({
          applicationId: r.applicationId,
          template: 'commercializationReportReminder',
          recipient: r.email,
          payload: {
            applicantName: r.applicantName,
            receiptNumber: r.receiptNumber,
            roundName: r.roundName,
            reportDueDate: formatJstDate(r.dueDate),
          },
        })),
        tx,
      );
      return due.length;
    });
  }
}
