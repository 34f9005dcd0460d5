import { DEFAULT_TEMPLATES, renderTemplate, RenderedMessage, TemplateText } from '@jimukyoku/domain';
import type { EntityManager } from 'typeorm';
import type { Notification } from './notification.entity';
import { NotificationTemplate } from './notification-template.entity';

/** The latest version of a template (the seeded first version, or a manager's later edit). */
export async function latestTemplate(m: EntityManager, code: string): Promise<{ version: number; text: TemplateText } | null> {
  const row = await m.findOne(NotificationTemplate, { where: { code }, order: { version: 'DESC' } });
  if (row) return { version: row.version, text: { subject: row.subject, bodyText: row.bodyText } };
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
