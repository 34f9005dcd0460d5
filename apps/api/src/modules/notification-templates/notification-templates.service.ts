import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIENCE_VARIABLES,
  DAY_MS,
  endOfJstDayAfter,
  DEFAULT_TEMPLATES,
  formatDigestSummary,
  formatJstDate,
  NotificationVariables,
  renderNotificationText,
  TEMPLATE_INFO,
  TEMPLATE_VARIABLES,
  TemplateAudience,
  TemplateText,
  templateVariants,
  malformedPlaceholders,
  missingEssentials,
  unknownVariables,
  WorkflowKind,
} from '@jimukyoku/domain';
import { AppConfig, APP_CONFIG } from '../../config';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { UnitOfWork } from '../../database';
import { AuditService } from '../audit/audit.service';
import { ManagerDigestJob } from '../schedules/manager-digest.job';
import type { PreviewTemplateDto, SaveTemplateDto } from './dto/template.dto';
import { NotificationTemplateError } from './notification-templates.errors';
import { NotificationTemplatesRepository, TemplateVersionRow } from './notification-templates.repository';

export interface TemplateFilter {
  id?: string[];
  audience?: TemplateAudience;
  /** the variants of one workflow kind (`subsidy`: the plain templates every kind falls back to) */
  workflowKind?: WorkflowKind;
  q?: string;
}

export const TEMPLATE_SORTABLE = ['code', 'label', 'version', 'updatedAt'] as const;
export const TEMPLATE_LIST: ListSpec = {
  sortable: TEMPLATE_SORTABLE,
  defaultSort: ['code', 'ASC'],
  filters: {
    id: { enums: Object.keys(TEMPLATE_INFO) },
    audience: { enum: ['applicant', 'reviewer', 'manager'] },
    workflowKind: { enum: ['subsidy', 'benefit', 'itSubsidy'] },
    q: 'string',
  },
};

/** One template as the admin edits it: `id` is its code; the text is that of its latest version. */
export interface TemplateView {
  id: string;
  code: string;
  label: string;
  audience: TemplateAudience;
  /** the template name the workflow definitions notify(...) (`received` for `benefit.received`) */
  name: string;
  /** the workflow kind this variant is written for; null: the plain text, used by every kind without a variant */
  workflowKind: WorkflowKind | null;
  /** for a plain template: its variants per workflow kind */
  variants: { workflowKind: WorkflowKind; code: string }[];
  /** latest version; 0 = the built-in text, never saved */
  version: number;
  subject: string;
  bodyText: string;
  versionCount: number;
  updatedAt: Date | null;
  updatedById: string | null;
  updatedByName: string | null;
  /** the variables this template may use, with their Japanese names */
  variables: { name: string; label: string }[];
}

const SAMPLE_REASON = '（例）事業計画書の収支計画の表が添付されていません。';

/**
 * Notification templates: a save is a new version (the old ones stay, and a sent email keeps the
 * version it was rendered from); a draft can be previewed against a real application. A template may
 * only use the variables of its audience (applicant, reviewer, manager): anything else is refused.
 */
