import type { OutboxRow } from '../notifications/notifications.repository';
import type { DueAssignment } from './assignments.repository';

/** The template of a reminder to a reviewer of an open assignment (the scheduler's, and a manager's 催促). */
export const REVIEW_REMINDER_TEMPLATE = 'reviewReminder';

/** The reminder mail of one assignment to its reviewer, with what the template says. */
export function reviewReminder(a: DueAssignment): OutboxRow {
  return {
    applicationId: a.applicationId,
    template: REVIEW_REMINDER_TEMPLATE,
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
  };
}
