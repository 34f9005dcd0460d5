import { DEFAULT_TEMPLATES, TEMPLATE_INFO } from '@jimukyoku/domain';
import { notificationTemplates, registeredWorkflows, workflowKey, type WorkflowDefinition } from '@jimukyoku/workflow';
import { Injectable, OnModuleInit } from '@nestjs/common';

/** A notify(...) in a definition naming a template the catalogue does not have. */
export interface UnknownTemplate {
  workflow: string;
  template: string;
}

/**
 * The template codes named by notify(...) effects in `definitions` that `catalogue` (the template
 * codes the API can render: DEFAULT_TEMPLATES in libs/domain/src/notification/default-templates.ts,
 * of which the notification_template table keeps edited versions) does not have.
 */
export function unknownNotificationTemplates(definitions: readonly WorkflowDefinition[], catalogue: Readonly<Record<string, unknown>>): UnknownTemplate[] {
  return definitions.flatMap((d) =>
    notificationTemplates(d)
      .filter((template) => !Object.prototype.hasOwnProperty.call(catalogue, template))
      .map((template) => ({ workflow: workflowKey(d.code, d.version), template })),
  );
}

/** The template catalogue: the codes with both a built-in text and an entry (label, audience) in TEMPLATE_INFO. */
export const TEMPLATE_CATALOGUE: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.keys(DEFAULT_TEMPLATES)
    .filter((code) => Object.prototype.hasOwnProperty.call(TEMPLATE_INFO, code))
    .map((code) => [code, TEMPLATE_INFO[code]]),
);

/** Throws, naming each one, when a definition notifies with a template the catalogue does not have. */
export function assertNotificationTemplatesKnown(
  definitions: readonly WorkflowDefinition[] = registeredWorkflows(),
  catalogue: Readonly<Record<string, unknown>> = TEMPLATE_CATALOGUE,
): void {
  const unknown = unknownNotificationTemplates(definitions, catalogue);
  if (unknown.length === 0) return;
  const list = unknown.map((u) => `${u.workflow}: notify('${u.template}')`).join(', ');
  throw new Error(
    `手続定義が通知テンプレートの一覧にないテンプレートを指定しています: ${list}。` +
      'libs/domain/src/notification/default-templates.ts (DEFAULT_TEMPLATES, TEMPLATE_INFO) に追加するか、定義の notify(...) を直してください。',
  );
}

/**
 * Refuses to start (API and worker alike) when a registered workflow definition notifies with a
 * template the catalogue lacks: such a transition would otherwise fail only when first fired.
 */
@Injectable()
export class WorkflowTemplatesCheck implements OnModuleInit {
  onModuleInit(): void {
    assertNotificationTemplatesKnown();
  }
}
