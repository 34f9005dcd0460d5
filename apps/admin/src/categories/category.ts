import type { CategoryConfig } from '@jimukyoku/domain';

/** 類型 as GET /api/categories returns it: the validated configuration plus one-line summaries. */
export interface CategoryRecord {
  id: string;
  ruleSetId: string;
  programId: string;
  code: string;
  name: string;
  kind: CategoryConfig['kind'];
  config: CategoryConfig;
  /** Japanese one-liners from libs/domain's describeCategory */
  summary: { cap: string; rate: string; floor: string | null };
}
