/**
 * The reference catalogue: programmes, their versioned rule sets (予算 / edition) with categories,
 * and rounds (公募). Everything has a stable code so an idempotent seed step can upsert it.
 * Values the briefing leaves open carry `assumption`.
 */
import type { Assumed, CategoryConfig } from '../category';

/** An ISO-8601 instant with an explicit +09:00 offset, e.g. '2021-12-21T18:00:00+09:00'. */
export type Instant = string;

export type ProgramKind = 'subsidy' | 'benefit' | 'contract';

/** Which workflow definition runs the programme's applications (see libs/workflow). */
export type WorkflowKind = 'subsidy' | 'benefit' | 'itSubsidy';

export interface Program extends Assumed {
  /** e.g. 'restructuring' */
  readonly code: string;
  /** e.g. '事業再構築補助金' */
  readonly name: string;
  readonly kind: ProgramKind;
  readonly workflowKind: WorkflowKind;
}

export interface RuleSet extends Assumed {
  /** `${programCode}.${edition}`, e.g. 'restructuring.r3-sup' */
  readonly code: string;
  readonly programCode: string;
  /** e.g. 'r2-sup3' (令和2年度第3次補正), 'r3-sup' (令和3年度補正), 'r4' (令和4年度当初) */
  readonly edition: string;
  readonly label: string;
  /**
   * 1 when absent. A rule changed within the same 予算 (事業再構築 第5回) is a later version of the same
   * code, superseding the one before it; rounds already run keep theirs.
   */
  readonly version?: number;
  /** category codes are unique within a rule set; the same 類型 keeps its code across editions */
  readonly categories: readonly CategoryConfig[];
}

/** A planned period given only roughly (上旬 / 下旬 …): from its first to its last instant. */
export interface PlannedPeriod {
  readonly from: Instant;
  readonly to: Instant;
  /** as announced, e.g. '令和4年3月上旬頃（予定）' */
  readonly label: string;
}

export interface Round extends Assumed {
  /** e.g. 'restructuring.round5' */
  readonly code: string;
  readonly programCode: string;
  /** the rule set the round runs on */
  readonly ruleSetCode: string;
  /** its version (1 when absent) */
  readonly ruleSetVersion?: number;
  readonly number: number;
  /** e.g. '第5回公募' */
  readonly name: string;
  readonly opensAt: Instant;
  readonly closesAt: Instant;
  /** 採択発表 (planned); absent where the programme has no adoption step or no date is known */
  readonly announcement?: PlannedPeriod;
  /** the categories offered; absent = every category of the rule set */
  readonly categoryCodes?: readonly string[];
}

export interface ReferenceCatalogue {
  readonly programs: readonly Program[];
  readonly ruleSets: readonly RuleSet[];
  readonly rounds: readonly Round[];
}
