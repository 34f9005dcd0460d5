// Checks a definition when it is loaded, so a broken table fails at boot (and in tests), never in
// the middle of a secretariat's day. validateDefinition() lists every problem; loadDefinition()
// throws with all of them, or returns the definition deep-frozen.
import { EFFECT_TYPES, ROLES, STATE_TAGS, STATE_TONES, workflowKey, type StateTag, type WorkflowDefinition } from './definition';
import { isGuardName } from './guards';

export type ValidationErrorCode =
  | 'INVALID_HEADER' // code, version (positive integer) or label missing
  | 'DUPLICATE_STATE'
  | 'NO_INITIAL_STATE'
  | 'MULTIPLE_INITIAL_STATES'
  | 'INVALID_STATE_KIND'
  | 'INVALID_STATE_TONE' // a state without a known display tone
  | 'UNKNOWN_STATE_TAG'
  | 'MISSING_LABEL' // a state or transition without a Japanese label
  | 'UNKNOWN_STATE' // a transition's from/to names no state
  | 'EMPTY_FROM'
  | 'DUPLICATE_TRANSITION' // the same name twice
  | 'DUPLICATE_FROM' // the same state twice in one transition's from
  | 'NO_ROLES'
  | 'UNKNOWN_ROLE'
  | 'AUDITOR_CANNOT_ACT'
  | 'UNKNOWN_GUARD'
  | 'INVALID_EFFECT'
  | 'UNREACHABLE_STATE' // not reachable from the initial state
  | 'TERMINAL_STATE_HAS_EXIT'
  | 'DEAD_END_STATE' // non-terminal state with no transition out
  | 'NO_PATH_TO_TERMINAL' // non-terminal state from which no terminal state can be reached
  | 'FORMAL_CHECK_UNDECLARED' // a state is tagged for the 要件確認 but the definition names no formalCheck transitions
  | 'FORMAL_CHECK_MISMATCH' // a formalCheck transition is unknown, not a reviewer's, or does not leave the states the checklist is open in
  | 'CORRECTION_NOT_CLOSABLE' // a correctionDeadlineWatched state without a closeUncorrected exit (the scheduler fires it)
  | 'PAYMENT_MISMATCH'; // an awaitsPayment state without exactly one paidByBatch transition a manager may fire, or such a transition leaving another state

export interface ValidationError {
  readonly code: ValidationErrorCode;
  readonly message: string;
  readonly state?: string;
  readonly transition?: string;
}

