import { at, DAY, NOW } from '../__tests__/fixtures';
import type { ApplicationSnapshot, WorkflowContext } from './context';
import { availableTransitions, decide, explainTransitions, stateRefusal } from './decide';
import type { Role, WorkflowDefinition } from './definition';
import { loadDefinition } from './validate';

// A small flow exercising every feature of the engine, independent of the real definitions.
const TOY: WorkflowDefinition = loadDefinition({
  code: 'toy',
  version: 2,
  label: 'テスト用手続',
  states: [
    { code: 'draft', label: '下書き', kind: 'initial', tone: 'progress' },
    { code: 'submitted', label: '申請済', kind: 'active', tone: 'progress' },
    { code: 'decided', label: '決定', kind: 'active', tone: 'progress' },
    { code: 'closed', label: '完了', kind: 'terminal', tone: 'progress' },
  ],
  transitions: [
    {
      name: 'submit',
      label: '申請する',
      from: ['draft'],
      to: 'submitted',
      roles: ['applicant', 'intake'],
      guards: ['beforeRoundCloses', 'quoteEligible'],
      effects: [
        { type: 'stamp', field: 'submittedAt' },
        { type: 'notifyApplicant', template: 'received' },
      ],
    },
    {
      name: 'returnToDraft',
      label: '差し戻す',
      from: ['submitted'],
      to: 'draft',
      roles: ['reviewer'],
      effects: [{ type: 'requireReason' }, { type: 'notifyApplicant', template: 'returned' }],
    },
    {
      name: 'decide',
      label: '決定する',
      from: ['submitted'],
      to: 'decided',
      roles: ['manager'],
      effects: [{ type: 'stamp', field: 'decidedAt' }, { type: 'notifyApplicant', template: 'decided' }, { type: 'holdNotificationsUntilAnnouncement' }],
    },
    { name: 'close', label: '完了する', from: ['decided', 'submitted'], to: 'closed', roles: ['system', 'manager'] },
  ],
});

