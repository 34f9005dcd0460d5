import { DEFAULT_TEMPLATES, renderTemplate, RenderedMessage, TemplateText } from '@jimukyoku/domain';
import type { Notification } from './notification.entity';
import type { NotificationTemplate } from '../notification-templates/notification-template.entity';

export interface TemplateToRender {
  /** 0: the built-in text, never saved */
  version: number;
  text: TemplateText;
}

/**
 * The text a template code renders from: its latest saved version (`saved`: the seeded first version,
 * or a manager's later edit, from NotificationsRepository.latestTemplate), else the built-in text;
 * null for a code with neither.
 */
export function templateToRender(code: string, saved: Pick<NotificationTemplate, 'version' | 'subject' | 'bodyText'> | null): TemplateToRender | null {
  if (saved) return { version: saved.version, text: { subject: saved.subject, bodyText: saved.bodyText } };
  const builtIn = DEFAULT_TEMPLATES[code];
  return builtIn ? { version: 0, text: builtIn } : null;
}

/** Renders a notification from its payload (the facts written with the transition). */
export function renderNotification(template: TemplateText, n: Pick<Notification, 'payload'>): RenderedMessage {
  const p = n.payload as Record<string, unknown>;
  return renderTemplate(template, {
    applicantName: p.applicantName as string,
    receiptNumber: p.receiptNumber as string,
    roundName: p.roundName as string,
    categoryName: p.categoryName as string,
    quotedAmount: p.quotedAmount as number,
    reason: p.reason as string,
    correctionDueAt: p.correctionDueAt as string,
    recipientName: p.recipientName as string,
    reviewDueAt: p.reviewDueAt as string,
    digestDate: p.digestDate as string,
    digestSummary: p.digestSummary as string,
  });
}
