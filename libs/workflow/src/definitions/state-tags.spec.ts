import {
  notificationTemplates,
  reopensFormalCheck,
  stateCodesTagged,
  stateHasTag,
  STATE_TAGS,
  workflowStateKey,
  type WorkflowDefinition,
} from '../engine/definition';
import {
  BENEFIT_V1,
  IT_SUBSIDY_V1,
  statesEndingReporting,
  statesOfKind,
  statesTagged,
  SUBSIDY_V1,
  SUBSIDY_V2,
  workflowStatesFiring,
  workflowStatesTagged,
} from './index';

// The lifecycle facts other code asks about, read from the definitions (one row per fact).
describe('state tags', () => {
  it.each([
    [
      'slots are held from 採択 on',
      SUBSIDY_V1,
      'holdsSlot',
      ['adopted', 'grantApplied', 'grantDecided', 'performanceReported', 'finalInspection', 'amountFixed', 'paid', 'commercializationReported'],
    ],
    ['要件確認 waits on a filed or resubmitted application', SUBSIDY_V1, 'awaitsFormalCheck', ['submitted', 'resubmitted']],
    ['… an IT導入 交付申請 is checked where it is (no 要件確認 state)', IT_SUBSIDY_V1, 'awaitsFormalCheck', ['grantApplied', 'resubmitted']],
    ['… and so is a filed 給付金', BENEFIT_V1, 'awaitsFormalCheck', ['submitted', 'resubmitted']],
    ['only the subsidy has a 要件確認 state', IT_SUBSIDY_V1, 'inFormalCheck', []],
    ['… not the 給付金 (its 審査中 follows the check)', BENEFIT_V1, 'inFormalCheck', []],
    ['要件確認 in progress', SUBSIDY_V1, 'inFormalCheck', ['formalCheck']],
    ['score sheets are open in 書面審査', SUBSIDY_V1, 'openForScoring', ['underReview']],
    ['the simulator ranks 審査完了', SUBSIDY_V1, 'awaitsDecision', ['reviewed']],
    ['差戻し runs the 補正期限', SUBSIDY_V1, 'returnedToApplicant', ['returned']],
    ['不備 runs the 補正期限 of a 給付金', BENEFIT_V1, 'returnedToApplicant', ['deficient']],
    ['差戻し of an IT導入 交付申請', IT_SUBSIDY_V1, 'returnedToApplicant', ['returned']],
    ['a 給付金 holds no 採択 slot', BENEFIT_V1, 'holdsSlot', []],
    ['the scheduler reminds and closes a 差戻し past its 補正期限', SUBSIDY_V1, 'correctionDeadlineWatched', ['returned']],
    ['… and an IT導入 差戻し', IT_SUBSIDY_V1, 'correctionDeadlineWatched', ['returned']],
    ['… and a 給付金 不備', BENEFIT_V1, 'correctionDeadlineWatched', ['deficient']],
    [
      'subsidy@2 holds the slot through the project and its reports, not once it is abandoned or revoked',
      SUBSIDY_V2,
      'holdsSlot',
      [
        'adopted',
        'grantApplied',
        'grantDecided',
        'performanceReported',
        'finalInspection',
        'amountFixed',
        'paid',
        'planChangeRequested',
        'abandonmentRequested',
        'advancePaymentRequested',
        'advanceExcessClaimed',
        'commercializationReporting',
        'reportingCompleted',
      ],
    ],
    ['a payment batch pays subsidy@2’s 額確定 and its 概算払', SUBSIDY_V2, 'awaitsPayment', ['amountFixed', 'advancePaymentRequested']],
    ['… of which the 概算払 pays the amount requested', SUBSIDY_V2, 'awaitsAdvancePayment', ['advancePaymentRequested']],
    ['… not v1’s (it records no 確定額)', SUBSIDY_V1, 'awaitsPayment', []],
    ['… and a 給付金’s 給付決定', BENEFIT_V1, 'awaitsPayment', ['benefitDecided']],
    ['… and IT導入’s 額確定', IT_SUBSIDY_V1, 'awaitsPayment', ['amountFixed']],
    ['subsidy@2 keeps v1’s 要件確認', SUBSIDY_V2, 'awaitsFormalCheck', ['submitted', 'resubmitted']],
    ['… and its 差戻し with the 補正期限', SUBSIDY_V2, 'correctionDeadlineWatched', ['returned']],
    ['… and its 書面審査', SUBSIDY_V2, 'openForScoring', ['underReview']],
  ] as const)('%s', (_rule, definition, tag, codes) => {
    expect(stateCodesTagged(definition, tag)).toEqual(codes);
    for (const code of codes) expect(stateHasTag(definition, code, tag)).toBe(true);
  });

  it('answers false for a state the definition does not have', () => {
    expect(stateHasTag(BENEFIT_V1, 'reviewed', 'awaitsDecision')).toBe(false);
  });

  it('statesTagged unions the registered definitions, without repeats', () => {
    expect(statesTagged('returnedToApplicant').sort()).toEqual(['deficient', 'returned']);
    expect(statesTagged('awaitsDecision', [SUBSIDY_V1, SUBSIDY_V1])).toEqual(['reviewed']);
  });

  // A query over applications of several workflows binds statesTagged only for tags every definition
  // sharing a state code agrees on; for the others it binds workflowStatesTagged (code@version:state).
  it('statesTagged is exact across definitions only for the tags pinned here', () => {
    const definitions = [SUBSIDY_V1, SUBSIDY_V2, BENEFIT_V1, IT_SUBSIDY_V1];
    const exact = STATE_TAGS.filter((tag) =>
      definitions.every((d) => d.states.every((s) => !statesTagged(tag, definitions).includes(s.code) || stateHasTag(d, s.code, tag))),
    );
    expect(exact).toEqual(['inFormalCheck', 'awaitsDecision', 'returnedToApplicant', 'correctionDeadlineWatched', 'awaitsAdvancePayment', 'endsReporting']);
  });

  it('workflowStatesTagged names each definition’s own states', () => {
    expect(workflowStatesTagged('awaitsFormalCheck')).toEqual([
      'subsidy@1:submitted',
      'subsidy@1:resubmitted',
      'subsidy@2:submitted',
      'subsidy@2:resubmitted',
      'benefit@1:submitted',
      'benefit@1:resubmitted',
      'itSubsidy@1:grantApplied',
      'itSubsidy@1:resubmitted',
    ]);
    expect(workflowStatesTagged('awaitsFormalCheck')).not.toContain('subsidy@1:grantApplied');
    expect(workflowStatesTagged('openForScoring')).toEqual(['subsidy@1:underReview', 'subsidy@2:underReview']);
    expect(workflowStateKey('benefit', 1, 'underReview')).toBe('benefit@1:underReview');
  });

  it('workflowStatesFiring names the states each definition lets a transition fire from', () => {
    expect(workflowStatesFiring('reportCommercialization')).toEqual(['subsidy@1:paid', 'subsidy@2:paid', 'subsidy@2:commercializationReporting']);
    expect(workflowStatesFiring('reportCommercialization', [SUBSIDY_V2])).not.toContain('subsidy@2:advanceExcessClaimed');
    expect(workflowStatesFiring('noSuchTransition')).toEqual([]);
  });

  it('statesEndingReporting: the terminal states and 交付決定取消, not a project still running or owing a 概算払 excess', () => {
    const ended = statesEndingReporting([SUBSIDY_V2]);
    expect(ended).toEqual(expect.arrayContaining(['grantRevoked', 'repaid', 'abandoned', 'reportingCompleted', 'rejected']));
    for (const running of ['paid', 'commercializationReporting', 'advanceExcessClaimed', 'amountFixed']) expect(ended).not.toContain(running);
  });

  it('statesOfKind lists initial and terminal states across definitions', () => {
    expect(statesOfKind('initial').sort()).toEqual(['draft', 'idIssued']);
    expect(statesOfKind('terminal')).toEqual(expect.arrayContaining(['rejected', 'withdrawn', 'transferred', 'effectReported']));
  });

  it('a state added to a copy of a definition is found by its tags alone', () => {
    const copy: WorkflowDefinition = {
      ...SUBSIDY_V1,
      states: [...SUBSIDY_V1.states, { code: 'secondOpinion', label: '再審査', kind: 'active', tone: 'progress', tags: ['openForScoring'] }],
    };
    expect(statesTagged('openForScoring', [copy])).toEqual(['underReview', 'secondOpinion']);
    expect(statesTagged('openForScoring')).toEqual(['underReview']);
  });

  it('every state has a display tone', () => {
    for (const d of [SUBSIDY_V1, SUBSIDY_V2, BENEFIT_V1, IT_SUBSIDY_V1]) for (const s of d.states) expect(s.tone).toBeTruthy();
  });

  // A state code never changes its kind between versions: statesOfKind unions the definitions.
  it('no state code is terminal in one definition and not in another', () => {
    const definitions = [SUBSIDY_V1, SUBSIDY_V2, BENEFIT_V1, IT_SUBSIDY_V1];
    const terminal = statesOfKind('terminal', definitions);
    for (const d of definitions)
      for (const s of d.states) if (terminal.includes(s.code)) expect([d.code, d.version, s.code, s.kind]).toEqual([d.code, d.version, s.code, 'terminal']);
  });

  it('notificationTemplates lists each notify(...) template once', () => {
    const keys = notificationTemplates(SUBSIDY_V1);
    expect(keys).toEqual(expect.arrayContaining(['received', 'returned', 'adopted', 'rejected', 'ineligible']));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

// A check completed before a 差戻し judged what the applicant has since corrected: the 再提出 reopens it.
describe('reopensFormalCheck', () => {
  it.each([
    ['IT導入’s 再提出 after a 差戻し', IT_SUBSIDY_V1, 'returned', 'resubmitted', true],
    ['IT導入’s 交付申請 filed', IT_SUBSIDY_V1, 'draft', 'grantApplied', true],
    ['IT導入’s 差戻し itself (the 不適 it was returned with stays readable)', IT_SUBSIDY_V1, 'grantApplied', 'returned', false],
    ['IT導入’s 交付決定', IT_SUBSIDY_V1, 'resubmitted', 'grantDecided', false],
    ['the 補助金’s 再提出', SUBSIDY_V2, 'returned', 'resubmitted', true],
    ['the 補助金’s 要件確認 started (its draft answers kept)', SUBSIDY_V2, 'resubmitted', 'formalCheck', false],
    ['the 給付金’s 再提出 after a 不備', BENEFIT_V1, 'deficient', 'resubmitted', true],
    ['the 給付金’s 審査 started by the 適', BENEFIT_V1, 'resubmitted', 'underReview', false],
  ] as const)('%s', (_rule, definition, from, to, reopens) => {
    expect(reopensFormalCheck(definition, from, to)).toBe(reopens);
  });
});
