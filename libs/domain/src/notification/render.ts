/**
 * Notification templates: Japanese subject and body with `{{variable}}` placeholders, rendered to
 * plain text and HTML. Amounts are shown as 1,234,567円 and instants in JST with the weekday; a
 * template may only name the variables below, so a typo is caught when the template is saved.
 */
import { formatYen } from '../money';
import { formatJst } from '../time';

export interface TemplateText {
  readonly subject: string;
  readonly bodyText: string;
}

export interface NotificationVariables {
  readonly applicantName?: string | null;
  readonly receiptNumber?: string | null;
  /** the programme (事業再構築補助金, 事業復活支援金 …) */
  readonly programName?: string | null;
  readonly roundName?: string | null;
  readonly categoryName?: string | null;
  /** integer yen */
  readonly quotedAmount?: number | null;
  readonly reason?: string | null;
  /** ISO instant */
  readonly correctionDueAt?: string | null;
  /** the due date of a yearly 事業化状況報告, already formatted in JST ('2027年12月3日(金)') */
  readonly reportDueDate?: string | null;
  /** the 納期限 of a 返還 after a 交付決定取消, already formatted in JST ('2027年1月15日(金)') */
  readonly repaymentDueDate?: string | null;
  /** the 振込日 of a payment batch that paid the application, already formatted in JST ('2026年12月4日(金)') */
  readonly paidOn?: string | null;
  /** the staff member a reminder or digest is addressed to */
  readonly recipientName?: string | null;
  /** ISO instant: 審査期限 of a reviewer's assignment */
  readonly reviewDueAt?: string | null;
  /** the day a digest is about, already formatted ('2026年1月5日(月)') */
  readonly digestDate?: string | null;
  /** the digest's figures, already formatted as lines of text */
  readonly digestSummary?: string | null;
  /** the secretariat's contact, printed at the foot of every applicant's mail (SECRETARIAT_* in the API's config) */
  readonly secretariatName?: string | null;
  readonly secretariatPhone?: string | null;
  readonly secretariatEmail?: string | null;
  readonly secretariatHours?: string | null;
  /** the applicant's status page (README "Status page"): a signed link made for the application, filled by the dispatcher */
  readonly statusUrl?: string | null;
}

export const TEMPLATE_VARIABLES: Readonly<Record<keyof NotificationVariables, string>> = {
  applicantName: '事業者名',
  receiptNumber: '受付番号',
  programName: '事業名',
  roundName: '公募回',
  categoryName: '類型',
  quotedAmount: '金額（補助金額・給付額の見込み）',
  reason: '理由・修正を求める事項',
  correctionDueAt: '補正期限',
  reportDueDate: '事業化状況報告の提出期限',
  repaymentDueDate: '返還の納期限',
  paidOn: '振込日',
  recipientName: '宛先の職員名',
  reviewDueAt: '審査期限',
  digestDate: '集計日',
  digestSummary: '集計結果',
  secretariatName: '事務局の名称（問い合わせ先）',
  secretariatPhone: '事務局の電話番号',
  secretariatEmail: '事務局のメールアドレス',
  secretariatHours: '事務局の受付時間',
  statusUrl: '申請状況の確認ページのURL',
};

export type TemplateVariable = keyof NotificationVariables;

/** Who a template is written to; it decides which variables the template may use. */
export type TemplateAudience = 'applicant' | 'reviewer' | 'manager';

const APPLICATION_FACTS: readonly TemplateVariable[] = ['applicantName', 'receiptNumber', 'programName', 'roundName', 'categoryName'];
const SECRETARIAT_CONTACT: readonly TemplateVariable[] = ['secretariatName', 'secretariatPhone', 'secretariatEmail', 'secretariatHours'];

export const AUDIENCE_VARIABLES: Readonly<Record<TemplateAudience, readonly TemplateVariable[]>> = {
  applicant: [
    ...APPLICATION_FACTS,
    'quotedAmount',
    'reason',
    'correctionDueAt',
    'reportDueDate',
    'repaymentDueDate',
    'paidOn',
    ...SECRETARIAT_CONTACT,
    'statusUrl',
  ],
  reviewer: ['recipientName', ...APPLICATION_FACTS, 'reviewDueAt'],
  manager: ['recipientName', 'digestDate', 'digestSummary'],
};

/**
 * What every mail to an applicant carries, however a manager words it: which application it speaks of (the
 * 受付番号), the link to its status page, and a way to reach the secretariat (a phone number or an address).
 * Each entry is satisfied by any one of its variables.
 */
