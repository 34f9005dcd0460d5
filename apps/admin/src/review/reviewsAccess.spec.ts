import { reviewsAccess } from './reviewsAccess';

const assignment = (reviewerId: string, submittedAt: string | null = null, revokedAt: string | null = null) => ({ reviewerId, submittedAt, revokedAt });

describe('reviewsAccess (the 審査 tab)', () => {
  it('lets managers and auditors ask: the API decides', () => {
    expect(reviewsAccess('manager', 'm', [])).toBe('ask');
    expect(reviewsAccess('auditor', 'a', [assignment('r1')])).toBe('ask');
  });

  it('asks for a reviewer who has submitted their sheet here', () => {
    expect(reviewsAccess('reviewer', 'r1', [assignment('r2', '2022-05-01T00:00:00Z'), assignment('r1', '2022-05-02T00:00:00Z')])).toBe('ask');
  });

  it('tells a reviewer with an open assignment to submit first, and one with none that it is not theirs', () => {
    expect(reviewsAccess('reviewer', 'r1', [assignment('r1'), assignment('r2', '2022-05-01T00:00:00Z')])).toBe('ownFirst');
    expect(reviewsAccess('reviewer', 'r1', [assignment('r2', '2022-05-01T00:00:00Z')])).toBe('notAssigned');
    expect(reviewsAccess('reviewer', 'r1', [])).toBe('notAssigned');
  });

  it('does not take a 要件確認 assignment for a 書面審査 one', () => {
    expect(reviewsAccess('reviewer', 'r1', [{ ...assignment('r1'), purpose: 'formalCheck' }])).toBe('notAssigned');
    expect(reviewsAccess('reviewer', 'r1', [{ ...assignment('r1'), purpose: 'review' }])).toBe('ownFirst');
  });

  it('counts a sheet submitted before its assignment was revoked, and not an open assignment revoked', () => {
    expect(reviewsAccess('reviewer', 'r1', [assignment('r1', '2022-05-01T00:00:00Z', '2022-05-03T00:00:00Z')])).toBe('ask');
    expect(reviewsAccess('reviewer', 'r1', [assignment('r1', null, '2022-05-03T00:00:00Z')])).toBe('notAssigned');
  });
});
