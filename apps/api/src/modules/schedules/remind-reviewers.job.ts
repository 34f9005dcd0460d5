import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { reviewReminder } from '../assignments/review-reminder';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { inBatches } from './in-batches';

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
    private readonly uow: UnitOfWork,
    private readonly assignments: AssignmentsRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(): Promise<number> {
    return inBatches(this.uow, BATCH, async (tx) => {
      const due = await this.assignments.claimDueAssignments(this.config.reviewReminderHours, BATCH, tx);
      await this.notifications.insertPending(due.map(reviewReminder), tx);
      return due.length;
    });
  }
}
