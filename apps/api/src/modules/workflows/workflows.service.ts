import { registeredWorkflows, workflowKey, type WorkflowDefinition } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import type { ListQuery, ListSpec } from '../../common/list-query';
import type { WorkflowDto } from './dto/workflow.dto';

export interface WorkflowFilter {
  id?: string[];
  code?: string[];
}

/** GET /api/workflows: sortable fields and filters (react-admin list conventions, common/list-query.ts). */
/**
 * GET /api/workflows' list spec, from the definitions registered now: `id` (code@version) and `code`
 * filter by known values only; `registered` sorts in registry order (libs/workflow
 * registeredWorkflows()), the built-in 補助金 (subsidy) first.
 */
export function workflowListSpec(): ListSpec {
  const definitions = registeredWorkflows();
  return {
    sortable: ['registered', 'id', 'code', 'version', 'label'],
    defaultSort: ['registered', 'ASC'],
    filters: { id: { enums: definitions.map((d) => workflowKey(d.code, d.version)) }, code: { enums: [...new Set(definitions.map((d) => d.code))] } },
  };
}

/** A definition as the API shows it: states (with tone and tags) and transitions, no guards or effects. */
export function workflowView(d: WorkflowDefinition): WorkflowDto {
  return {
    id: workflowKey(d.code, d.version),
    code: d.code,
    version: d.version,
    label: d.label,
    states: d.states.map((s) => ({ code: s.code, label: s.label, kind: s.kind, tone: s.tone, tags: [...(s.tags ?? [])] })),
    transitions: d.transitions.map((t) => ({ name: t.name, label: t.label, from: [...t.from], to: t.to, roles: [...t.roles] })),
  };
}

/**
 * The registered workflow definitions (libs/workflow): the one place the admin learns states, their
 * labels, tones and tags, and the transitions. Read-only; definitions change by a release, not by API.
 */
@Injectable()
export class WorkflowsService {
  /**
   * One page of the definitions, by default in registry order: the built-in ones first, 補助金
   * (subsidy) first of all, which the admin's 状態 filter relies on when two definitions label a
   * state differently.
   */
  async list(query: ListQuery<WorkflowFilter>): Promise<[WorkflowDto[], number]> {
    const { id, code } = query.filter;
    const rows = registeredWorkflows()
      .map((d, registered) => ({ registered, view: workflowView(d) }))
      .filter(({ view: w }) => (!id || id.includes(w.id)) && (!code || code.includes(w.code)));
    const sign = query.sortOrder === 'DESC' ? -1 : 1;
    const key = (r: (typeof rows)[number]): string | number =>
      query.sortField === 'registered' ? r.registered : r.view[query.sortField as 'id' | 'code' | 'version' | 'label'];
    const sorted = [...rows].sort((a, b) => sign * compare(key(a), key(b)) || a.registered - b.registered);
    return [sorted.slice(query.offset, query.offset + query.limit).map((r) => r.view), rows.length];
  }
}

const compare = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
