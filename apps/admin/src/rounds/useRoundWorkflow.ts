import { useEffect, useState } from 'react';
import { useApi } from '../providers/useApi';
import type { RoundWorkflow } from './workflow';

/** GET /api/rounds/:id/workflow, loaded once per round (undefined while loading or without a round). */
export function useRoundWorkflow(roundId: string | undefined): { workflow: RoundWorkflow | undefined; error: unknown } {
  const dataProvider = useApi();
  const [state, setState] = useState<{ roundId?: string; workflow?: RoundWorkflow; error?: unknown }>({});
  useEffect(() => {
    if (!roundId) return;
    let cancelled = false;
    dataProvider.getWorkflow(roundId).then(
      (workflow) => !cancelled && setState({ roundId, workflow }),
      (error: unknown) => !cancelled && setState({ roundId, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, roundId]);
  return state.roundId === roundId ? { workflow: state.workflow, error: state.error } : { workflow: undefined, error: undefined };
}
