import type { StateDefinition, TransitionDefinition, WorkflowDefinition } from './definition';
import { loadDefinition, validateDefinition, WorkflowDefinitionError, type ValidationErrorCode } from './validate';

// A minimal valid flow; each case below breaks it in one way.
const S = (code: string, kind: StateDefinition['kind'] = 'active', label = `状態${code}`): StateDefinition => ({ code, label, kind, tone: 'progress' });
const T = (name: string, from: string[], to: string, extra: Partial<TransitionDefinition> = {}): TransitionDefinition => ({
  name,
  label: `操作${name}`,
  from,
  to,
  roles: ['manager'],
  ...extra,
});
const VALID: WorkflowDefinition = {
  code: 'mini',
  version: 1,
  label: '最小の手続',
  states: [S('a', 'initial'), S('b'), S('end', 'terminal')],
  transitions: [T('go', ['a'], 'b'), T('finish', ['b'], 'end'), T('back', ['b'], 'a')],
};
const withStates = (states: StateDefinition[]): WorkflowDefinition => ({ ...VALID, states });
const withTransitions = (transitions: TransitionDefinition[]): WorkflowDefinition => ({ ...VALID, transitions });
const plus = (...extra: TransitionDefinition[]) => withTransitions([...VALID.transitions, ...extra]);
const LOOP: WorkflowDefinition = {
  ...VALID,
  states: [...VALID.states, S('c')],
  transitions: [T('go', ['a'], 'b'), T('back', ['b'], 'a'), T('leave', ['c'], 'end')],
};
const codes = (d: WorkflowDefinition) => validateDefinition(d).map((e) => e.code);

