import { DEFAULT_TEMPLATES, renderNotificationText, RenderedMessage, TemplateText } from '@jimukyoku/domain';
import type { SecretariatContact } from '../../config';
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
  const builtIn = Object.prototype.hasOwnProperty.call(DEFAULT_TEMPLATES, code) ? DEFAULT_TEMPLATES[code] : undefined;
  return builtIn ? { version: 0, text: builtIn } : null;
}

/** What a mail says beside its payload: its programme (read when it is rendered) and the secretariat's contact (config). */
export interface RenderContext {
  /** the programme of the notification's application; null without one (the payload's, if any, is used) */
  programName: string | null;
  secretariat: SecretariatContact;
  /** the application's status page link (applicant mails, README "Status page"); null for staff mails */
  statusUrl?: string | null;
}

/** Renders notification `n` from the text of catalogue template `code` and the facts written with the transition (its payload). */
export function renderNotification(code: string, template: TemplateText, n: Pick<Notification, 'payload'>, context: RenderContext): RenderedMessage {
  const p = n.payload as Record<string, unknown>;
  return renderNotificationText(code, template, {
    applicantName: p.applicantName as string,
    receiptNumber: p.receiptNumber as string,
    programName: context.programName ?? (p.programName as string),
    roundName: p.roundName as string,
    categoryName: p.categoryName as string,
    quotedAmount: p.quotedAmount as number,
    reason: p.reason as string,
    correctionDueAt: p.correctionDueAt as string,
    reportDueDate: p.reportDueDate as string,
    repaymentDueDate: p.repaymentDueDate as string,
    paidOn: p.paidOn as string,
    recipientName: p.recipientName as string,
    reviewDueAt: p.reviewDueAt as string,
    digestDate: p.digestDate as string,
    digestSummary: p.digestSummary as string,
    secretariatName: context.secretariat.name,
    secretariatPhone: context.secretariat.phone,
    secretariatEmail: context.secretariat.email,
    secretariatHours: context.secretariat.hours,
    statusUrl: context.statusUrl ?? null,
  });
}
