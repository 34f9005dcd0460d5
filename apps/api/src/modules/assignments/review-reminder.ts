import type { OutboxRow } from '../notifications/notifications.repository';
import type { DueAssignment } from './assignments.repository';

/** The template of the scheduler's reminder to a reviewer of an open assignment due soon (審査期限が近づいています). */
export const REVIEW_REMINDER_TEMPLATE = 'reviewReminder';
/** The template of a manager's 催促 of an assignment already past its 審査期限 (審査期限を過ぎています). */
export const REVIEW_OVERDUE_TEMPLATE = 'reviewOverdue';

/** A reviewer's mail about one assignment, with what the template says. */
function reviewerMail(template: string, a: DueAssignment): OutboxRow {
  return {
    applicationId: a.applicationId,
    template,
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

/** The scheduler's reminder of one assignment due soon (not yet due) to its reviewer. */
export function reviewReminder(a: DueAssignment): OutboxRow {
  return reviewerMail(REVIEW_REMINDER_TEMPLATE, a);
}

/**
 * The 催促 of one overdue assignment to its reviewer: its own text, since the scheduler's
 * 「審査期限が近づいています」 would be false for a 審査期限 already past.
 */
export function reviewOverdueReminder(a: DueAssignment): OutboxRow {
  return reviewerMail(REVIEW_OVERDUE_TEMPLATE, a);
}
