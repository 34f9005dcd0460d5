/** 予算・版 as GET /api/rule-sets returns it. */
export interface RuleSetRecord {
  id: string;
  programId: string;
  code: string;
  edition: string;
  label: string;
  version: number;
  supersedesId: string | null;
  /** set when the first application is submitted under it; read-only from then on */
  lockedAt: string | null;
  assumption: string | null;
}

/** 令和3年度補正, or 令和3年度補正 (第2版) once it has been versioned. */
export const ruleSetRepresentation = (r: RuleSetRecord) => (r.version > 1 ? `${r.label} (第${r.version}版)` : r.label);
