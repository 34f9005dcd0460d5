// The registry of workflow definitions, keyed `${code}@${version}`. A round is bound to one key when
// it is created (usually the latest version of its code); an application keeps the version it
// started on, so a new version never changes the rules under a case in progress. Adding a version
// means adding a file and a line here; never edit a published version in place.
import {
  findTransition,
  stateCodesOfKind,
  stateCodesTagged,
  workflowKey,
  workflowStateKey,
  type StateKind,
  type StateTag,
  type WorkflowDefinition,
} from '../engine/definition';
import type { GuardName } from '../engine/guards';
import { loadDefinition } from '../engine/validate';
import { BENEFIT_V1 } from './benefit.v1';
import { IT_SUBSIDY_V1 } from './it-subsidy.v1';
import { SUBSIDY_V1 } from './subsidy.v1';
import { SUBSIDY_V2 } from './subsidy.v2';

export { BENEFIT_V1, IT_SUBSIDY_V1, SUBSIDY_V1, SUBSIDY_V2 };

export const WORKFLOW_CODES = ['subsidy', 'benefit', 'itSubsidy'] as const;
export type WorkflowCode = (typeof WORKFLOW_CODES)[number];

export const WORKFLOWS: Readonly<Record<string, WorkflowDefinition<GuardName>>> = Object.freeze(
  Object.fromEntries([SUBSIDY_V1, SUBSIDY_V2, BENEFIT_V1, IT_SUBSIDY_V1].map((d) => [workflowKey(d.code, d.version), d])),
);

/**
 * Definitions registered at run time next to the built-in WORKFLOWS: the way a test adds a state to a
 * copy of a definition and watches it flow through the API (see registerWorkflow).
 */
const registered = new Map<string, WorkflowDefinition<GuardName>>();

/**
 * Every definition the product knows: the built-in WORKFLOWS, then any added with registerWorkflow.
 * findWorkflow, getWorkflow, latestWorkflow, statesTagged and statesOfKind read this list.
 */
export function registeredWorkflows(): WorkflowDefinition<GuardName>[] {
  return [...Object.values(WORKFLOWS), ...registered.values()];
}

/**
 * Registers `definition` (validated as on load) beside the built-in ones and returns the function that
 * removes it again. For tests: a product definition is a file in this folder and a line in WORKFLOWS.
 * A key already registered (built-in or not) is refused.
 */
export function registerWorkflow(definition: WorkflowDefinition<GuardName>): () => void {
  const key = workflowKey(definition.code, definition.version);
  if (Object.prototype.hasOwnProperty.call(WORKFLOWS, key) || registered.has(key)) throw new Error(`workflow ${key} is already registered`);
  registered.set(key, loadDefinition<WorkflowDefinition<GuardName>>(definition));
  return () => {
    registered.delete(key);
  };
}

export class UnknownWorkflowError extends Error {
  constructor(
    readonly code: string,
    readonly version?: number,
  ) {
    super(version === undefined ? `手続定義「${code}」は登録されていません。` : `手続定義「${workflowKey(code, version)}」は登録されていません。`);
    this.name = 'UnknownWorkflowError';
  }
}

/** The definition `code@version`, or undefined. */
export function findWorkflow(code: string, version: number): WorkflowDefinition<GuardName> | undefined {
  const key = workflowKey(code, version);
  return Object.prototype.hasOwnProperty.call(WORKFLOWS, key) ? WORKFLOWS[key] : registered.get(key);
}

/** The definition `code@version`; throws UnknownWorkflowError when it is not registered. */
export function getWorkflow(code: string, version: number): WorkflowDefinition<GuardName> {
  const definition = findWorkflow(code, version);
  if (!definition) throw new UnknownWorkflowError(code, version);
  return definition;
}

/** The highest registered version of `code`: what a newly created round is bound to. */
export function latestWorkflow(code: string): WorkflowDefinition<GuardName> {
  const versions = registeredWorkflows().filter((d) => d.code === code);
  if (versions.length === 0) throw new UnknownWorkflowError(code);
  return versions.reduce((a, b) => (b.version > a.version ? b : a));
}

/**
 * The state codes carrying `tag` in any registered definition (registeredWorkflows(), or `definitions`): what a query
 * over applications binds, e.g. `status = ANY($1)`. The union is exact only where every definition
 * that has a code tags it alike (state-tags.spec.ts pins which tags do); for the others, e.g. the
 * 要件確認's (IT導入's grantApplied awaits it, the subsidy's does not), a query over several workflows
 * binds workflowStatesTagged instead.
 */
export function statesTagged(tag: StateTag, definitions: readonly WorkflowDefinition[] = registeredWorkflows()): string[] {
  return [...new Set(definitions.flatMap((d) => stateCodesTagged(d, tag)))];
}

/**
 * The `code@version:state` keys (workflowStateKey) of the states carrying `tag` in every registered
 * definition (or `definitions`): exact over applications of mixed workflows, compared with
 * `workflow_code || '@' || workflow_version || ':' || status` (apps/api's workflowStateSql).
 */
export function workflowStatesTagged(tag: StateTag, definitions: readonly WorkflowDefinition[] = registeredWorkflows()): string[] {
  return definitions.flatMap((d) => stateCodesTagged(d, tag).map((state) => workflowStateKey(d.code, d.version, state)));
}

/**
 * The `code@version:state` keys (workflowStateKey) of the states from which the transition `name` may fire, in every
 * registered definition that has it (or in `definitions`): e.g. where a 事業化状況報告 can be filed now.
 */
export function workflowStatesFiring(name: string, definitions: readonly WorkflowDefinition[] = registeredWorkflows()): string[] {
  return definitions.flatMap((d) => (findTransition(d, name)?.from ?? []).map((state) => workflowStateKey(d.code, d.version, state)));
}

/**
 * The states in which an application's unfiled 事業化状況報告 are no longer due: the terminal ones and those tagged
 * endsReporting (交付決定取消 awaiting its 返還), in any registered definition (or in `definitions`).
 */
export function statesEndingReporting(definitions: readonly WorkflowDefinition[] = registeredWorkflows()): string[] {
  return [...new Set([...statesOfKind('terminal', definitions), ...statesTagged('endsReporting', definitions)])];
}

/** Every state code of the registered workflows (or of `definitions`), once each. */
export function registeredStateCodes(definitions: readonly WorkflowDefinition[] = registeredWorkflows()): string[] {
  return [...new Set(definitions.flatMap((d) => d.states.map((s) => s.code)))];
}

/** The state codes of `kind` in any registered definition (or in `definitions`). */
export function statesOfKind(kind: StateKind, definitions: readonly WorkflowDefinition[] = registeredWorkflows()): string[] {
  return [...new Set(definitions.flatMap((d) => stateCodesOfKind(d, kind)))];
}
