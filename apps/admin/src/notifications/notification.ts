import { TEMPLATE_INFO } from '@jimukyoku/domain';
/** 通知 as GET /api/notifications(/:id) returns it: one message to an applicant, the text as sent. */
export interface NotificationRecord {
  id: string;
  applicationId: string | null;
  /** the template name its transition gave (受付 = received) */
  template: string;
  /** once rendered: the template it was rendered from, the programme's variant (`benefit.received`) or the name */
  templateCode: string | null;
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
  /** when the latest attempt began talking to the mail server */
  sendStartedAt: string | null;
  /** when an interrupted attempt was found (by asking the mail server) to have been delivered */
  reconciledAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const NOTIFICATION_STATUSES = ['held', 'pending', 'queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const notificationStatusChoices = NOTIFICATION_STATUSES.map((status) => ({ id: status, name: `app.notifications.statuses.${status}` }));

export function notificationStatusColor(status: string): 'default' | 'info' | 'warning' | 'success' | 'error' {
  switch (status) {
    case 'sent':
      return 'success';
    case 'failed':
    case 'uncertain':
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

/** GET /api/notifications/progress: how many notifications are in each state. */
export interface NotificationCounts {
  total: number;
  byStatus: Record<NotificationStatus, number>;
}

export interface NotificationProgress {
  overall: NotificationCounts;
  rounds: (NotificationCounts & { roundId: string; roundName: string; lastChangedAt: string })[];
  countedAt: string;
}

/** The groups the progress bar shows, in its order. */
export interface ProgressSummary {
  sent: number;
  /** 送信待ち: pending, queued or being sent */
  waiting: number;
  /** 保留: held until the round's 採択発表 (or a send time) */
  held: number;
  /** 失敗 and 要確認: a person has to look at these */
  problems: number;
  /** everything but cancelled ones */
  total: number;
  /** sent share of total, 0–100, rounded down (100 only when all are sent) */
  percentSent: number;
}

export function progressSummary(counts: NotificationCounts): ProgressSummary {
  const c = counts.byStatus;
  const total = counts.total - (c.cancelled ?? 0);
  return {
    sent: c.sent ?? 0,
    waiting: (c.pending ?? 0) + (c.queued ?? 0) + (c.sending ?? 0),
    held: c.held ?? 0,
    problems: (c.failed ?? 0) + (c.uncertain ?? 0),
    total,
    percentSent: total > 0 ? Math.floor((100 * (c.sent ?? 0)) / total) : 0,
  };
}

/** テンプレート by name (TEMPLATE_INFO in libs/domain, the catalogue the API sends from): 受付, 採択, … */
export const templateChoices = Object.entries(TEMPLATE_INFO).map(([id, info]) => ({ id, name: info.label }));