@Injectable()
export class NotificationTemplatesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: NotificationTemplatesRepository,
    private readonly audit: AuditService,
    private readonly digest: ManagerDigestJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListQuery<TemplateFilter>): Promise<[TemplateView[], number]> {
    const latest = new Map((await this.repo.latestOfEach()).map((r) => [r.code, r]));
    const f = query.filter;
    const q = f.q?.trim().toLowerCase();
    let rows = Object.keys(TEMPLATE_INFO).map((code) => view(code, latest.get(code) ?? null));
    if (f.id) rows = rows.filter((r) => f.id!.includes(r.id));
    if (f.audience) rows = rows.filter((r) => r.audience === f.audience);
    if (f.workflowKind) rows = rows.filter((r) => (r.workflowKind ?? 'subsidy') === f.workflowKind);
    if (q) rows = rows.filter((r) => [r.code, r.label, r.subject, r.bodyText].some((s) => s.toLowerCase().includes(q)));
    const key = query.sortField as (typeof TEMPLATE_SORTABLE)[number];
    const dir = query.sortOrder === 'ASC' ? 1 : -1;
    rows.sort((a, b) => dir * compare(a[key], b[key]) || compare(a.code, b.code));
    return [rows.slice(query.offset, query.offset + query.limit), rows.length];
  }

  async get(code: string): Promise<TemplateView> {
    known(code);
    return view(code, await this.repo.latest(code));
  }

  /** Every saved version, newest first, with how many notifications were rendered from it. */
  async versions(code: string) {
    known(code);
    return (await this.repo.versions(code)).map((r) => ({ ...r, label: TEMPLATE_INFO[code].label }));
  }

  /** Saves the text as a new version (nothing is overwritten), audited; the same text as the latest saves nothing. */
  save(actor: AuthenticatedUser, code: string, dto: SaveTemplateDto): Promise<TemplateView> {
    const info = known(code);
    const text = { subject: dto.subject, bodyText: normaliseNewlines(dto.bodyText) };
    checkVariables(code, info.audience, text);
    checkEssentials(info.audience, text);
    return this.uow.run(async (tx) => {
      await this.repo.lockCode(tx, code);
      const latest = await this.repo.latest(code, tx);
      const current = latest?.version ?? 0;
      if (dto.version !== current) {
        throw new NotificationTemplateError(
          'TEMPLATE_VERSION_CONFLICT',
          { currentVersion: current },
          `他の人がこのテンプレートを先に保存しました（現在は第${current}版、編集を始めたのは第${dto.version}版）。最新の内容を確認してから保存し直してください。`,
        );
      }
      const before = latest ?? DEFAULT_TEMPLATES[code];
      if (before.subject === text.subject && before.bodyText === text.bodyText && latest) return view(code, latest);
      const version = current + 1;
      const id = await this.repo.insertVersion(tx, { code, version, subject: text.subject, bodyText: text.bodyText, createdBy: actor.id });
      await this.audit.record(
        {
          actor,
          action: 'notificationTemplate.saved',
          entityType: 'notificationTemplate',
          entityId: code,
          changes: {
            templateVersionId: id,
            version: { from: current, to: version },
            ...(before.subject !== text.subject ? { subject: { from: before.subject, to: text.subject } } : {}),
            ...(before.bodyText !== text.bodyText ? { bodyText: { from: before.bodyText, to: text.bodyText } } : {}),
          },
        },
        tx,
      );
      return view(code, await this.repo.latest(code, tx));
    });
  }

  /** Renders a draft (not saved) as it would be sent about a real application; unknown variables are a 400. */
  async preview(actor: AuthenticatedUser, code: string, dto: PreviewTemplateDto) {
    const info = known(code);
    const text = { subject: dto.subject, bodyText: normaliseNewlines(dto.bodyText) };
    checkVariables(code, info.audience, text);
    const now = await this.repo.dbNow();
    if (info.audience === 'manager') {
      const facts = await this.digest.facts();
      const vars: NotificationVariables = { recipientName: actor.name, digestDate: formatJstDate(now), digestSummary: formatDigestSummary(facts) };
      return { ...renderNotificationText(code, text, vars), application: null };
    }
    const ref = { applicationId: dto.applicationId?.trim() || undefined, receiptNumber: dto.receiptNumber?.trim() || undefined };
    const chosen = Boolean(ref.applicationId || ref.receiptNumber);
    const app = (await this.repo.previewApplication(ref, info.workflowKind)) ?? (!chosen && info.workflowKind ? await this.repo.previewApplication(ref) : null);
    if (!app && (dto.applicationId || dto.receiptNumber)) throw new NotificationTemplateError('PREVIEW_APPLICATION_NOT_FOUND');
    const vars: NotificationVariables = app
      ? {
          applicantName: app.applicantName,
          receiptNumber: app.receiptNumber,
          programName: app.programName,
          roundName: app.roundName,
          categoryName: app.categoryName,
          quotedAmount: Number(app.quotedAmount),
          reason: app.lastReason ?? SAMPLE_REASON,
          correctionDueAt: (app.correctionDueAt ?? endOfJstDayAfter(now, app.correctionPeriodDays)).toISOString(),
          recipientName: app.reviewerName ?? actor.name,
          reviewDueAt: (app.reviewDueAt ?? new Date(now.getTime() + 2 * DAY_MS)).toISOString(),
        }
      : SAMPLE_VARIABLES(actor.name, now);
    const contact = this.config.secretariat;
    return {
      ...renderNotificationText(code, text, {
        ...vars,
        secretariatName: contact.name,
        secretariatPhone: contact.phone,
        secretariatEmail: contact.email,
        secretariatHours: contact.hours,
        // a preview makes no link: each application's own is made when its mail is rendered
        statusUrl: `${this.config.statusLink.publicBaseUrl}/status/（申請ごとのリンク）`,
      }),
      application: app ? { id: app.id, receiptNumber: app.receiptNumber, applicantName: app.applicantName } : null,
    };
  }
}

