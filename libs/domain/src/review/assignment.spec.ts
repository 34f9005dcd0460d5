/** 審査員の割当: conflicts of interest, the balanced greedy plan and its guarantees. */
import {
  conflictOfInterest,
  normaliseOrganisationName,
  planAssignments,
  type AssignmentPlan,
  type AssignmentSubject,
  type ReviewerCandidate,
} from './assignment';

const reviewer = (id: string, patch: Partial<ReviewerCandidate> = {}): ReviewerCandidate => ({
  id,
  organisation: null,
  maxLoad: 10,
  currentLoad: 0,
  declaredConflicts: { corporateNumbers: [], organisations: [] },
  ...patch,
});
const subject = (applicationId: string, patch: Partial<AssignmentSubject> = {}): AssignmentSubject => ({
  applicationId,
  corporateNumber: null,
  applicantName: `申請者${applicationId}`,
  advisorName: null,
  assignedReviewerIds: [],
  required: 1,
  ...patch,
});
const declared = (corporateNumbers: string[], organisations: string[] = []) => ({ declaredConflicts: { corporateNumbers, organisations } });
const reviewersOf = (plan: AssignmentPlan, applicationId: string) => plan.assignments.filter((a) => a.applicationId === applicationId).map((a) => a.reviewerId);

describe('normaliseOrganisationName', () => {
  it.each<[string, string, string]>([
    ['full-width letters and spaces', '株式会社　ＡＢＣ 商事', 'abc商事'],
    ['㈱ after the name', 'ABC商事㈱', 'abc商事'],
    ['（株） with full-width brackets', '（株）ABC商事', 'abc商事'],
    ['㍿', '㍿ABC商事', 'abc商事'],
    ['有限会社 and (有)', '(有)山田製作所', '山田製作所'],
    ['一般社団法人', '一般社団法人 中小企業支援協会', '中小企業支援協会'],
    ['a name without a legal form', 'さくら信用金庫', 'さくら信用金庫'],
    ['税理士法人 before or after the name', '税理士法人 みらい', 'みらい'],
    ['税理士法人 after the name', 'みらい税理士法人', 'みらい'],
    ['有限責任監査法人, not only 監査法人 out of it', '有限責任監査法人トーマツ', 'トーマツ'],
    ['医療法人社団', '医療法人社団 健生会', '健生会'],
    ['事業協同組合', '山形県鉄工事業協同組合', '山形県鉄工'],
    ['(社福)', '(社福)ひかり会', 'ひかり会'],
    ['half-width katakana', 'ｻｸﾗ', 'サクラ'],
  ])('%s', (_rule, name, expected) => {
    expect(normaliseOrganisationName(name)).toBe(expected);
  });
});

describe('conflictOfInterest', () => {
  const app = subject('A1', { corporateNumber: '1234567890123', applicantName: '株式会社ABC商事', advisorName: 'さくら信用金庫' });

  it.each<[string, Partial<ReviewerCandidate>, string | null]>([
    ['no relation → none', { organisation: '東西大学' }, null],
    ['declared corporate number', declared(['1234567890123']), '申請者の法人番号（1234567890123）は審査員が利益相反を申告した法人です'],
    [
      'declared corporate number written with full-width digits and hyphens',
      declared(['１２３４５-６７８９０ １２３']),
      '申請者の法人番号（1234567890123）は審査員が利益相反を申告した法人です',
    ],
    [
      'declared organisation = applicant (㈱ vs 株式会社, full-width)',
      declared([], ['ＡＢＣ商事㈱']),
      '申請者「株式会社ABC商事」は審査員が利益相反を申告した組織です',
    ],
    [
      'declared organisation = the applicant’s advisor',
      declared([], ['さくら 信用金庫']),
      '申請者の認定支援機関「さくら信用金庫」は審査員が利益相反を申告した組織です',
    ],
    ['own organisation = applicant', { organisation: '(株)abc商事' }, '審査員の所属「(株)abc商事」は申請者と同じ組織です'],
    ['own organisation = the applicant’s advisor', { organisation: 'さくら信用金庫' }, '審査員の所属「さくら信用金庫」は申請者の認定支援機関です'],
    ['a partial name is not a match', { organisation: 'ABC', ...declared([], ['さくら']) }, null],
    ['another corporate number is not a match', declared(['1234567890124']), null],
    ['an empty declaration matches nothing', { organisation: '', ...declared([''], ['', '株式会社']) }, null],
  ])('%s', (_rule, patch, expected) => {
    expect(conflictOfInterest(reviewer('r1', patch), app)).toBe(expected);
  });

  it('matches a 税理士法人 whichever side of the name its legal form stands', () => {
    const advised = subject('A3', { corporateNumber: null, applicantName: '株式会社北斗精機', advisorName: 'みらい税理士法人' });
    expect(conflictOfInterest(reviewer('r1', { organisation: '税理士法人 みらい' }), advised)).toBe(
      '審査員の所属「税理士法人 みらい」は申請者の認定支援機関です',
    );
  });

  it('an applicant without corporate number or advisor only conflicts by name', () => {
    const soleProprietor = subject('A2', { corporateNumber: null, applicantName: '山田太郎', advisorName: null });
    expect(conflictOfInterest(reviewer('r1', { organisation: '', ...declared(['1234567890123'], ['さくら信用金庫']) }), soleProprietor)).toBeNull();
    expect(conflictOfInterest(reviewer('r1', declared([], ['山田 太郎'])), soleProprietor)).toBe('申請者「山田太郎」は審査員が利益相反を申告した組織です');
  });
});