/** Hiragana, katakana or kanji: labels are shown to Japanese staff and applicants. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

export function validateDefinition(definition: WorkflowDefinition): ValidationError[] {
  const errors: ValidationError[] = [];
  const add = (code: ValidationErrorCode, message: string, at: { state?: string; transition?: string } = {}) => errors.push({ code, message, ...at });

  if (!definition.code) add('INVALID_HEADER', 'definition has no code');
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    add('INVALID_HEADER', `version must be a positive integer, got ${String(definition.version)}`);
  }
  if (!definition.label || !JAPANESE.test(definition.label)) add('MISSING_LABEL', 'definition has no Japanese label');

  // States
  const states = new Map<string, (typeof definition.states)[number]>();
  for (const s of definition.states) {
    if (states.has(s.code)) add('DUPLICATE_STATE', `state "${s.code}" is defined more than once`, { state: s.code });
    else states.set(s.code, s);
    if (!['initial', 'active', 'terminal'].includes(s.kind)) {
      add('INVALID_STATE_KIND', `state "${s.code}" has unknown kind "${String(s.kind)}"`, { state: s.code });
    }
    if (!s.label || !JAPANESE.test(s.label)) add('MISSING_LABEL', `state "${s.code}" has no Japanese label`, { state: s.code });
    if (!(STATE_TONES as readonly string[]).includes(s.tone)) {
      add('INVALID_STATE_TONE', `state "${s.code}" has unknown tone "${String(s.tone)}"`, { state: s.code });
    }
    for (const tag of s.tags ?? []) {
      if (!(STATE_TAGS as readonly string[]).includes(tag)) add('UNKNOWN_STATE_TAG', `state "${s.code}" has unknown tag "${String(tag)}"`, { state: s.code });
    }
  }
  const initials = definition.states.filter((s) => s.kind === 'initial');
  if (initials.length === 0) add('NO_INITIAL_STATE', 'exactly one initial state is required, found none');
  if (initials.length > 1) {
    add('MULTIPLE_INITIAL_STATES', `exactly one initial state is required, found ${initials.map((s) => s.code).join(', ')}`);
  }

  // Transitions
  const names = new Set<string>();
  for (const t of definition.transitions) {
    const at = { transition: t.name };
    if (names.has(t.name)) add('DUPLICATE_TRANSITION', `transition "${t.name}" is defined more than once`, at);
    names.add(t.name);
    if (!t.label || !JAPANESE.test(t.label)) add('MISSING_LABEL', `transition "${t.name}" has no Japanese label`, at);
    if (t.from.length === 0) add('EMPTY_FROM', `transition "${t.name}" has no source state`, at);
    const seen = new Set<string>();
    for (const from of t.from) {
      if (seen.has(from)) add('DUPLICATE_FROM', `transition "${t.name}" lists "${from}" twice in from`, at);
      seen.add(from);
      const state = states.get(from);
      if (!state) add('UNKNOWN_STATE', `transition "${t.name}" starts from unknown state "${from}"`, at);
      else if (state.kind === 'terminal') {
        add('TERMINAL_STATE_HAS_EXIT', `terminal state "${from}" has an exit "${t.name}"`, { ...at, state: from });
      }
    }
    if (!states.has(t.to)) add('UNKNOWN_STATE', `transition "${t.name}" goes to unknown state "${t.to}"`, at);
    if (t.roles.length === 0) add('NO_ROLES', `transition "${t.name}" names no role that may fire it`, at);
    for (const role of t.roles) {
      if (role === 'auditor') add('AUDITOR_CANNOT_ACT', `transition "${t.name}" lists auditor, who may never act`, at);
      else if (!(ROLES as readonly string[]).includes(role)) add('UNKNOWN_ROLE', `transition "${t.name}" names unknown role "${role}"`, at);
    }
    for (const guard of [...(t.guards ?? []), ...(t.overridableGuards ?? [])]) {
      if (!isGuardName(guard)) add('UNKNOWN_GUARD', `transition "${t.name}" uses unknown guard "${guard}"`, at);
    }
    for (const effect of t.effects ?? []) {
      const problem = effectProblem(effect);
      if (problem) add('INVALID_EFFECT', `transition "${t.name}": ${problem}`, at);
    }
  }

  // Graph: reachability from the initial state, exits, and a way to finish from everywhere.
  const initial = initials[0];
  const reachable = new Set<string>();
  if (initial) {
    const queue = [initial.code];
    reachable.add(initial.code);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const t of definition.transitions) {
        if (t.from.includes(current) && states.has(t.to) && !reachable.has(t.to)) {
          reachable.add(t.to);
          queue.push(t.to);
        }
      }
    }
    for (const s of states.values()) {
      if (!reachable.has(s.code)) add('UNREACHABLE_STATE', `state "${s.code}" cannot be reached from "${initial.code}"`, { state: s.code });
    }
  }
  const canFinish = new Set([...states.values()].filter((s) => s.kind === 'terminal').map((s) => s.code));
  for (let grew = true; grew;) {
    grew = false;
    for (const t of definition.transitions) {
      if (!canFinish.has(t.to)) continue;
      for (const from of t.from) {
        if (states.has(from) && !canFinish.has(from)) {
          canFinish.add(from);
          grew = true;
        }
      }
    }
  }
  for (const s of states.values()) {
    if (s.kind === 'terminal') continue;
    const exits = definition.transitions.some((t) => t.from.includes(s.code));
    if (!exits) add('DEAD_END_STATE', `non-terminal state "${s.code}" has no exit`, { state: s.code });
    else if (!canFinish.has(s.code)) add('NO_PATH_TO_TERMINAL', `no terminal state can be reached from "${s.code}"`, { state: s.code });
  }
  formalCheckProblems(definition, add);
  for (const s of definition.states) {
    if (!s.tags?.includes('correctionDeadlineWatched')) continue;
    if (!definition.transitions.some((t) => t.name === 'closeUncorrected' && t.from.includes(s.code))) {
      add('CORRECTION_NOT_CLOSABLE', `state "${s.code}" is correctionDeadlineWatched but has no closeUncorrected exit`, { state: s.code });
    }
  }
  // a payment is recorded by a confirmed payment batch (docs/payments.md): each state due to be paid has one
  // transition guarded paidByBatch that a manager may fire, and such a transition leaves only states due to be paid
  const paying = new Set(definition.states.filter((s) => s.tags?.includes('awaitsPayment')).map((s) => s.code));
  const byBatch = definition.transitions.filter((t) => t.guards?.includes('paidByBatch'));
  for (const state of paying) {
    const exits = byBatch.filter((t) => t.from.includes(state));
    if (exits.length !== 1)
      add('PAYMENT_MISMATCH', `state "${state}" awaits payment but has ${exits.length} transitions guarded paidByBatch (exactly one)`, { state });
    else if (!exits[0]!.roles.includes('manager'))
      add('PAYMENT_MISMATCH', `payment transition "${exits[0]!.name}" cannot be fired by a manager`, { transition: exits[0]!.name, state });
  }
  for (const s of definition.states)
    if (s.tags?.includes('awaitsAdvancePayment') && !paying.has(s.code))
      add('PAYMENT_MISMATCH', `state "${s.code}" awaits an advance payment but is not tagged awaitsPayment`, { state: s.code });
  for (const t of byBatch)
    for (const state of t.from.filter((f) => !paying.has(f)))
      add('PAYMENT_MISMATCH', `"${t.name}" is guarded paidByBatch but leaves "${state}", which does not await payment`, { transition: t.name, state });
  return errors;
}

/**
 * The 要件確認 declared in the definition must fit its tags: `start` leaves every awaitsFormalCheck
 * state for an inFormalCheck one; each outcome leaves every state the checklist is completed in (the
 * inFormalCheck states when there is a start, else the awaitsFormalCheck ones), and a reviewer may
 * fire it; `return` goes back to the applicant; `pass` reads the recorded pass (formalCheckPassed), so it
 * cannot be fired as a bare transition before the checklist passed; without `pass` a transition from each
 * of those states must read it.
 */