describe('validateDefinition', () => {
  it('accepts a sound definition', () => {
    expect(validateDefinition(VALID)).toEqual([]);
  });

  it.each<[string, WorkflowDefinition, ValidationErrorCode, { state?: string; transition?: string }]>([
    ['a transition from an unknown state', plus(T('x', ['nowhere'], 'b')), 'UNKNOWN_STATE', { transition: 'x' }],
    ['a transition to an unknown state', plus(T('x', ['b'], 'nowhere')), 'UNKNOWN_STATE', { transition: 'x' }],
    ['no initial state', withStates([S('a'), S('b'), S('end', 'terminal')]), 'NO_INITIAL_STATE', {}],
    ['two initial states', withStates([S('a', 'initial'), S('b', 'initial'), S('end', 'terminal')]), 'MULTIPLE_INITIAL_STATES', {}],
    ['an unreachable state', withStates([...VALID.states, S('island', 'terminal')]), 'UNREACHABLE_STATE', { state: 'island' }],
    ['a terminal state with an exit', plus(T('revive', ['end'], 'a')), 'TERMINAL_STATE_HAS_EXIT', { state: 'end', transition: 'revive' }],
    ['a non-terminal dead end', withTransitions([T('go', ['a'], 'b'), T('stop', ['a'], 'end')]), 'DEAD_END_STATE', { state: 'b' }],
    // a ⇄ b only; 'end' is entered from 'c', which nothing reaches.
    ['a loop with no way out', LOOP, 'NO_PATH_TO_TERMINAL', { state: 'a' }],
    ['the same transition name twice', plus(T('go', ['b'], 'end')), 'DUPLICATE_TRANSITION', { transition: 'go' }],
    ['the same name, from and to twice', plus(T('go', ['a'], 'b')), 'DUPLICATE_TRANSITION', { transition: 'go' }],
    ['a state twice in one from', plus(T('x', ['a', 'a'], 'end')), 'DUPLICATE_FROM', { transition: 'x' }],
    ['an unknown guard', plus(T('x', ['a'], 'end', { guards: ['moonIsFull'] })), 'UNKNOWN_GUARD', { transition: 'x' }],
    ['a duplicate state code', withStates([...VALID.states, S('b')]), 'DUPLICATE_STATE', { state: 'b' }],
    ['an unknown role', plus(T('x', ['a'], 'end', { roles: ['janitor' as never] })), 'UNKNOWN_ROLE', { transition: 'x' }],
    ['an auditor allowed to act', plus(T('x', ['a'], 'end', { roles: ['auditor'] })), 'AUDITOR_CANNOT_ACT', { transition: 'x' }],
    ['a transition nobody may fire', plus(T('x', ['a'], 'end', { roles: [] })), 'NO_ROLES', { transition: 'x' }],
    ['a transition from nowhere', plus(T('x', [], 'end')), 'EMPTY_FROM', { transition: 'x' }],
    ['a state without a Japanese label', withStates([S('a', 'initial', 'Draft'), S('b'), S('end', 'terminal')]), 'MISSING_LABEL', { state: 'a' }],
    ['a transition without a label', plus(T('x', ['a'], 'end', { label: '' })), 'MISSING_LABEL', { transition: 'x' }],
    ['a definition without a Japanese label', { ...VALID, label: 'Mini' }, 'MISSING_LABEL', {}],
    ['an unknown state kind', withStates([S('a', 'initial'), S('b', 'waiting' as never), S('end', 'terminal')]), 'INVALID_STATE_KIND', { state: 'b' }],
    [
      'an unknown display tone',
      withStates([S('a', 'initial'), { ...S('b'), tone: 'loud' as never }, S('end', 'terminal')]),
      'INVALID_STATE_TONE',
      { state: 'b' },
    ],
    [
      'an unknown state tag',
      withStates([S('a', 'initial'), { ...S('b'), tags: ['isSpecial' as never] }, S('end', 'terminal')]),
      'UNKNOWN_STATE_TAG',
      { state: 'b' },
    ],
    ['a version that is not a positive integer', { ...VALID, version: 1.5 }, 'INVALID_HEADER', {}],
    ['a definition without a code', { ...VALID, code: '' }, 'INVALID_HEADER', {}],
    ['an unknown effect', plus(T('x', ['a'], 'end', { effects: [{ type: 'sendFax' } as never] })), 'INVALID_EFFECT', { transition: 'x' }],
    ['a notification without a template', plus(T('x', ['a'], 'end', { effects: [{ type: 'notifyApplicant', template: '' }] })), 'INVALID_EFFECT', {}],
    ['a stamp without a field name', plus(T('x', ['a'], 'end', { effects: [{ type: 'stamp', field: 'submitted at' }] })), 'INVALID_EFFECT', {}],
  ])('reports %s', (_name, definition, code, where) => {
    const errors = validateDefinition(definition);
    expect(errors).toContainEqual(expect.objectContaining({ code, message: expect.any(String), ...where }));
  });

  describe('the 要件確認 declared in the definition', () => {
    // a ⇄ checklist: 'b' awaits it, 'c' is the check, 'r' the 差戻し
    const R = { ...S('r'), tags: ['returnedToApplicant' as const] };
    const FC: WorkflowDefinition = {
      ...VALID,
      states: [S('a', 'initial'), { ...S('b'), tags: ['awaitsFormalCheck'] }, { ...S('c'), tags: ['inFormalCheck'] }, R, S('end', 'terminal')],
      transitions: [
        T('go', ['a'], 'b'),
        T('start', ['b'], 'c', { roles: ['reviewer'] }),
        T('pass', ['c'], 'end', { roles: ['reviewer'], guards: ['formalCheckPassed'] }),
        T('return', ['c'], 'r', { roles: ['reviewer'] }),
        T('again', ['r'], 'b'),
      ],
      formalCheck: { start: 'start', pass: 'pass', return: 'return' },
    };
    const fc = (formalCheck: WorkflowDefinition['formalCheck']) => codes({ ...FC, formalCheck });

    it('accepts transitions that fit the tags', () => {
      expect(validateDefinition(FC)).toEqual([]);
    });

    it.each<[string, WorkflowDefinition['formalCheck'], ValidationErrorCode[]]>([
      ['none declared while states are tagged for it', undefined, ['FORMAL_CHECK_UNDECLARED']],
      ['an unknown transition', { start: 'start', pass: 'pass', return: 'nope' }, ['FORMAL_CHECK_MISMATCH']],
      // not a reviewer's, not from 'b', not into 'c'
      ['a start that does not enter the check', { start: 'go', pass: 'pass', return: 'return' }, Array(3).fill('FORMAL_CHECK_MISMATCH')],
      ['a return that does not go back to the applicant', { start: 'start', pass: 'pass', return: 'pass' }, ['FORMAL_CHECK_MISMATCH']],
      ['no start: the outcomes must leave the awaiting state', { pass: 'pass', return: 'return' }, ['FORMAL_CHECK_MISMATCH', 'FORMAL_CHECK_MISMATCH']],
    ])('refuses %s', (_name, formalCheck, expected) => {
      expect(fc(formalCheck)).toEqual(expected);
    });

    const unguarded = FC.transitions.map((t) => (t.name === 'pass' ? { ...t, guards: [] } : t));

    it('refuses no pass, and nothing reads the recorded pass', () => {
      expect(codes({ ...FC, transitions: unguarded, formalCheck: { start: 'start', return: 'return' } })).toEqual(['FORMAL_CHECK_MISMATCH']);
    });

    it('refuses a pass transition that does not read the recorded pass: fired bare, it skipped the checklist', () => {
      expect(validateDefinition({ ...FC, transitions: unguarded })).toEqual([
        expect.objectContaining({ code: 'FORMAL_CHECK_MISMATCH', transition: 'pass', message: expect.stringContaining('formalCheckPassed') }),
      ]);
    });

    it('a pass recorded for a later formalCheckPassed transition needs no pass transition', () => {
      const transitions = FC.transitions.map((t) => (t.name === 'pass' ? { ...t, roles: ['manager' as const], guards: ['formalCheckPassed'] } : t));
      expect(codes({ ...FC, transitions, formalCheck: { start: 'start', return: 'return' } })).toEqual([]);
    });

    it('a state whose 補正期限 the scheduler watches can be closed by it', () => {
      const watched = { ...FC, states: FC.states.map((s) => (s.code === 'r' ? { ...s, tags: [...s.tags!, 'correctionDeadlineWatched' as const] } : s)) };
      expect(codes(watched)).toEqual(['CORRECTION_NOT_CLOSABLE']);
      expect(codes({ ...watched, transitions: [...watched.transitions, T('closeUncorrected', ['r'], 'end')] })).toEqual([]);
    });
  });

  describe('payment (awaitsPayment and the paidByBatch transition leaving it)', () => {
    const due = { ...VALID, states: VALID.states.map((st) => (st.code === 'b' ? { ...st, tags: ['awaitsPayment' as const] } : st)) };
    const guarded = (d: WorkflowDefinition, name: string, extra: Partial<TransitionDefinition> = {}): WorkflowDefinition => ({
      ...d,
      transitions: d.transitions.map((t) => (t.name === name ? { ...t, guards: ['paidByBatch'], ...extra } : t)),
    });
    it.each([
      ['a state due to be paid needs a transition guarded paidByBatch leaving it', due, ['PAYMENT_MISMATCH']],
      [
        '… only one',
        { ...guarded(due, 'finish'), transitions: [...guarded(due, 'finish').transitions, T('payAgain', ['b'], 'end', { guards: ['paidByBatch'] })] },
        ['PAYMENT_MISMATCH'],
      ],
      ['… that a manager may fire', guarded(due, 'finish', { roles: ['system'] }), ['PAYMENT_MISMATCH']],
      ['a paidByBatch transition leaves only states due to be paid', guarded(due, 'go'), ['PAYMENT_MISMATCH', 'PAYMENT_MISMATCH']],
      [
        'a state awaiting an advance payment awaits payment',
        { ...guarded(due, 'finish'), states: due.states.map((st) => (st.code === 'a' ? { ...st, tags: ['awaitsAdvancePayment' as const] } : st)) },
        ['PAYMENT_MISMATCH'],
      ],
      ['sound', guarded(due, 'finish'), []],
    ])('%s', (_rule, definition, expected) => {
      expect(codes(definition as WorkflowDefinition)).toEqual(expected);
    });
  });

  it('reports only the problem that was introduced', () => {
    expect(codes(plus(T('revive', ['end'], 'a')))).toEqual(['TERMINAL_STATE_HAS_EXIT']);
    expect(codes(withStates([...VALID.states, S('island', 'terminal')]))).toEqual(['UNREACHABLE_STATE']);
    expect(codes(withTransitions([T('go', ['a'], 'b'), T('stop', ['a'], 'end')]))).toEqual(['DEAD_END_STATE']);
  });

  it('reports every problem at once', () => {
    const broken = withTransitions([T('go', ['a'], 'b'), T('go', ['a'], 'nowhere', { guards: ['moonIsFull'], roles: ['auditor'] })]);
    expect(codes(broken).sort()).toEqual(
      ['AUDITOR_CANNOT_ACT', 'DEAD_END_STATE', 'DUPLICATE_TRANSITION', 'NO_PATH_TO_TERMINAL', 'UNKNOWN_GUARD', 'UNKNOWN_STATE', 'UNREACHABLE_STATE'].sort(),
    );
  });
});

describe('loadDefinition', () => {
  it('returns a valid definition, frozen all the way down', () => {
    const loaded = loadDefinition(structuredClone(VALID));
    expect(loaded).toEqual(VALID);
    expect(Object.isFrozen(loaded.transitions[0]!.from)).toBe(true);
    expect(() => (loaded.states as StateDefinition[]).push(S('z'))).toThrow(/not extensible/);
  });

  it('throws with every error, naming the definition', () => {
    const broken = withTransitions([T('go', ['a'], 'b'), T('go', ['b'], 'nowhere')]);
    let thrown: unknown;
    try {
      loadDefinition(broken);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WorkflowDefinitionError);
    const error = thrown as WorkflowDefinitionError;
    expect(error.definitionKey).toBe('mini@1');
    expect(error.errors.map((e) => e.code)).toEqual(validateDefinition(broken).map((e) => e.code));
    expect(error.message).toContain('mini@1');
    expect(error.message).toContain('[DUPLICATE_TRANSITION]');
    expect(error.message).toContain('[UNKNOWN_STATE]');
  });
});
