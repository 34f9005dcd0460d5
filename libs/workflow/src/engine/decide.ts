// The engine: a pure function from (definition, application, event, actor, now, context) to a
// decision. It never mutates anything; the API applies `to`, `stamps` and `effects` in one
// transaction with the audit log and the outbox.
import { hasVisibleText } from '@jimukyoku/domain';
import type { Actor, ApplicationSnapshot, WorkflowContext, WorkflowEvent } from './context';
import {
  findState,
  findTransition,
  requiresReason,
  ROLE_LABELS,
  workflowKey,
  type Effect,
  type StateDefinition,
  type TransitionDefinition,
  type WorkflowDefinition,
} from './definition';
import { refusalWhileDecisionHeld } from './announcement';
import { runGuard, type GuardFailure } from './guards';

export type RefusalCode =
  | 'WORKFLOW_MISMATCH' // the application started on another definition/version
  | 'UNKNOWN_STATE' // the application's status is not a state of the definition
  | 'UNKNOWN_TRANSITION'
  | 'TERMINAL_STATE'
  | 'NOT_ALLOWED_FROM_STATE'
  | 'ROLE_NOT_ALLOWED'
  | 'GUARD_FAILED'
  | 'REASON_REQUIRED'
  | 'OVERRIDE_REASON_REQUIRED' // an overridable guard failed and no reason was given
  | 'NOT_YET_ANNOUNCED'; // the application's decision is not yet announced and the transition is not a decision held in its place

/** A notice to send because of the transition; `sendAfter` is set when it is held until the announcement. */
export interface PlannedNotification {
  readonly template: string;
  /** True when the transition holds notices until the round's 採択発表. */
  readonly heldUntilAnnouncement: boolean;
  /**
   * Earliest instant to send. Undefined: send now, or (when held and the round has no announcementAt
   * yet) keep it held until one is set.
   */
  readonly sendAfter?: Date;
}

export interface Accepted {
  readonly ok: true;
  readonly from: string;
  readonly to: string;
  /** Transition name, as in the event. */
  readonly transition: string;
  /** Japanese label of the transition, for the audit log. */
  readonly label: string;
  /** The declared effects, in order. */
  readonly effects: readonly Effect[];
  /** Fields to set to `now`, from the 'stamp' effects. */
  readonly stamps: Readonly<Record<string, Date>>;
  /** The notices to queue, derived from 'notifyApplicant' and 'holdNotificationsUntilAnnouncement'. */
  readonly notifications: readonly PlannedNotification[];
  /** The trimmed reason, when one was given. */
  readonly reason?: string;
  /** The overridable guards that failed and were overridden by the reason (for the audit record). */
  readonly overridden?: readonly (GuardFailure & { readonly guard: string })[];
}

export interface Refused {
  readonly ok: false;
  readonly code: RefusalCode;
  /** Japanese, shown to the person who tried. */
  readonly message: string;
  readonly transition?: string;
  /** For GUARD_FAILED: the first guard that failed, and all failures in definition order. */
  readonly guard?: string;
  readonly guardFailures?: readonly (GuardFailure & { readonly guard: string })[];
}

export type Decision = Accepted | Refused;

const refuse = (code: RefusalCode, message: string, extra: Partial<Refused> = {}): Refused => ({
  ok: false,
  code,
  message,
  ...extra,
});

/** Why `transition` cannot leave `state` (a terminal one, or one it does not start from), or null. */
function fromStateRefusal(state: StateDefinition, transition: TransitionDefinition): Refused | null {
  const named = { transition: transition.name };
  if (state.kind === 'terminal') return refuse('TERMINAL_STATE', `この申請は「${state.label}」で完了しており、これ以上の操作はできません。`, named);
  if (!transition.from.includes(state.code))
    return refuse('NOT_ALLOWED_FROM_STATE', `現在の状態「${state.label}」からは「${transition.label}」を実行できません。`, named);
  return null;
}

/**
 * Why the transition named `transitionName` cannot be taken from the state `status` of `definition`, as `decide`
 * would answer it (TERMINAL_STATE, NOT_ALLOWED_FROM_STATE), or null when it starts there; role, guards and a held
 * decision are not looked at. For a caller with checks of its own on the request (the amounts of a post-award
 * filing), so that a request the state refuses anyway is told so first, not told to mend what it carries.
 */
export function stateRefusal(definition: WorkflowDefinition, status: string, transitionName: string): Refused | null {
  const state = findState(definition, status);
  const transition = findTransition(definition, transitionName);
  return state && transition ? fromStateRefusal(state, transition) : null;
}

/**
 * Everything but the reason: the checks that decide whether the button is offered at all.
 * Order: definition/version, state known, transition known, a decision not yet announced (announcement.ts: before
 * the checks whose refusal names the state), terminal, from-state, role, guards.
 */
