/**
 * 審査員の割当: planning which reviewers score which applications. Pure and deterministic: the same
 * input gives the same plan whatever the order of the reviewers.
 */
import { conflictReason, prepareParties, prepareReviewer, type PreparedReviewer } from './conflict-of-interest';
import { compareStrings } from './numbers';

export { normaliseCorporateNumber, normaliseOrganisationName } from './conflict-of-interest';

export interface ReviewerCandidate {
  id: string;
  name?: string;
  organisation: string | null;
  /** the most applications this reviewer takes in the round */
  maxLoad: number;
  /** applications already assigned to this reviewer (including this round's existing assignments) */
  currentLoad: number;
  declaredConflicts: { corporateNumbers: string[]; organisations: string[] };
}

export interface AssignmentSubject {
  applicationId: string;
  corporateNumber: string | null;
  applicantName: string;
  /** the applicant's 認定支援機関 */
  advisorName: string | null;
  assignedReviewerIds: string[];
  /** how many reviewers the application needs in total */
  required: number;
}

export interface PlannedAssignment {
  applicationId: string;
  reviewerId: string;
}

export interface UnfilledSubject {
  applicationId: string;
  missing: number;
  reason: string;
  /** 'conflicts': too few reviewers without a conflict exist; 'capacity': they exist but are at maxLoad */
  cause?: 'conflicts' | 'capacity';
}

export interface AssignmentPlan {
  assignments: PlannedAssignment[];
  unfilled: UnfilledSubject[];
  /** per reviewer id: currentLoad + planned */
  loads: Record<string, number>;
}

/**
 * Why the reviewer must not review the application (利益相反), or null. The rules, in the order
 * checked: the applicant's 法人番号 is among the reviewer's declared corporate numbers; the applicant
 * or its 認定支援機関 is among the reviewer's declared organisations; the reviewer's own organisation
 * is the applicant or the applicant's 認定支援機関. Names compare as normaliseOrganisationName says.
 */
export function conflictOfInterest(reviewer: ReviewerCandidate, subject: AssignmentSubject): string | null {
  return conflictReason(prepareReviewer(reviewer), prepareParties(subject));
}

interface Pool {
  reviewer: ReviewerCandidate;
  prepared: PreparedReviewer;
  load: number;
}

interface Need {
  subject: AssignmentSubject;
  index: number;
  needed: number;
  /** reviewers without a conflict who are not already assigned (capacity not considered) */
  candidates: Pool[];
  /** candidates with spare capacity at the start: what "most constrained" is measured by */
  eligibleAtStart: number;
}

const hasRoom = (p: Pool) => p.load < p.reviewer.maxLoad;

/** The candidate with room and the lowest load, ties by id; undefined when none has room. */
function pickReviewer(candidates: readonly Pool[], taken: ReadonlySet<string>): Pool | undefined {
  let best: Pool | undefined;
  for (const p of candidates) {
    if (taken.has(p.reviewer.id) || !hasRoom(p)) continue;
    if (best === undefined || p.load < best.load || (p.load === best.load && compareStrings(p.reviewer.id, best.reviewer.id) < 0)) best = p;
  }
  return best;
}

function unfilledReason(missing: number, candidates: number, needed: number): Pick<UnfilledSubject, 'reason' | 'cause'> {
  if (candidates < needed) {
    return { cause: 'conflicts', reason: `利益相反のない審査員が不足しています（あと${missing}名必要、候補${candidates}名）` };
  }
  return {
    cause: 'capacity',
    reason: `審査員の上限件数に達しています（あと${missing}名必要、利益相反のない候補${candidates}名に空きがありません。上限件数の引上げか審査員の追加が必要です）`,
  };
}

/**
 * Plans the missing assignments. Each application needs `required − assignedReviewerIds.length` more
 * reviewers: never one already assigned, never the same one twice, never one with a conflict of
 * interest, never beyond maxLoad (currentLoad + planned ≤ maxLoad).
 *
 * Greedy and balanced: applications with the fewest eligible reviewers (no conflict, not assigned,
 * spare capacity) go first, ties in input order; each slot goes to the eligible reviewer with the
 * lowest load (currentLoad + planned so far), ties by id. With equal starting loads and no
 * constraints this keeps every reviewer's load within 1 of the others'.
 *
 * What cannot be filled is reported in `unfilled` (partial fills are kept): 'conflicts' when fewer
 * reviewers without a conflict exist than needed, else 'capacity' (they are all at maxLoad).
 * `assignments` and `unfilled` follow the input order of the applications. A reviewer id given twice
 * is taken once (the first).
 */
export function planAssignments(subjects: readonly AssignmentSubject[], reviewers: readonly ReviewerCandidate[]): AssignmentPlan {
  const pool: Pool[] = [];
  const seenIds = new Set<string>();
  for (const reviewer of reviewers) {
    if (seenIds.has(reviewer.id)) continue;
    seenIds.add(reviewer.id);
    pool.push({ reviewer, prepared: prepareReviewer(reviewer), load: reviewer.currentLoad });
  }

  const needs: Need[] = subjects.map((subject, index) => {
    const assigned = new Set(subject.assignedReviewerIds);
    const needed = Math.max(0, subject.required - assigned.size);
    if (needed === 0) return { subject, index, needed, candidates: [], eligibleAtStart: 0 };
    const parties = prepareParties(subject);
    const candidates = pool.filter((p) => !assigned.has(p.reviewer.id) && conflictReason(p.prepared, parties) === null);
    return { subject, index, needed, candidates, eligibleAtStart: candidates.filter(hasRoom).length };
  });

  const order = needs.filter((n) => n.needed > 0).sort((a, b) => a.eligibleAtStart - b.eligibleAtStart || a.index - b.index);
  const planned = new Map<number, string[]>();
  const unfilled = new Map<number, UnfilledSubject>();
  for (const need of order) {
    const taken = new Set<string>();
    for (let k = 0; k < need.needed; k++) {
      const p = pickReviewer(need.candidates, taken);
      if (p === undefined) break;
      taken.add(p.reviewer.id);
      p.load += 1;
    }
    planned.set(need.index, [...taken]);
    const missing = need.needed - taken.size;
    if (missing > 0)
      unfilled.set(need.index, { applicationId: need.subject.applicationId, missing, ...unfilledReason(missing, need.candidates.length, need.needed) });
  }

  const assignments: PlannedAssignment[] = [];
  const unfilledList: UnfilledSubject[] = [];
  subjects.forEach((s, i) => {
    for (const reviewerId of planned.get(i) ?? []) assignments.push({ applicationId: s.applicationId, reviewerId });
    const u = unfilled.get(i);
    if (u !== undefined) unfilledList.push(u);
  });
  // fromEntries defines own properties, so even an id like '__proto__' is a plain key
  const loads: Record<string, number> = Object.fromEntries(pool.map((p) => [p.reviewer.id, p.load]));
  return { assignments, unfilled: unfilledList, loads };
}
