import { notificationTemplates, stateCodesTagged, stateHasTag, type WorkflowDefinition } from '../engine/definition';
import { BENEFIT_V1, IT_SUBSIDY_V1, statesOfKind, statesTagged, SUBSIDY_V1 } from './index';

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
    ['要件確認 in progress', SUBSIDY_V1, 'inFormalCheck', ['formalCheck']],
    ['score sheets are open in 書面審査', SUBSIDY_V1, 'openForScoring', ['underReview']],
    ['the simulator ranks 審査完了', SUBSIDY_V1, 'awaitsDecision', ['reviewed']],
    ['差戻し runs the 補正期限', SUBSIDY_V1, 'returnedToApplicant', ['returned']],
    ['不備 runs the 補正期限 of a 給付金', BENEFIT_V1, 'returnedToApplicant', ['deficient']],
    ['差戻し of an IT導入 交付申請', IT_SUBSIDY_V1, 'returnedToApplicant', ['returned']],
    ['a 給付金 holds no 採択 slot', BENEFIT_V1, 'holdsSlot', []],
    ['the scheduler reminds and closes a 差戻し past its 補正期限', SUBSIDY_V1, 'correctionDeadlineWatched', ['returned']],
    ['… and an IT導入 差戻し', IT_SUBSIDY_V1, 'correctionDeadlineWatched', ['returned']],
    ['… but not (yet) a 給付金 不備', BENEFIT_V1, 'correctionDeadlineWatched', []],
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
    for (const d of [SUBSIDY_V1, BENEFIT_V1, IT_SUBSIDY_V1]) for (const s of d.states) expect(s.tone).toBeTruthy();
  });

  it('notificationTemplates lists each notify(...) template once', () => {
    const keys = notificationTemplates(SUBSIDY_V1);
    expect(keys).toEqual(expect.arrayContaining(['received', 'returned', 'adopted', 'rejected', 'ineligible']));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