function formalCheckProblems(
  definition: WorkflowDefinition,
  add: (code: ValidationErrorCode, message: string, at?: { state?: string; transition?: string }) => void,
) {
  const tagged = (tag: StateTag) => definition.states.filter((s) => s.tags?.includes(tag)).map((s) => s.code);
  const awaiting = tagged('awaitsFormalCheck');
  const checking = tagged('inFormalCheck');
  const fc = definition.formalCheck;
  if (!fc) {
    if (awaiting.length + checking.length > 0) add('FORMAL_CHECK_UNDECLARED', 'states are tagged for the 要件確認 but formalCheck names no transitions');
    return;
  }
  if (awaiting.length === 0) add('FORMAL_CHECK_MISMATCH', 'formalCheck is declared but no state is tagged awaitsFormalCheck');
  const transition = (name: string) => definition.transitions.find((t) => t.name === name);
  const completedIn = fc.start ? checking : awaiting;
  const leaves = (role: string, name: string | undefined, from: string[], to?: (state: string) => boolean) => {
    if (name === undefined) return;
    const t = transition(name);
    if (!t) return add('FORMAL_CHECK_MISMATCH', `formalCheck.${role} names unknown transition "${name}"`, { transition: name });
    if (!t.roles.includes('reviewer')) add('FORMAL_CHECK_MISMATCH', `formalCheck.${role} "${name}" cannot be fired by a reviewer`, { transition: name });
    for (const state of from) {
      if (!t.from.includes(state)) add('FORMAL_CHECK_MISMATCH', `formalCheck.${role} "${name}" does not leave "${state}"`, { transition: name, state });
    }
    if (to && !to(t.to)) add('FORMAL_CHECK_MISMATCH', `formalCheck.${role} "${name}" goes to "${t.to}", which does not fit`, { transition: name });
  };
  if (fc.start && checking.length === 0) add('FORMAL_CHECK_MISMATCH', 'formalCheck.start is declared but no state is tagged inFormalCheck');
  leaves('start', fc.start, awaiting, (to) => checking.includes(to));
  leaves('pass', fc.pass, completedIn);
  leaves('return', fc.return, completedIn, (to) => tagged('returnedToApplicant').includes(to));
  leaves('ineligible', fc.ineligible, completedIn);
  const pass = fc.pass === undefined ? undefined : transition(fc.pass);
  if (pass && !(pass.guards ?? []).includes('formalCheckPassed')) {
    add('FORMAL_CHECK_MISMATCH', `formalCheck.pass "${pass.name}" does not read the recorded pass (formalCheckPassed)`, { transition: pass.name });
  }
  if (!fc.pass) {
    for (const state of completedIn) {
      if (!definition.transitions.some((t) => t.from.includes(state) && (t.guards ?? []).includes('formalCheckPassed'))) {
        add('FORMAL_CHECK_MISMATCH', `formalCheck has no pass transition and nothing leaving "${state}" reads the recorded pass (formalCheckPassed)`, {
          state,
        });
      }
    }
  }
}

function effectProblem(effect: { type: string; template?: unknown; field?: unknown }): string | undefined {
  if (!(EFFECT_TYPES as readonly string[]).includes(effect.type)) return `unknown effect type "${effect.type}"`;
  if (effect.type === 'notifyApplicant' && (typeof effect.template !== 'string' || effect.template === '')) {
    return 'notifyApplicant needs a template';
  }
  if (effect.type === 'stamp' && (typeof effect.field !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(effect.field))) {
    return 'stamp needs a camelCase field name';
  }
  return undefined;
}

export class WorkflowDefinitionError extends Error {
  constructor(
    readonly definitionKey: string,
    readonly errors: readonly ValidationError[],
  ) {
    super(`workflow definition ${definitionKey} is invalid:\n${errors.map((e) => `  - [${e.code}] ${e.message}`).join('\n')}`);
    this.name = 'WorkflowDefinitionError';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Validates and freezes a definition; throws WorkflowDefinitionError listing every problem. */
export function loadDefinition<D extends WorkflowDefinition>(definition: D): D {
  const errors = validateDefinition(definition);
  if (errors.length > 0) throw new WorkflowDefinitionError(workflowKey(definition.code, definition.version), errors);
  return deepFreeze(definition);
}
