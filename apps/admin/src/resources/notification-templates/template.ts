/** Who a template is written to; it decides the variables it may use (the API refuses others). */
export const TEMPLATE_AUDIENCES = ['applicant', 'reviewer', 'manager'] as const;
export type TemplateAudience = (typeof TEMPLATE_AUDIENCES)[number];
export const templateAudienceChoices = TEMPLATE_AUDIENCES.map((audience) => ({ id: audience, name: `app.notification_templates.audiences.${audience}` }));

/**
 * The workflow kinds a template may be written for: a mail about an application is rendered from its
 * programme's kind's variant of the template (`benefit.received`), else from the plain one (subsidy).
 */
export const TEMPLATE_WORKFLOW_KINDS = ['subsidy', 'benefit', 'itSubsidy'] as const;
export type TemplateWorkflowKind = (typeof TEMPLATE_WORKFLOW_KINDS)[number];
export const templateWorkflowKindChoices = TEMPLATE_WORKFLOW_KINDS.map((kind) => ({ id: kind, name: `app.notification_templates.workflow_kinds.${kind}` }));

/** テンプレート as GET /api/notification-templates(/:code) returns it: `id` is the code, the text its latest version's. */
export interface TemplateRecord {
  id: string;
  code: string;
  label: string;
  audience: TemplateAudience;
  /** the name the workflow definitions notify(...) (`received` for `benefit.received`) */
  name: string;
  /** the workflow kind this variant is for; null: the plain text every kind without a variant uses */
  workflowKind: TemplateWorkflowKind | null;
  /** a plain template's variants per workflow kind */
  variants: { workflowKind: TemplateWorkflowKind; code: string }[];
  /** latest saved version; 0 = the built-in text, never saved */
  version: number;
  subject: string;
  bodyText: string;
  versionCount: number;
  updatedAt: string | null;
  updatedById: string | null;
  updatedByName: string | null;
  variables: { name: string; label: string }[];
}

/** One saved version (GET /api/notification-templates/:code/versions), newest first. */
export interface TemplateVersionRecord {
  id: string;
  code: string;
  version: number;
  subject: string;
  bodyText: string;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
  /** notifications rendered from this version */
  notificationCount: number;
}

export interface TemplatePreviewBody {
  subject: string;
  bodyText: string;
  applicationId?: string;
  receiptNumber?: string;
}

export interface TemplatePreview {
  subject: string;
  text: string;
  html: string;
  /** the application the preview used (null: made-up values, or the digest) */
  application: { id: string; receiptNumber: string | null; applicantName: string } | null;
}

/** PUT body: only the text and the version the edit started from (the API refuses anything else). */
export function toTemplateSave(data: Partial<TemplateRecord>): { subject: string; bodyText: string; version?: number } {
  return { subject: data.subject ?? '', bodyText: data.bodyText ?? '', ...(typeof data.version === 'number' ? { version: data.version } : {}) };
}

/** `#/notification-templates/<code>/show?version=<n>`: a version of a template in its history. */
export function templateVersionPath(code: string, version: number): string {
  return `#/notification-templates/${encodeURIComponent(code)}/show?version=${version}`;
}
