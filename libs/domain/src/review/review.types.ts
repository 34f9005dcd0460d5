/**
 * 書面審査 (review) vocabulary shared by the rubric, the score sheet, aggregation and ranking.
 * A rubric is data a manager edits per round × category; the functions next to it are pure.
 */

/** 審査項目: one scored line of the rubric. */
export interface Criterion {
  /** stable code, e.g. 'commercialization'; unique across criteria and bonus items */
  code: string;
  /** shown to reviewers, e.g. '事業化点' */
  label: string;
  /** integer scale 0..maxScore */
  maxScore: number;
  /** multiplies the score in the weighted total */
  weight: number;
  description?: string;
}

/** 加点項目: extra points an applicant claims and the secretariat confirms. */
export interface BonusItem {
  code: string;
  label: string;
  /** integer 0..100, added once to the application's final score when confirmed */
  points: number;
  description?: string;
}

export interface Rubric {
  criteria: Criterion[];
  bonusItems: BonusItem[];
}

/** A problem with input a person entered: the field to fix and what to do, in Japanese. */
export interface ReviewProblem {
  field: string;
  message: string;
}
