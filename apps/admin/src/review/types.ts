import type { BonusItem, Criterion } from '@jimukyoku/domain';

export type { BonusItem, Criterion };

/** GET /api/applications/:id/formal-check */
export interface FormalCheckItem {
  code: string;
  label: string;
  source?: string;
  suggestion: 'pass' | 'fail' | null;
  hint?: string | null;
  /** eligibility: each unmet requirement of the stored judgement, in Japanese */
  failedRequirements?: { code: string; label: string; message: string }[];
  /** eligibility: requirements a person judges */
  manualRequirements?: string[];
  /** 適 against the system's 不適 needs overrideReason */
  passNeedsReason?: boolean;
  passed: boolean | null;
  comment: string | null;
  overrideReason?: string | null;
}
export interface FormalCheck {
  id: string;
  applicationId: string;
  status: string;
  open: boolean;
  /** what completing the checklist can do in this application's workflow, with the transition it fires (null: a 適 only recorded) */
  outcomes: { outcome: FormalCheckOutcome; transition: string | null; label: string }[];
  completed: boolean;
  passed: boolean | null;
  checkedAt: string | null;
  items: FormalCheckItem[];
}
export type FormalCheckOutcome = 'pass' | 'return' | 'ineligible';
export interface FormalCheckAnswer {
  code: string;
  passed: boolean;
  comment?: string;
  overrideReason?: string;
}

export type ScoreStatus = 'notStarted' | 'draft' | 'submitted';

/** GET /api/score-sheets/:id (id = the review assignment's id) */
export interface ScoreSheet {
  id: string;
  applicationId: string;
  reviewerName: string;
  dueAt: string | null;
  status: ScoreStatus;
  scores: Record<string, number>;
  comments: Record<string, string>;
  confirmedBonus: string[];
  overallComment: string | null;
  total: number | null;
  editable: boolean;
  reopenReason: string | null;
  rubric: { id: string; criteria: Criterion[]; bonusItems: BonusItem[]; maxTotal: number; frozen: boolean };
  application: {
    id: string;
    status: string;
    receiptNumber: string | null;
    applicantName: string;
    categoryName: string;
    planTitle: string | null;
    planSummary: string | null;
    quotedAmount: number | null;
    /** the plan's expenses (補助対象経費) with the 経費区分's name */
    expenses?: { expenseType: string; expenseTypeLabel?: string; description?: string; amount: number }[];
    claimedBonusItems: BonusItem[];
  };
}

/** What PUT /api/score-sheets/:id and POST …/submit accept. */
export interface ScoreSheetBody {
  scores: Record<string, number | null>;
  comments: Record<string, string>;
  confirmedBonus: string[];
  overallComment?: string;
}

/** GET /api/applications/:id/reviews */
export interface ApplicationReviews {
  id: string;
  rubric: { criteria: Criterion[]; bonusItems: BonusItem[]; maxTotal: number };
  sheets: {
    assignmentId: string;
    reviewerId: string;
    reviewerName: string;
    scores: Record<string, number>;
    comments: Record<string, string>;
    confirmedBonus: string[];
    overallComment: string | null;
    total: number | null;
    status: ScoreStatus;
    submittedAt: string | null;
    reopenReason: string | null;
  }[];
  /** a submitted sheet may be reopened now (not once the application is decided) */
  reopenable: boolean;
  summary: { submitted: number; mean: number | null; confirmedBonus: string[]; bonus: number; spread: number; disagreement: boolean };
}

export type AssignmentPurpose = 'formalCheck' | 'review';

/** POST /api/rounds/:roundId/assignments/auto */
export interface AutoAssignResult {
  purpose: AssignmentPurpose;
  applications: number;
  assigned: number;
  unfilled: { applicationId: string; receiptNumber: string | null; applicantName: string; missing: number; reason: string }[];
  loads: { reviewerId: string; reviewerName?: string; load: number }[];
}

export interface Breakdown {
  key: string;
  applied: number;
  adopted: number;
  adoptedAmount: number;
}

export type Outcome = 'adopted' | 'waitlisted' | 'rejected';

export interface RankingEntry {
  rank: number;
  applicationId: string;
  receiptNumber: string | null;
  applicantName: string;
  finalScore: number;
  mean: number;
  bonus: number;
  quotedAmount: number;
  prefecture: string;
  sizeClass: string;
  disagreement: boolean;
  pendingReviews: number;
  outcome: Outcome;
}

/** GET /api/rounds/:roundId/ranking */
export interface Ranking {
  roundId: string;
  categoryId: string;
  normalise: boolean;
  limits: { budget: number | null; quota: number | null; waitlistCount: number };
  tieBreak: string[];
  fingerprint: string;
  /** the 応募締切 (grace included): a decision is committed only after it; a what-if runs any time */
  roundDeadline: string;
  roundStillOpen: boolean;
  simulation: {
    cutoffRank: number | null;
    cutoffScore: number | null;
    stoppedBy: 'budget' | 'quota' | 'exhausted';
    totals: {
      applied: number;
      adopted: number;
      waitlisted: number;
      rejected: number;
      adoptedAmount: number;
      budget: number | null;
      remainingBudget: number | null;
      adoptionRate: number;
    };
    byPrefecture: Breakdown[];
    bySizeClass: Breakdown[];
  };
  /** one page of the ranking (offset/limit; 500 by default) */
  entries: RankingEntry[];
  entryCount: number;
  entryOffset: number;
  /** every final score by rank, for the chart */
  chart: { finalScores: number[]; quotedAmounts: number[] };
  /** the round × 類型 outside the what-if: its own 予算, what already holds a 採択, what is still before the decision */
  standing: { categoryBudget: number | null; adopted: number; adoptedAmount: number; inFormalCheck: number; inReview: number };
  /** the latest committed decision of the round × 類型 and one page of its ranking as committed, or null */
  committed: {
    decision: AdoptionDecision;
    entryCount: number;
    entryOffset: number;
    entries: CommittedRankingEntry[];
    chart: { finalScores: number[] };
  } | null;
}

/** One application of a committed decision's ranking (its scores as committed; 審査点 and 加点 null in a decision committed before they were kept). */
export type CommittedRankingEntry = Pick<
  RankingEntry,
  'rank' | 'applicationId' | 'receiptNumber' | 'applicantName' | 'finalScore' | 'quotedAmount' | 'prefecture' | 'sizeClass' | 'outcome'
> & { mean: number | null; bonus: number | null };

export interface RankingQuery {
  categoryId: string;
  budget: number | null;
  quota: number | null;
  waitlistCount: number | null;
  normalise?: boolean;
}

/** GET /api/rounds/:roundId/decisions */
export interface AdoptionDecision {
  id: string;
  categoryId: string;
  budget: number | null;
  quota: number | null;
  waitlistCount: number;
  appliedCount: number;
  adoptedCount: number;
  waitlistedCount: number;
  rejectedCount: number;
  adoptedAmount: number | string;
  cutoffScore: number | string | null;
  committedAt: string;
}
