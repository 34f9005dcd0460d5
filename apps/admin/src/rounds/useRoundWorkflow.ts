import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useApi } from '../providers/useApi';
import { announcesDecisions, hasPostAwardSteps, usesAdoptionQuota, type RoundWorkflow } from './workflow';

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

/**
 * Which steps the flow of the round in the record context has: a 採択発表 (announcesDecisions), steps after the
 * decision such as 概算払 (hasPostAwardSteps) and a 採択 counted against the 採択予定件数 (usesAdoptionQuota). All true
 * while its definition loads.
 */
export function useRoundSteps(): { announces: boolean; postAward: boolean; adoptionQuota: boolean } {
  const round = useRecordContext();
  const { workflow } = useRoundWorkflow(round?.id === undefined ? undefined : String(round.id));
  return { announces: announcesDecisions(workflow), postAward: hasPostAwardSteps(workflow), adoptionQuota: usesAdoptionQuota(workflow) };
}