/** Without any application yet (a fresh install), the preview uses made-up values. */
const SAMPLE_VARIABLES = (staffName: string, now: Date): NotificationVariables => ({
  applicantName: '株式会社サンプル製作所',
  receiptNumber: 'SAMPLE-00000001',
  programName: '事業再構築補助金',
  roundName: '第1回公募',
  categoryName: '通常枠',
  quotedAmount: 12_345_678,
  reason: SAMPLE_REASON,
  correctionDueAt: endOfJstDayAfter(now, 10).toISOString(),
  recipientName: staffName,
  reviewDueAt: new Date(now.getTime() + 2 * DAY_MS).toISOString(),
});

function known(code: string) {
  const info = Object.prototype.hasOwnProperty.call(TEMPLATE_INFO, code) ? TEMPLATE_INFO[code] : undefined;
  if (!info) throw new NotificationTemplateError('TEMPLATE_NOT_FOUND');
  return info;
}

/**
 * A 400 quoting each placeholder nothing would fill (malformedPlaceholders: an unclosed `{{`, …), else naming each
 * unknown {{variable}} and listing the ones this template may use.
 */
function checkVariables(code: string, audience: TemplateAudience, text: TemplateText) {
  const allowed = AUDIENCE_VARIABLES[audience];
  const malformed = (['subject', 'bodyText'] as const).map((field) => ({ field, found: malformedPlaceholders(text[field]) })).filter((f) => f.found.length);
  if (malformed.length) {
    const quoted = [...new Set(malformed.flatMap((f) => f.found))].map((m) => `「${m}」`).join('、');
    const message = `差し込み項目の書き方が正しくありません: ${quoted}。このままでは書いたとおりの文字がメールに載ります。差し込み項目は {{applicantName}} のように半角の {{ と }} で名前を囲んでください。`;
    throw new NotificationTemplateError(
      'TEMPLATE_MALFORMED_PLACEHOLDER',
      { malformedPlaceholders: malformed.flatMap((f) => f.found), errors: malformed.map(({ field }) => ({ field, message })) },
      message,
    );
  }
  const unknown = unknownVariables(text, allowed);
  if (unknown.length === 0) return;
  const names = unknown.map((n) => `{{${n}}}`).join('、');
  const usable = allowed.map((n) => `{{${n}}}（${TEMPLATE_VARIABLES[n]}）`).join('、');
  const message = `このテンプレート（${TEMPLATE_INFO[code].label}）では使えない差し込み項目があります: ${names}。使える項目は ${usable} です。`;
  const fields = (['subject', 'bodyText'] as const).filter((f) => unknownVariables({ subject: '', bodyText: text[f] }, allowed).length > 0);
  throw new NotificationTemplateError(
    'TEMPLATE_UNKNOWN_VARIABLES',
    { unknownVariables: unknown, errors: fields.map((field) => ({ field, message })) },
    message,
  );
}

/**
 * A 400 naming what an applicant's template leaves out of APPLICANT_MAIL_ESSENTIALS (the 受付番号, the status link, a
 * contact). Only a save is refused: a preview shows a draft as it stands.
 */
function checkEssentials(audience: TemplateAudience, text: TemplateText) {
  const missing = missingEssentials(text, audience);
  if (missing.length === 0) return;
  const names = missing.map((any) => any.map((n) => `{{${n}}}（${TEMPLATE_VARIABLES[n]}）`).join(' か ')).join('、');
  const message = `申請者へのメールには、どの申請のことか・申請状況の確認ページ・事務局への連絡先が必要です。次の差し込み項目を入れてください: ${names}。`;
  throw new NotificationTemplateError(
    'TEMPLATE_ESSENTIALS_MISSING',
    { missingVariables: missing.map((any) => any[0]), errors: [{ field: 'bodyText', message }] },
    message,
  );
}

function view(code: string, latest: (TemplateVersionRow & { versionCount: number }) | null): TemplateView {
  const info = TEMPLATE_INFO[code];
  const text = latest ?? DEFAULT_TEMPLATES[code];
  return {
    id: code,
    code,
    label: info.label,
    audience: info.audience,
    name: info.workflowKind && code.startsWith(`${info.workflowKind}.`) ? code.slice(info.workflowKind.length + 1) : code,
    workflowKind: info.workflowKind ?? null,
    variants: info.workflowKind ? [] : templateVariants(code),
    version: latest?.version ?? 0,
    subject: text.subject,
    bodyText: text.bodyText,
    versionCount: latest?.versionCount ?? 0,
    updatedAt: latest?.createdAt ?? null,
    updatedById: latest?.createdById ?? null,
    updatedByName: latest?.createdByName ?? null,
    variables: AUDIENCE_VARIABLES[info.audience].map((name) => ({ name, label: TEMPLATE_VARIABLES[name] })),
  };
}

const normaliseNewlines = (s: string) => s.replace(/\r\n?/g, '\n');

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'ja');
}
