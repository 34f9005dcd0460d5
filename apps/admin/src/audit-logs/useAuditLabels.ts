import { auditActionLabel } from '@jimukyoku/domain';
import { useCallback, useMemo } from 'react';
import { useGetList } from 'react-admin';
import type { WorkflowRecord } from '../workflows/workflowStates';

const NO_WORKFLOWS: WorkflowRecord[] = [];

/**
 * Audit records in words: an action by its Japanese name (a state change by its transition's label
 * from GET /api/workflows, any other from AUDIT_ACTION_LABELS in libs/domain) and a state by its
 * label. The code itself only for what neither knows (an action recorded by a later release).
 */
export function useAuditLabels() {
  // the same request as useWorkflowStates(), so both share one cached answer
  const { data = NO_WORKFLOWS } = useGetList<WorkflowRecord>(
    'workflows',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'registered', order: 'ASC' }, filter: {} },
    { staleTime: Infinity, gcTime: Infinity },
  );
  const { transitions, states } = useMemo(() => {
    const transitions = new Map<string, string>();
    const states = new Map<string, string>();
    for (const w of data) {
      for (const t of w.transitions) if (!transitions.has(t.name)) transitions.set(t.name, t.label);
      for (const s of w.states) if (!states.has(s.code)) states.set(s.code, s.label);
    }
    return { transitions, states };
  }, [data]);
  const actionLabel = useCallback((action: string) => auditActionLabel(action, (name) => transitions.get(name)) ?? action, [transitions]);
  const stateLabel = useCallback((code: string | null | undefined) => (code ? (states.get(code) ?? code) : ''), [states]);
  return { actionLabel, stateLabel, loaded: data.length > 0 };
}