describe('planAssignments', () => {
  it('gives each slot to the least-loaded reviewer, ties by id', () => {
    // loads r1=2, r2=0, r3=0: A1 needs 2 → r2 (0), r3 (0); A2 needs 1 → r2 (1, ties r3 by id)
    const plan = planAssignments([subject('A1', { required: 2 }), subject('A2')], [reviewer('r3'), reviewer('r1', { currentLoad: 2 }), reviewer('r2')]);
    expect(plan).toEqual({
      assignments: [
        { applicationId: 'A1', reviewerId: 'r2' },
        { applicationId: 'A1', reviewerId: 'r3' },
        { applicationId: 'A2', reviewerId: 'r2' },
      ],
      unfilled: [],
      loads: { r3: 1, r1: 2, r2: 2 },
    });
  });

  it('never assigns a reviewer already assigned, and counts them toward required', () => {
    // A1 needs 3, has r1 → 2 more from r2, r3 (r1 excluded though least loaded)
    const plan = planAssignments(
      [subject('A1', { required: 3, assignedReviewerIds: ['r1'] })],
      [reviewer('r1'), reviewer('r2', { currentLoad: 5 }), reviewer('r3', { currentLoad: 5 })],
    );
    expect(reviewersOf(plan, 'A1')).toEqual(['r2', 'r3']);
    expect(plan.loads).toEqual({ r1: 0, r2: 6, r3: 6 });
  });

  it('plans nothing for an application that already has enough (or more) reviewers', () => {
    const plan = planAssignments([subject('A1', { required: 2, assignedReviewerIds: ['r1', 'r2', 'r3'] })], [reviewer('r4')]);
    expect(plan).toEqual({ assignments: [], unfilled: [], loads: { r4: 0 } });
  });

  it('never exceeds maxLoad and reports what is left as a capacity problem', () => {
    // r1 has room for 1, r2 for 0; three applications need 1 each
    const plan = planAssignments(
      [subject('A1'), subject('A2'), subject('A3')],
      [reviewer('r1', { maxLoad: 3, currentLoad: 2 }), reviewer('r2', { maxLoad: 3, currentLoad: 3 })],
    );
    expect(plan.assignments).toEqual([{ applicationId: 'A1', reviewerId: 'r1' }]);
    expect(plan.loads).toEqual({ r1: 3, r2: 3 });
    expect(plan.unfilled).toEqual([
      {
        applicationId: 'A2',
        missing: 1,
        cause: 'capacity',
        reason: '審査員の上限件数に達しています（あと1名必要、利益相反のない候補2名に空きがありません。上限件数の引上げか審査員の追加が必要です）',
      },
      {
        applicationId: 'A3',
        missing: 1,
        cause: 'capacity',
        reason: '審査員の上限件数に達しています（あと1名必要、利益相反のない候補2名に空きがありません。上限件数の引上げか審査員の追加が必要です）',
      },
    ]);
  });

  it('a reviewer already above maxLoad gets nothing and keeps its load', () => {
    const plan = planAssignments([subject('A1')], [reviewer('r1', { maxLoad: 1, currentLoad: 4 })]);
    expect(plan.assignments).toEqual([]);
    expect(plan.loads).toEqual({ r1: 4 });
    expect(plan.unfilled[0].cause).toBe('capacity');
  });

  it.each<[string, Partial<ReviewerCandidate>]>([
    ['declared corporate number', declared(['1234567890123'])],
    ['declared organisation = applicant', declared([], ['ABC商事'])],
    ['declared organisation = advisor', declared([], ['さくら信用金庫'])],
    ['own organisation = applicant', { organisation: '株式会社ABC商事' }],
    ['own organisation = advisor', { organisation: 'さくら信用金庫' }],
  ])('never assigns a conflicted reviewer (%s), even the least loaded one', (_rule, patch) => {
    const app = subject('A1', { corporateNumber: '1234567890123', applicantName: 'ABC商事㈱', advisorName: 'さくら信用金庫' });
    const plan = planAssignments([app], [reviewer('r1', patch), reviewer('r2', { currentLoad: 9 })]);
    expect(reviewersOf(plan, 'A1')).toEqual(['r2']);
  });

  it('reports too few reviewers without conflicts, keeping the partial fill', () => {
    // A1 needs 3; r1 conflicts → 1 candidate (r2) → あと2名必要、候補1名
    const plan = planAssignments([subject('A1', { required: 3, applicantName: 'ABC' })], [reviewer('r1', { organisation: 'ABC' }), reviewer('r2')]);
    expect(plan.assignments).toEqual([{ applicationId: 'A1', reviewerId: 'r2' }]);
    expect(plan.unfilled).toEqual([
      { applicationId: 'A1', missing: 2, cause: 'conflicts', reason: '利益相反のない審査員が不足しています（あと2名必要、候補1名）' },
    ]);
  });

  it('reports an application no reviewer may review', () => {
    const plan = planAssignments([subject('A1', { required: 2, applicantName: 'ABC' })], [reviewer('r1', { organisation: 'ABC' })]);
    expect(plan.unfilled).toEqual([
      { applicationId: 'A1', missing: 2, cause: 'conflicts', reason: '利益相反のない審査員が不足しています（あと2名必要、候補0名）' },
    ]);
  });

  it('serves the most constrained application first so it is not starved', () => {
    // r1 has room for one. A1 (input first) could use r1 or r2; A2 conflicts with r2 and can only use r1.
    // Processing A2 first (1 eligible reviewer vs 2) fills both; input order would leave A2 empty.
    const plan = planAssignments(
      [subject('A1'), subject('A2', { applicantName: 'XYZ' })],
      [reviewer('r1', { maxLoad: 1 }), reviewer('r2', { organisation: 'XYZ', currentLoad: 5 })],
    );
    expect(plan.assignments).toEqual([
      { applicationId: 'A1', reviewerId: 'r2' },
      { applicationId: 'A2', reviewerId: 'r1' },
    ]);
    expect(plan.unfilled).toEqual([]);
  });

  it('takes a reviewer listed twice once', () => {
    const plan = planAssignments([subject('A1', { required: 2 })], [reviewer('r1'), reviewer('r1')]);
    expect(plan.assignments).toEqual([{ applicationId: 'A1', reviewerId: 'r1' }]);
    expect(plan.unfilled[0]).toMatchObject({ missing: 1, cause: 'conflicts' });
  });

  it('handles empty input', () => {
    expect(planAssignments([], [])).toEqual({ assignments: [], unfilled: [], loads: {} });
    expect(planAssignments([], [reviewer('r1', { currentLoad: 2 })]).loads).toEqual({ r1: 2 });
  });
});