function check(
  definition: WorkflowDefinition,
  application: ApplicationSnapshot,
  transitionName: string,
  actor: Actor,
  now: Date,
  context: WorkflowContext,
): Refused | Checked {
  const key = workflowKey(definition.code, definition.version);
  const appCode = application.workflowCode ?? definition.code;
  if (appCode !== definition.code || application.workflowVersion !== definition.version) {
    return refuse(
      'WORKFLOW_MISMATCH',
      `この申請は手続定義「${workflowKey(appCode, application.workflowVersion)}」で開始されており、「${key}」では処理できません。`,
    );
  }
  const state = findState(definition, application.status);
  if (!state) {
    return refuse('UNKNOWN_STATE', `申請の状態「${application.status}」は手続定義「${key}」にありません。`);
  }
  const transition = findTransition(definition, transitionName);
  if (!transition) {
    return refuse('UNKNOWN_TRANSITION', `操作「${transitionName}」は手続「${definition.label}」にありません。`, {
      transition: transitionName,
    });
  }
  const named = { transition: transition.name };
  const unannounced = refusalWhileDecisionHeld(application, transition);
  if (unannounced) return refuse(unannounced.code, unannounced.message, named);
  const wrongState = fromStateRefusal(state, transition);
  if (wrongState) return wrongState;
  if (actor.role === 'auditor') {
    return refuse('ROLE_NOT_ALLOWED', '監査担当は閲覧のみで、申請の状態を変更できません。', named);
  }
  if (!transition.roles.includes(actor.role)) {
    const label = ROLE_LABELS[actor.role] ?? String(actor.role);
    return refuse('ROLE_NOT_ALLOWED', `「${transition.label}」を実行する権限がありません（役割：${label}）。`, named);
  }
  const guardContext = { ...context, now };
  const failures = (transition.guards ?? []).flatMap((guard) => {
    const result = runGuard(guard, application, guardContext);
    return result === true ? [] : [{ guard, ...result }];
  });
  if (failures.length > 0) {
    const first = failures[0]!;
    return refuse('GUARD_FAILED', first.message, { ...named, guard: first.guard, guardFailures: failures });
  }
  const overridable = (transition.overridableGuards ?? []).flatMap((guard) => {
    const result = runGuard(guard, application, guardContext);
    return result === true ? [] : [{ guard, ...result }];
  });
  return { transition, overridable };
}

/** A transition that passed every check but the reason, with the overridable guards that failed. */
interface Checked {
  readonly transition: TransitionDefinition;
  readonly overridable: readonly (GuardFailure & { readonly guard: string })[];
}

function planNotifications(effects: readonly Effect[], context: WorkflowContext, now: Date): PlannedNotification[] {
  const held = effects.some((e) => e.type === 'holdNotificationsUntilAnnouncement');
  const announcementAt = context.round?.announcementAt ?? undefined;
  return effects.flatMap((e): PlannedNotification[] => {
    if (e.type !== 'notifyApplicant') return [];
    if (!held) return [{ template: e.template, heldUntilAnnouncement: false }];
    const pending = announcementAt !== undefined && announcementAt.getTime() > now.getTime();
    return [{ template: e.template, heldUntilAnnouncement: true, ...(pending ? { sendAfter: announcementAt } : {}) }];
  });
}

/** Decides whether `actor` may fire `event.transition` on `application` at `now`, and what follows. */
export function decide(
  definition: WorkflowDefinition,
  application: ApplicationSnapshot,
  event: WorkflowEvent,
  actor: Actor,
  now: Date,
  context: WorkflowContext = {},
): Decision {
  const checked = check(definition, application, event.transition, actor, now, context);
  if ('ok' in checked) return checked;
  const { transition, overridable } = checked;
  // a reason of white space or invisible characters alone (an ideographic space (U+3000), a zero-width space) is no reason
  const reason = hasVisibleText(event.reason) ? event.reason!.trim() : '';
  if (overridable.length > 0 && reason === '') {
    const first = overridable[0]!;
    return refuse('OVERRIDE_REASON_REQUIRED', `${overridable.map((f) => f.message).join('')}実行するには、責任者の判断として理由を入力してください。`, {
      transition: transition.name,
      guard: first.guard,
      guardFailures: overridable,
    });
  }
  if (requiresReason(transition) && reason === '') {
    return refuse('REASON_REQUIRED', `「${transition.label}」には理由の入力が必要です。`, { transition: transition.name });
  }
  const effects = transition.effects ?? [];
  const stamps: Record<string, Date> = {};
  for (const e of effects) if (e.type === 'stamp') stamps[e.field] = now;
  return {
    ok: true,
    from: application.status,
    to: transition.to,
    transition: transition.name,
    label: transition.label,
    effects,
    stamps,
    notifications: planNotifications(effects, context, now),
    ...(reason !== '' ? { reason } : {}),
    ...(overridable.length > 0 ? { overridden: overridable } : {}),
  };
}

/** One transition leaving the current state, and whether this actor may fire it now (and if not, why). */
export interface TransitionOption {
  readonly transition: TransitionDefinition;
  readonly allowed: boolean;
  /** the transition requires one, or an overridable guard failed (see `overridable`) */
  readonly requiresReason: boolean;
  readonly refusal?: Refused;
  /** overridable guards that fail now: allowed only with a reason (the UI says why before asking) */
  readonly overridable?: readonly (GuardFailure & { readonly guard: string })[];
}

/**
 * Every transition leaving the application's current state, with the verdict for this actor: lets
 * the UI grey out a button and say why. Reason is not checked (the UI asks for it on click).
 */
export function explainTransitions(
  definition: WorkflowDefinition,
  application: ApplicationSnapshot,
  actor: Actor,
  now: Date,
  context: WorkflowContext = {},
): TransitionOption[] {
  return definition.transitions
    .filter((t) => t.from.includes(application.status))
    .map((t) => {
      const checked = check(definition, application, t.name, actor, now, context);
      if ('ok' in checked) return { transition: t, requiresReason: requiresReason(t), allowed: false, refusal: checked };
      const { overridable } = checked;
      return overridable.length > 0
        ? { transition: t, requiresReason: true, allowed: true, overridable }
        : { transition: t, requiresReason: requiresReason(t), allowed: true };
    });
}

/** The transitions this actor may fire now, in definition order (the UI's buttons). */
export function availableTransitions(
  definition: WorkflowDefinition,
  application: ApplicationSnapshot,
  actor: Actor,
  now: Date,
  context: WorkflowContext = {},
): TransitionDefinition[] {
  return explainTransitions(definition, application, actor, now, context)
    .filter((o) => o.allowed)
    .map((o) => o.transition);
}
