// The vocabulary of a workflow definition. A definition is plain, readable data (a table of states
// and transitions); the engine in decide.ts interprets it and validate.ts checks it on load.
// Nothing here knows about persistence, HTTP or queues: the API applies a decision's effects.

/** Who acts. `auditor` reads everything and may never fire a transition (enforced by the engine and the validator). */
export const ROLES = ['admin', 'manager', 'reviewer', 'auditor', 'applicant', 'intake', 'system'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Japanese names of the roles, for refusal messages: the staff roles as the product names them everywhere (the
 * admin's 役割, the 職員 list), so a refusal names the role the person sees on their own badge.
 */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: '管理者',
  manager: '事務局マネージャー',
  reviewer: '審査員',
  auditor: '監査担当',
  applicant: '申請者',
  intake: '受付担当',
  system: 'システム',
};

export type StateKind = 'initial' | 'active' | 'terminal';

/**
 * What the rest of the product asks about a state, declared on the state itself so that no code
 * outside the definitions names a state code. The API binds the codes carrying a tag as SQL
 * parameters (statesTagged), the admin reads them from GET /api/workflows.
 */
export const STATE_TAGS = [
  /** Counts against the round × 類型's 採択 slots (adopted and everything after it). */
  'holdsSlot',
  /**
   * Filed and waiting for its 要件確認 (a checker may be assigned, the checklist is open). Where the
   * definition's `formalCheck.start` exists, the first save fires it; otherwise the whole check runs
   * in this state (IT導入's 交付申請, a 給付金's 申請).
   */
  'awaitsFormalCheck',
  /** The 要件確認 is in progress (entered by `formalCheck.start`). */
  'inFormalCheck',
  /** In 書面審査: score sheets may be filled in. */
  'openForScoring',
  /** 書面審査 complete: ranked by the simulator and waiting for 採択/不採択/補欠. */
  'awaitsDecision',
  /** Sent back to the applicant for correction (差戻し, 不備): the 補正期限 runs. */
  'returnedToApplicant',
  /**
   * The scheduler watches this state's 補正期限: it reminds the applicant (correctionReminder) before
   * it and fires `closeUncorrected` once it has passed (apps/api/src/modules/schedules). A subset of
   * returnedToApplicant; such a state must have a `closeUncorrected` exit (validate.ts).
   */
  'correctionDeadlineWatched',
  /**
   * Due to be paid: its amount is decided (確定額, 給付額, a 概算払's amount) and it may go into a payment batch
   * (apps/api/src/modules/payment-batches, docs/payments.md); confirming the batch fires the state's payment
   * transition: the one transition leaving it guarded by paidByBatch (paymentTransitionFrom; validate.ts).
   */
  'awaitsPayment',
  /**
   * A 概算払 awaiting payment (docs/post-award.md "概算払"): the batch pays the amount requested, not the 確定額.
   * A subset of awaitsPayment (validate.ts).
   */
  'awaitsAdvancePayment',
  /**
   * The project is over though the application is not closed (交付決定取消, awaiting its 返還): its unfiled
   * 事業化状況報告 are no longer due. A terminal state ends them too (statesEndingReporting).
   */
  'endsReporting',
] as const;
export type StateTag = (typeof STATE_TAGS)[number];

/** How a state is shown (the admin's chip colour): where the application stands, at a glance. */
export const STATE_TONES = ['neutral', 'progress', 'attention', 'positive', 'negative', 'postAward'] as const;
export type StateTone = (typeof STATE_TONES)[number];

export interface StateDefinition {
  /** Stored in `application.status`; camelCase English from the glossary. */
  readonly code: string;
  /** Japanese, shown in the UI and in messages. */
  readonly label: string;
  readonly kind: StateKind;
  readonly tone: StateTone;
  readonly tags?: readonly StateTag[];
  /**
   * What the applicant's status page (apps/api/src/modules/status-links, README "Status page") says of this
   * state, in plain words: what it means and what happens next, and whether the amount shown is decided
   * (交付決定額, 給付額 …) or still the quote. Absent: the page says only the label and that the secretariat is
   * handling the application.
   */
  readonly applicant?: ApplicantStateText;
}

/** The applicant's reading of a state (the status page). */
export interface ApplicantStateText {
  /** what the state means for the applicant, one or two sentences */
  readonly meaning: string;
  /** what happens next, and whether the applicant has anything to do */
  readonly next: string;
  /** `next` when the 概算払 already paid the whole 確定額 (nothing more is transferred: paidInFullInAdvance) */
  readonly nextWhenPaidInAdvance?: string;
  /**
   * the amount is decided in this state (shown as 決定額); `repayment`: what is claimed back, with its 納期限 (a 返還);
   * otherwise it is shown as the estimate (見込み), or not at all when `amount` is 'none'
   */
  readonly amount?: 'estimate' | 'decided' | 'repayment' | 'none';
}

/**
 * Declarative side effects. The engine never performs them; it returns them in the decision and the
 * API carries them out in the same transaction as the state change (stamps, outbox rows).
 */
export type Effect =
  /** Queue a message to the applicant rendered from `template` (a notification template key). */
  | { readonly type: 'notifyApplicant'; readonly template: string }
  /** Set `application[field] = now` (e.g. submittedAt, decidedAt). */
  | { readonly type: 'stamp'; readonly field: string }
  /** The event must carry a non-blank `reason` (kept in the audit log and shown to the applicant). */
  | { readonly type: 'requireReason' }
  /** Decision notices are not sent before the round's 採択発表 (announcementAt). */
  | { readonly type: 'holdNotificationsUntilAnnouncement' };

export type EffectType = Effect['type'];
export const EFFECT_TYPES: readonly EffectType[] = ['notifyApplicant', 'stamp', 'requireReason', 'holdNotificationsUntilAnnouncement'];

export interface TransitionDefinition<G extends string = string> {
  /** The event name the API sends, e.g. 'submit'. Unique within a definition. */
  readonly name: string;
  /** Japanese, the button text. */
  readonly label: string;
  readonly from: readonly string[];
  readonly to: string;
  readonly roles: readonly Role[];
  /** Named pure predicates from the guard registry (guards.ts), all of which must pass. */
  readonly guards?: readonly G[];
  /**
   * Guards a person may override by giving a reason: when one fails, the transition is refused
   * unless the event carries a non-blank reason, which the API audits with the failures it overrode
   * (`Accepted.overridden`). E.g. a single 採択 before the 応募締切 or beyond the 類型's 予算.
   */
  readonly overridableGuards?: readonly G[];
  readonly effects?: readonly Effect[];
}

/**
 * What the 要件確認 checklist (apps/api/src/modules/formal-check) fires, by name, in this definition.
 * The checklist is open in the states tagged awaitsFormalCheck or inFormalCheck; completing it with
 * an outcome fires that outcome's transition in the same transaction as the answers.
 */
export interface FormalCheckTransitions {
  /**
   * awaitsFormalCheck → inFormalCheck, fired by the first save or completion. Absent: the check runs
   * inside the awaitsFormalCheck state, without a state of its own.
   */
  readonly start?: string;
  /**
   * 適 (every item passed). Absent: the pass is only recorded (application.formal_check), and a later
   * transition guarded by formalCheckPassed reads it (IT導入's decideGrant by the manager).
   */
  readonly pass?: string;
  /** 差戻し / 不備: back to the applicant with the 不適 items as the reason (a returnedToApplicant state). */
  readonly return: string;
  /** 要件不適合. Absent: the checklist offers no such outcome (the manager refuses by the flow's own decision). */
  readonly ineligible?: string;
}

/**
 * A flow's own words for its amounts, where they are not the 補助金's (補助金額（見込み）, 採択額): the admin shows the
 * amounts under these (docs/post-award.md "IT導入補助金").
 */
export interface AmountTerms {
  /** the amount quoted when the application is filed (補助金: 補助金額（見込み）) */
  readonly quote: string;
  /** the amount of the 採択; null: the flow has no 採択 step (IT導入: its 交付決定 is the decision, under 交付決定額; 給付金: its 給付決定) */
  readonly adopted: string | null;
}

export interface WorkflowDefinition<G extends string = string> {
  /** e.g. 'subsidy'. A round is bound to one `code@version`; applications keep the version they started on. */
  readonly code: string;
  readonly version: number;
  /** Japanese name of the flow. */
  readonly label: string;
  readonly states: readonly StateDefinition[];
  readonly transitions: readonly TransitionDefinition<G>[];
  /** The 要件確認's transitions; required when a state is tagged awaitsFormalCheck or inFormalCheck. */
  readonly formalCheck?: FormalCheckTransitions;
  /** Absent: the 補助金's words. */
  readonly amountTerms?: AmountTerms;
}

/** `subsidy@1`: the key of the WORKFLOWS registry and the value a round stores. */
export function workflowKey(code: string, version: number): string {
  return `${code}@${version}`;
}

export function findState(definition: WorkflowDefinition, code: string): StateDefinition | undefined {
  return definition.states.find((s) => s.code === code);
}

export function findTransition<G extends string>(definition: WorkflowDefinition<G>, name: string): TransitionDefinition<G> | undefined {
  return definition.transitions.find((t) => t.name === name);
}

/**
 * The transition a confirmed payment batch fires for an application in `state` (支払, 振込完了, 概算払): the one
 * leaving it guarded by paidByBatch (a state tagged awaitsPayment has exactly one: validate.ts).
 */
export function paymentTransitionFrom<G extends string>(definition: WorkflowDefinition<G>, state: string): TransitionDefinition<G> | undefined {
  return definition.transitions.find((t) => t.from.includes(state) && (t.guards as readonly string[] | undefined)?.includes('paidByBatch'));
}

export function initialState(definition: WorkflowDefinition): StateDefinition {
  const initial = definition.states.find((s) => s.kind === 'initial');
  if (!initial) throw new Error(`workflow ${workflowKey(definition.code, definition.version)} has no initial state`);
  return initial;
}

/** Whether `code` is a state of `definition` that carries `tag`. */
export function stateHasTag(definition: WorkflowDefinition, code: string, tag: StateTag): boolean {
  return findState(definition, code)?.tags?.includes(tag) ?? false;
}

/**
 * Whether a transition from `from` to `to` (re)opens the 要件確認: it enters a state awaiting it (tag awaitsFormalCheck)
 * from one where it was neither awaited nor in progress — a submission, or the 再提出 after a 差戻し / 不備. A check
 * completed before it judged what the applicant has since corrected: it no longer counts (formalCheckPassed), and the
 * application must be checked again (README "Lifecycle facts live in the workflow definitions").
 */
export function reopensFormalCheck(definition: WorkflowDefinition, from: string, to: string): boolean {
  const checking = (state: string) => stateHasTag(definition, state, 'awaitsFormalCheck') || stateHasTag(definition, state, 'inFormalCheck');
  return stateHasTag(definition, to, 'awaitsFormalCheck') && !checking(from);
}

/** The codes of `definition`'s states that carry `tag`, in definition order. */
export function stateCodesTagged(definition: WorkflowDefinition, tag: StateTag): string[] {
  return definition.states.filter((s) => s.tags?.includes(tag)).map((s) => s.code);
}

/**
 * `code@version:state`: a state of one definition. State codes repeat across definitions with other
 * meanings (subsidy's underReview is 書面審査; grantApplied awaits a 要件確認 only in IT導入), so SQL over
 * applications of several workflows compares this key (workflowStatesTagged) where a tag differs.
 */
export function workflowStateKey(code: string, version: number, state: string): string {
  return `${workflowKey(code, version)}:${state}`;
}

/** The codes of `definition`'s states of `kind`. */
export function stateCodesOfKind(definition: WorkflowDefinition, kind: StateKind): string[] {
  return definition.states.filter((s) => s.kind === kind).map((s) => s.code);
}

/** The template keys named by notify(...) effects anywhere in `definition`. */
export function notificationTemplates(definition: WorkflowDefinition): string[] {
  const keys = definition.transitions.flatMap((t) => (t.effects ?? []).flatMap((e) => (e.type === 'notifyApplicant' ? [e.template] : [])));
  return [...new Set(keys)];
}

export function requiresReason(transition: TransitionDefinition): boolean {
  return (transition.effects ?? []).some((e) => e.type === 'requireReason');
}
