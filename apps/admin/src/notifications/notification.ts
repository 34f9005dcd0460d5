/** 通知 as GET /api/notifications(/:id) returns it: one message to an applicant, the text as sent. */
export interface NotificationRecord {
  id: string;
  applicationId: string | null;
  template: string;
  recipient: string;
  status: NotificationStatus;
  sendAfter: string | null;
  heldUntilAnnouncement: boolean;
  templateVersion: number | null;
  subject: string | null;
  bodyText: string | null;
  bodyHtml: string | null;
  messageId: string | null;
  attempts: number;
  lastError: string | null;
  smtpResponse: string | null;
  queuedAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const NOTIFICATION_STATUSES = ['held', 'pending', 'queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const notificationStatusChoices = NOTIFICATION_STATUSES.map((status) => ({ id: status, name: `app.notifications.statuses.${status}` }));

export function notificationStatusColor(status: string): 'default' | 'info' | 'warning' | 'success' | 'error' {
  switch (status) {
    case 'sent':
      return 'success';
    case 'failed':
      return 'error';
    case 'queued':
    case 'sending':
      return 'info';
    case 'held':
    case 'pending':
      return 'warning';
    default:
      return 'default';
  }
}