export const APPLICANT_MAIL_ESSENTIALS: readonly (readonly TemplateVariable[])[] = [['receiptNumber'], ['statusUrl'], ['secretariatPhone', 'secretariatEmail']];

/** The essentials (APPLICANT_MAIL_ESSENTIALS) an applicant's template leaves out, in their order; other audiences: none. */
export function missingEssentials(template: TemplateText, audience: TemplateAudience): (readonly TemplateVariable[])[] {
  if (audience !== 'applicant') return [];
  const used = new Set([...`${template.subject}\n${template.bodyText}`.matchAll(PLACEHOLDER)].map((m) => m[1]));
  return APPLICANT_MAIL_ESSENTIALS.filter((any) => !any.some((v) => used.has(v)));
}

const INSTANT_VARIABLES: readonly TemplateVariable[] = ['correctionDueAt', 'reviewDueAt'];

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/**
 * Names used in a template that are not variables (empty = the template is usable); `allowed` narrows
 * the variables to those of the template's audience (AUDIENCE_VARIABLES).
 */
export function unknownVariables(template: TemplateText, allowed: readonly string[] = Object.keys(TEMPLATE_VARIABLES)): string[] {
  const names = [...`${template.subject}\n${template.bodyText}`.matchAll(PLACEHOLDER)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !allowed.includes(n)))];
}

/** A name that could be meant as a placeholder: ASCII letters, as the variables are named. */
const NAME = /^\s*[a-zA-Z]+\s*$/;
/** How much of an unclosed `{{` a message quotes. */
const QUOTED = 20;

/**
 * Placeholders written so that nothing would fill them, which the applicant would receive as typed: a `{{` never
 * closed (`{{applicantName 様`), a `{{ … }}` around anything but a name (`{{applicant.name}}`, `{{申請者名}}`), a `}}`
 * never opened, and a variable's name in single braces (`{applicantName}`). Each as it appears in the text.
 */
export function malformedPlaceholders(text: string): string[] {
  const found: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    const close = text.indexOf('}}', at);
    if (open < 0 && close < 0) break;
    if (open < 0 || (close >= 0 && close < open)) {
      found.push(
        text
          .slice(Math.max(at, close - QUOTED), close + 2)
          .split('\n')
          .at(-1)!,
      );
      at = close + 2;
      continue;
    }
    const end = text.indexOf('}}', open + 2);
    const next = text.indexOf('{{', open + 2);
    if (end < 0 || (next >= 0 && next < end)) {
      found.push(text.slice(open, Math.min(next >= 0 ? next : text.length, open + QUOTED)).split('\n')[0]);
      at = open + 2;
      continue;
    }
    const inside = text.slice(open + 2, end);
    if (!NAME.test(inside)) found.push(`{{${inside}}}`);
    at = end + 2;
  }
  for (const m of text.matchAll(/(?<!\{)\{\s*([a-zA-Z]+)\s*\}(?!\})/g)) if (isVariable(m[1])) found.push(m[0]);
  return [...new Set(found)];
}

function display(name: keyof NotificationVariables, vars: NotificationVariables): string {
  const value = vars[name];
  if (value === null || value === undefined || value === '') return '（なし）';
  if (name === 'quotedAmount') return formatYen(value as number);
  if (INSTANT_VARIABLES.includes(name)) return formatJst(value as string);
  return String(value);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A placeholder's name is a variable only as TEMPLATE_VARIABLES' own key (`{{constructor}}` is not one). */
const isVariable = (name: string): name is keyof NotificationVariables => Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name);

export function renderTemplate(template: TemplateText, vars: NotificationVariables): RenderedMessage {
  const fill = (s: string, escape: (v: string) => string) =>
    s.replace(PLACEHOLDER, (_m, name: string) => (isVariable(name) ? escape(display(name, vars)) : _m));
  const text = fill(template.bodyText, (v) => v);
  // the status link is clickable in the HTML part (an http(s) URL only; anything else stays text)
  const htmlValue = (name: string) => {
    const v = display(name as keyof NotificationVariables, vars);
    return name === 'statusUrl' && /^https?:\/\/[^\s"<>]+$/.test(v) ? `<a href="${escapeHtml(v)}">${escapeHtml(v)}</a>` : escapeHtml(v);
  };
  const htmlBody = escapeHtml(template.bodyText)
    .replace(PLACEHOLDER, (_m, name: string) => (isVariable(name) ? htmlValue(name) : _m))
    .replace(/\n/g, '<br>\n');
  return {
    subject: fill(template.subject, (v) => v).replace(/[\r\n]+/g, ' '),
    text,
    html: `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body style="font-family: sans-serif; line-height: 1.7">${htmlBody}</body></html>`,
  };
}
