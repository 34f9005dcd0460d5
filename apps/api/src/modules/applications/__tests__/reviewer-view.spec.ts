import { asSeenBy } from '../reviewer-view';

const me = 'reviewer-me';
const assignments = [
  { id: 'a1', reviewerId: me, purpose: 'review', submittedAt: null as Date | null },
  { id: 'a2', reviewerId: 'reviewer-other', purpose: 'review', submittedAt: new Date('2026-12-01T00:00:00Z') },
  { id: 'a3', reviewerId: me, purpose: 'formalCheck', submittedAt: new Date('2026-11-20T00:00:00Z') },
];
const timeline = [
  { action: 'application.submit', ip: '192.0.2.1' },
  { action: 'review.disagreement', ip: null },
  { action: 'application.completeReview', ip: null },
];

describe('asSeenBy', () => {
  it('shows a reviewer only their own assignments, no staff address, and no totals before their own review is submitted', () => {
    const seen = asSeenBy({ id: me, role: 'reviewer' }, assignments, timeline);
    expect(seen.assignments.map((a) => a.id)).toEqual(['a1', 'a3']);
    // a submitted 要件確認 is no review of their own
    expect(seen.timeline).toEqual([{ action: 'application.submit', ip: null }]);
  });

  it('shows the totals once their own review is submitted', () => {
    const submitted = assignments.map((a) => (a.id === 'a1' ? { ...a, submittedAt: new Date('2026-12-02T00:00:00Z') } : a));
    const seen = asSeenBy({ id: me, role: 'reviewer' }, submitted, timeline);
    expect(seen.timeline.map((e) => e.action)).toEqual(['application.submit', 'review.disagreement', 'application.completeReview']);
    expect(seen.timeline.every((e) => e.ip === null)).toBe(true);
  });

  it('shows every other role all of it', () => {
    for (const role of ['manager', 'admin', 'auditor'] as const) {
      expect(asSeenBy({ id: 'someone', role }, assignments, timeline)).toEqual({ assignments, timeline });
    }
  });
});
