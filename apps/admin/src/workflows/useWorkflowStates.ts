import { useMemo } from 'react';
import { useGetList } from 'react-admin';
import { distinctStates, stateChoices, type WorkflowRecord } from './workflowStates';

const NO_WORKFLOWS: WorkflowRecord[] = [];

/**
 * The states of every registered workflow from GET /api/workflows (fetched once per session and
 * cached: definitions change only with a release): the definitions, the distinct states, a lookup by
 * code, and the filter's choices. Empty while loading.
 */
export function useWorkflowStates() {
  const {
    data = NO_WORKFLOWS,
    isPending,
    error,
  } = useGetList<WorkflowRecord>(
    'workflows',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'registered', order: 'ASC' }, filter: {} },
    { staleTime: Infinity, gcTime: Infinity },
  );
  return useMemo(() => {
    const states = distinctStates(data);
    const byCode = new Map(states.map((s) => [s.code, s]));
    return { workflows: data, states, byCode, choices: stateChoices(states), isPending, error };
  }, [data, isPending, error]);
}
