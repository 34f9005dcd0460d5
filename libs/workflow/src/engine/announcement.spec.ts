import { at, DAY, NOW } from '../__tests__/fixtures';
import { IT_SUBSIDY_V1, SUBSIDY_V1, SUBSIDY_V2 } from '../definitions';
import type { ApplicationSnapshot } from './context';
import { availableTransitions, decide } from './decide';
import type { Role, WorkflowDefinition } from './definition';

// README "Status page": a decision whose notice waits for the announcement is not told, so nothing may follow it.
const ANNOUNCED_AT = at(30 * DAY);
const held = { announcementAt: ANNOUNCED_AT };
const round = { round: { closesAt: at(-30 * DAY), announcementAt: ANNOUNCED_AT } };
const snapshot = (definition: WorkflowDefinition, status: string, fields: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot => ({
  status,
  workflowCode: definition.code,
  workflowVersion: definition.version,
  quote: { eligible: true },
  ...fields,
});
const actor = (role: Role) => ({ role, id: `${role}-1` });

describe('a decision not yet announced', () => {
  it.each([
    ['IT導入: 実績報告 after a 交付決定 held for the 交付決定日', IT_SUBSIDY_V1, 'grantDecided', 'reportPerformance', 'intake' as Role],
    ['補助金 v1: 交付申請 after a 採択 held for the 採択発表', SUBSIDY_V1, 'adopted', 'applyForGrant', 'applicant' as Role],
    ['補助金 v2: 取下げ after a 補欠 held for the 採択発表', SUBSIDY_V2, 'waitlisted', 'withdraw', 'intake' as Role],
    // a refusal naming the state (「不交付」で完了しており) would tell the decision: this one comes first
    ['IT導入: a resubmission after a 不交付 held (terminal)', IT_SUBSIDY_V1, 'notGranted', 'resubmit', 'intake' as Role],
  ])('refuses the applicant’s step: %s', (_name, definition, status, transition, role) => {
    const d = decide(definition, snapshot(definition, status, { heldDecision: held }), { transition, reason: '事情により' }, actor(role), NOW, round);
    expect(d).toMatchObject({ ok: false, code: 'NOT_YET_ANNOUNCED' });
    expect(!d.ok && d.message).toContain('2024');
  });

  it('refuses a person’s step that would mail about it too, and says when the date is not set', () => {
    const d = decide(
      SUBSIDY_V1,
      snapshot(SUBSIDY_V1, 'adopted', { heldDecision: { announcementAt: null } }),
      { transition: 'withdraw', reason: '辞退' },
      actor('intake'),
      NOW,
      round,
    );
    expect(d).toMatchObject({ ok: false, code: 'NOT_YET_ANNOUNCED', message: expect.stringContaining('日時は未定') });
  });

  it('lets a later decision held for the same announcement take its place (繰上げ, 補欠終了, 再審査)', () => {
    for (const transition of ['promoteFromWaitlist', 'closeWaitlist']) {
      const d = decide(SUBSIDY_V1, snapshot(SUBSIDY_V1, 'waitlisted', { heldDecision: held }), { transition }, actor('manager'), NOW, {
        ...round,
        slots: { capacity: 10, used: 0 },
        adoption: { byDecision: true },
      });
      expect(d).toMatchObject({ ok: true });
    }
  });

  it('refuses nothing once announced (no held decision), and offers no applicant step while held', () => {
    const announced = decide(
      IT_SUBSIDY_V1,
      snapshot(IT_SUBSIDY_V1, 'grantDecided', { heldDecision: null }),
      { transition: 'reportPerformance' },
      actor('intake'),
      NOW,
      round,
    );
    expect(announced).toMatchObject({ ok: true, to: 'performanceReported' });
    expect(availableTransitions(IT_SUBSIDY_V1, snapshot(IT_SUBSIDY_V1, 'grantDecided', { heldDecision: held }), actor('intake'), NOW, round)).toEqual([]);
  });
});