/** mulberry32: a tiny seeded PRNG so the random cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rnd: () => number, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[int(rnd, 0, xs.length - 1)];
const shuffled = <T>(rnd: () => number, xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(rnd, 0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

const NAMES = ['ABC商事', '株式会社XYZ', 'さくら信用金庫', '東西銀行', '山田製作所', '北国大学'];
const NUMBERS = ['1000000000001', '1000000000002', '1000000000003'];

function randomCase(seed: number): { subjects: AssignmentSubject[]; reviewers: ReviewerCandidate[] } {
  const rnd = prng(seed);
  const reviewers = Array.from({ length: int(rnd, 1, 8) }, (_, i) => {
    const maxLoad = int(rnd, 0, 6);
    return reviewer(`r${String(i).padStart(2, '0')}`, {
      organisation: rnd() < 0.4 ? pick(rnd, NAMES) : null,
      maxLoad,
      currentLoad: int(rnd, 0, maxLoad + 1),
      ...declared(rnd() < 0.3 ? [pick(rnd, NUMBERS)] : [], rnd() < 0.3 ? [pick(rnd, NAMES)] : []),
    });
  });
  const subjects = Array.from({ length: int(rnd, 0, 15) }, (_, i) =>
    subject(`A${i}`, {
      corporateNumber: rnd() < 0.7 ? pick(rnd, NUMBERS) : null,
      applicantName: pick(rnd, NAMES),
      advisorName: rnd() < 0.5 ? pick(rnd, NAMES) : null,
      assignedReviewerIds: rnd() < 0.3 ? [pick(rnd, reviewers).id] : [],
      required: int(rnd, 0, 4),
    }),
  );
  return { subjects, reviewers };
}

describe('planAssignments: properties over 300 seeded random rounds', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

  it('never plans a conflicted, already assigned or duplicate reviewer, nor beyond maxLoad; accounts for every slot', () => {
    for (const seed of seeds) {
      const { subjects, reviewers } = randomCase(seed);
      const plan = planAssignments(subjects, reviewers);
      const byId = new Map(reviewers.map((r) => [r.id, r]));
      const plannedCount = new Map<string, number>();
      for (const s of subjects) {
        const ids = reviewersOf(plan, s.applicationId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(s.assignedReviewerIds).not.toContain(id);
          expect(conflictOfInterest(byId.get(id)!, s)).toBeNull();
          plannedCount.set(id, (plannedCount.get(id) ?? 0) + 1);
        }
        const needed = Math.max(0, s.required - new Set(s.assignedReviewerIds).size);
        const missing = plan.unfilled.find((u) => u.applicationId === s.applicationId)?.missing ?? 0;
        expect(ids.length + missing).toBe(needed);
        if (missing > 0) {
          // greedy is maximal: every other eligible reviewer is full at the end
          for (const r of reviewers) {
            if (ids.includes(r.id) || s.assignedReviewerIds.includes(r.id) || conflictOfInterest(r, s) !== null) continue;
            expect(plan.loads[r.id]).toBeGreaterThanOrEqual(r.maxLoad);
          }
        }
      }
      for (const r of reviewers) {
        const n = plannedCount.get(r.id) ?? 0;
        expect(plan.loads[r.id]).toBe(r.currentLoad + n);
        if (n > 0) expect(plan.loads[r.id]).toBeLessThanOrEqual(r.maxLoad);
      }
    }
  });

  it('is deterministic and does not depend on the order of the reviewers', () => {
    for (const seed of seeds) {
      const { subjects, reviewers } = randomCase(seed);
      const plan = planAssignments(subjects, reviewers);
      expect(planAssignments(subjects, reviewers)).toEqual(plan);
      expect(planAssignments(subjects, shuffled(prng(seed * 7), reviewers))).toEqual(plan);
    }
  });

  it('with equal starting loads and no constraints, final loads differ by at most 1', () => {
    for (const seed of seeds) {
      const rnd = prng(seed);
      const count = int(rnd, 1, 12);
      const start = int(rnd, 0, 3);
      const reviewers = Array.from({ length: count }, (_, i) => reviewer(`r${i}`, { currentLoad: start, maxLoad: 1000 }));
      const subjects = Array.from({ length: int(rnd, 0, 40) }, (_, i) => subject(`A${i}`, { required: int(rnd, 0, count) }));
      const loads = Object.values(planAssignments(subjects, reviewers).loads);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
  });
});
