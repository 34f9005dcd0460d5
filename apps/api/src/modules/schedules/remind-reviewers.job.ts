import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { SchedulesRepository } from './schedules.repository';

const BATCH = 200;

/**
 * Reminds reviewers of open assignments (not submitted, not revoked) due within REVIEW_REMINDER_HOURS:
 * one `reviewReminder` email per assignment, written to the outbox in the same transaction that sets
 * application_assignment.reminded_at, so a second run (or a second worker) sends nothing more.
 */
@Injectable()
export class RemindReviewersJob implements JobHandler<JobName.RemindReviewers> {
  readonly jobName = JobName.RemindReviewers;

  constructor(
    private readonly repo: SchedulesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(): Promise<number> {
    return this.repo.inBatches(BATCH, async (m) => {
      const due = await this.repo.claimDueAssignments(m, this.config.reviewReminderHours, BATCH);
      await this.repo.insertNotifications(
        m,
        due.map((a) => ({
          applicationId: a.applicationId,
          template: 'reviewReminder',
          recipient: a.reviewerEmail,
          payload: {
            assignmentId: a.assignmentId,
            recipientName: a.reviewerName,
            reviewDueAt: new Date(a.dueAt).toISOString(),
            applicantName: a.applicantName,
            receiptNumber: a.receiptNumber,
            roundName: a.roundName,
            categoryName: a.categoryName,
          },
        })),
      );
      return due.length;
    });
  }
}
