import type { WorkflowRecord } from '../workflows/workflowStates';

/**
 * The transitions a manager commonly runs over many applications at once (一括操作). Each is one a manager may fire
 * (the 要件確認 is started by its checker or the system, never by a manager: not offered here).
 */
export const BULK_TRANSITIONS = ['completeReview', 'adopt', 'reject', 'waitlist', 'closeWaitlist', 'decideGrant', 'fixAmount', 'pay'] as const;

/** What a row of the 申請 list tells about where the application stands. */
export interface BulkRow {
  status: string;
  workflowCode: string;
  workflowVersion: number;
}

export interface BulkTransitionOption {
  id: (typeof BULK_TRANSITIONS)[number];
  /** i18n key of the transition's label */
  name: string;
  /** selected applications whose workflow offers the transition to a manager in their present state */
  eligible: number;
  /** selected applications whose row is at hand (a selection kept from another page is not) */
  known: number;
  /** every selected row is at hand, the definitions are loaded, and none can take the transition */
  disabled: boolean;
}

/**
 * The 一括操作 menu for a selection: each transition with how many of the selected applications are in a state
 * their workflow (GET /api/workflows) lets a manager take it from. Each application is still checked by the API
 * (its guards, its version), so the count is a guide, not a promise; a transition none of them can take is
 * offered disabled rather than run to fail for every row.
 */
export function bulkTransitionOptions(workflows: readonly WorkflowRecord[], rows: readonly (BulkRow | undefined)[]): BulkTransitionOption[] {
  const byId = new Map(workflows.map((w) => [`${w.code}@${w.version}`, w]));
  const known = rows.filter((r): r is BulkRow => r !== undefined);
  return BULK_TRANSITIONS.map((id) => {
    const eligible = known.filter((r) =>
      byId.get(`${r.workflowCode}@${r.workflowVersion}`)?.transitions.some((t) => t.name === id && t.from.includes(r.status) && t.roles.includes('manager')),
    ).length;
    // nothing is disabled on what is not known: a selection kept from another page, or the definitions still loading
    const judged = known.length === rows.length && workflows.length > 0;
    return { id, name: `app.applications.transitions.${id}`, eligible, known: known.length, disabled: eligible === 0 && judged };
  });
}