const app = (status: string, fields: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot => ({
  status,
  workflowVersion: 2,
  workflowCode: 'toy',
  quote: { eligible: true },
  ...fields,
});
const actor = (role: Role) => ({ role, id: `${role}-1` });
const OPEN: WorkflowContext = { round: { closesAt: at(DAY), announcementAt: at(7 * DAY) } };

describe('decide: accepted', () => {
  it('returns from, to, the transition, its effects and the stamps at now', () => {
    const d = decide(TOY, app('draft'), { transition: 'submit' }, actor('applicant'), NOW, OPEN);
    expect(d).toEqual({
      ok: true,
      from: 'draft',
      to: 'submitted',
      transition: 'submit',
      label: '申請する',
      effects: TOY.transitions[0]!.effects,
      stamps: { submittedAt: NOW },
      notifications: [{ template: 'received', heldUntilAnnouncement: false }],
    });
  });

  it('keeps the trimmed reason when one is given', () => {
    const d = decide(TOY, app('submitted'), { transition: 'returnToDraft', reason: '  添付書類の不足 ' }, actor('reviewer'), NOW);
    expect(d).toMatchObject({ ok: true, to: 'draft', reason: '添付書類の不足', stamps: {} });
  });

  it('holds decision notices until the announcement while it is in the future', () => {
    const d = decide(TOY, app('submitted'), { transition: 'decide' }, actor('manager'), NOW, OPEN);
    expect(d).toMatchObject({ ok: true, notifications: [{ template: 'decided', heldUntilAnnouncement: true, sendAfter: at(7 * DAY) }] });
  });

  it('releases held notices at once after the announcement', () => {
    const d = decide(TOY, app('submitted'), { transition: 'decide' }, actor('manager'), NOW, { round: { announcementAt: at(-1) } });
    expect(d.ok && d.notifications).toEqual([{ template: 'decided', heldUntilAnnouncement: true }]);
  });

  it('keeps held notices held (no sendAfter) when the round has no announcement date yet', () => {
    const d = decide(TOY, app('submitted'), { transition: 'decide' }, actor('manager'), NOW);
    expect(d.ok && d.notifications).toEqual([{ template: 'decided', heldUntilAnnouncement: true }]);
  });

  it('does not mutate the application', () => {
    const a = app('draft');
    const copy = structuredClone(a);
    decide(TOY, a, { transition: 'submit' }, actor('applicant'), NOW, OPEN);
    expect(a).toEqual(copy);
  });
});

describe('decide: refusals', () => {
  it.each<[string, ApplicationSnapshot, string, Role, string, WorkflowContext?, string?]>([
    ['an unknown transition', app('draft'), 'approve', 'manager', 'UNKNOWN_TRANSITION'],
    ['a transition from another state', app('draft'), 'decide', 'manager', 'NOT_ALLOWED_FROM_STATE'],
    ['a role not listed', app('draft'), 'submit', 'reviewer', 'ROLE_NOT_ALLOWED', OPEN],
    ['the auditor, always', app('submitted'), 'decide', 'auditor', 'ROLE_NOT_ALLOWED'],
    ['a failing guard', app('draft'), 'submit', 'applicant', 'GUARD_FAILED', { round: { closesAt: NOW } }],
    ['a missing reason', app('submitted'), 'returnToDraft', 'reviewer', 'REASON_REQUIRED'],
    ['a blank reason', app('submitted'), 'returnToDraft', 'reviewer', 'REASON_REQUIRED', {}, '   '],
    ['a reason of ideographic spaces', app('submitted'), 'returnToDraft', 'reviewer', 'REASON_REQUIRED', {}, '\u3000\u3000'],
    ['a reason of a zero-width space', app('submitted'), 'returnToDraft', 'reviewer', 'REASON_REQUIRED', {}, '\u200b'],
    ['any move out of a terminal state', app('closed'), 'close', 'system', 'TERMINAL_STATE'],
    ['an unknown transition out of a terminal state', app('closed'), 'nope', 'system', 'UNKNOWN_TRANSITION'],
    ['a status the definition does not know', app('archived'), 'close', 'system', 'UNKNOWN_STATE'],
    ['an application started on another version', app('draft', { workflowVersion: 1 }), 'submit', 'applicant', 'WORKFLOW_MISMATCH', OPEN],
    ['an application of another flow', app('draft', { workflowCode: 'subsidy' }), 'submit', 'applicant', 'WORKFLOW_MISMATCH', OPEN],
  ])('refuses %s', (_name, application, transition, role, code, context = {}, reason) => {
    const d = decide(TOY, application, { transition, reason }, actor(role), NOW, context);
    expect(d).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u3040-\u30ff\u4e00-\u9fff]/) });
  });

  it('stateRefusal answers a state as decide does, and looks at nothing else', () => {
    for (const [status, transition] of [
      ['draft', 'decide'],
      ['closed', 'close'],
    ] as const) {
      const { code, message } = decide(TOY, app(status), { transition }, actor('manager'), NOW) as { code: string; message: string };
      expect(stateRefusal(TOY, status, transition)).toMatchObject({ ok: false, code, message });
    }
    // the role, the guards (closed round) and a missing reason are decide's: the state allows it
    expect(stateRefusal(TOY, 'draft', 'submit')).toBeNull();
    expect(stateRefusal(TOY, 'submitted', 'returnToDraft')).toBeNull();
    // what it does not know is decide's to answer (UNKNOWN_STATE, UNKNOWN_TRANSITION)
    expect(stateRefusal(TOY, 'archived', 'close')).toBeNull();
    expect(stateRefusal(TOY, 'draft', 'approve')).toBeNull();
  });

  it('names the failing guard and lists every failure', () => {
    const d = decide(TOY, app('draft', { quote: { eligible: false } }), { transition: 'submit' }, actor('applicant'), NOW, {
      round: { closesAt: at(-DAY) },
    });
    expect(d).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      transition: 'submit',
      guard: 'beforeRoundCloses',
      message: expect.stringContaining('応募締切'),
      guardFailures: [
        { guard: 'beforeRoundCloses', code: 'ROUND_CLOSED' },
        { guard: 'quoteEligible', code: 'QUOTE_NOT_ELIGIBLE' },
      ],
    });
  });

  it('explains a state refusal with the Japanese labels', () => {
    const d = decide(TOY, app('draft'), { transition: 'decide' }, actor('manager'), NOW);
    expect(d).toMatchObject({ message: '現在の状態「下書き」からは「決定する」を実行できません。' });
  });

  it('explains a role refusal with the Japanese role name', () => {
    const d = decide(TOY, app('submitted'), { transition: 'decide' }, actor('reviewer'), NOW);
    expect(d).toMatchObject({ message: '「決定する」を実行する権限がありません（役割：審査員）。' });
  });

  it('tells the auditor they are read-only', () => {
    const d = decide(TOY, app('submitted'), { transition: 'decide' }, actor('auditor'), NOW);
    expect(d).toMatchObject({ message: '監査担当は閲覧のみで、申請の状態を変更できません。' });
  });

  it('refuses the auditor even when a (malformed) definition lists them', () => {
    const sloppy: WorkflowDefinition = { ...TOY, transitions: TOY.transitions.map((t) => ({ ...t, roles: [...t.roles, 'auditor' as Role] })) };
    expect(decide(sloppy, app('submitted'), { transition: 'decide' }, actor('auditor'), NOW)).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('checks the role before the guards, and the guards before the reason', () => {
    const closed = { round: { closesAt: at(-DAY) } };
    expect(decide(TOY, app('draft'), { transition: 'submit' }, actor('manager'), NOW, closed)).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(decide(TOY, app('draft'), { transition: 'submit' }, actor('applicant'), NOW, closed)).toMatchObject({ code: 'GUARD_FAILED' });
  });
});

describe('availableTransitions', () => {
  it.each<[string, string, Role, WorkflowContext, string[]]>([
    ['the applicant may submit a draft while the round is open', 'draft', 'applicant', OPEN, ['submit']],
    ['the applicant may not submit after the deadline', 'draft', 'applicant', { round: { closesAt: at(-1) } }, []],
    ['the reviewer sees only their own move', 'submitted', 'reviewer', {}, ['returnToDraft']],
    ['the manager sees every move they may make, in definition order', 'submitted', 'manager', {}, ['decide', 'close']],
    ['the system may close', 'decided', 'system', {}, ['close']],
    ['the auditor sees none', 'submitted', 'auditor', {}, []],
    ['nobody moves a terminal application', 'closed', 'manager', {}, []],
  ])('%s', (_name, status, role, context, expected) => {
    expect(availableTransitions(TOY, app(status), actor(role), NOW, context).map((t) => t.name)).toEqual(expected);
  });

  it('offers a transition that needs a reason (the UI asks for it)', () => {
    const options = explainTransitions(TOY, app('submitted'), actor('reviewer'), NOW);
    expect(options.map((o) => [o.transition.name, o.allowed, o.requiresReason, o.refusal?.code])).toEqual([
      ['returnToDraft', true, true, undefined],
      ['decide', false, false, 'ROLE_NOT_ALLOWED'],
      ['close', false, false, 'ROLE_NOT_ALLOWED'],
    ]);
  });
});
