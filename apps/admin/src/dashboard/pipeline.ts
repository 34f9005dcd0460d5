import { api } from '../providers';
import { toReactAdminError } from '../providers/apiErrors';

/** GET /api/pipeline: one entry per round that has applications. */
export interface RoundPipeline {
  roundId: string;
  roundName: string;
  programName: string;
  opensAt: string;
  closesAt: string;
  announcementFrom: string | null;
  total: number;
  /** the round's workflow decides by 採択 (a benefit does not: no simulator, no adoption columns) */
  hasAdoption: boolean;
  /** labelled and toned by the round's workflow */
  states: { code: string; label: string; tone: string; count: number }[];
  categories: { categoryId: string; categoryName: string; applied: number; budget: number | null; adopted: number; adoptedAmount: number }[];
  review: { formalChecksOpen: number; sheetsSubmitted: number; sheetsOpen: number; sheetsOverdue: number };
}

export async function fetchPipeline(): Promise<RoundPipeline[]> {
  try {
    const { json } = await api.httpClient(`${api.apiUrl}/pipeline`);
    return json as RoundPipeline[];
  } catch (error) {
    throw toReactAdminError(error);
  }
}
