export const ROUND_STATUSES = ['upcoming', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const roundStatusChoices = ROUND_STATUSES.map((status) => ({ id: status, name: `app.rules.round_status.${status}` }));

/** A category a round offers, with its budget (integer yen) and adoption quota, either unset. */
export interface RoundCategory {
  categoryId: string;
  budget: number | null;
  adoptionQuota: number | null;
}

/** 公募回 as GET /api/rounds returns it: instants in UTC; status from the database clock. */
export interface RoundRecord {
  id: string;
  code: string;
  programId: string;
  ruleSetId: string;
  number: number;
  name: string;
  /** the programme's name (事業再構築補助金) */
  programName: string;
  /** how a round is named wherever one is picked or shown: programme and round (事業再構築補助金 第12回公募) */
  title: string;
  opensAt: string;
  closesAt: string;
  announcementFrom: string | null;
  announcementTo: string | null;
  announcementLabel: string | null;
  workflowVersion: number;
  assumption: string | null;
  /** when the scheduler closed the round (deadline + grace passed); null while open */
  closedAt: string | null;
  status: RoundStatus;
  categories: RoundCategory[];
}
