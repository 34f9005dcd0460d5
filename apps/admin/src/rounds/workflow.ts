/** GET /api/rounds/:id/workflow: the workflow definition the round's applications follow, and its Mermaid text. */
export interface WorkflowState {
  code: string;
  label: string;
  kind: 'initial' | 'active' | 'terminal' | string;
  /** libs/workflow's state tags (openForScoring, holdsSlot …) */
  tags?: string[];
}

export interface WorkflowTransition {
  name: string;
  label: string;
  from: string[];
  to: string;
  roles: string[];
  guards?: string[];
  /** what firing it does besides the move (libs/workflow Effect), e.g. `holdNotificationsUntilAnnouncement` */
  effects?: { type: string }[];
}

/** A flow's own words for its amounts (libs/workflow AmountTerms); absent: the 補助金's. */
export interface AmountTerms {
  quote: string;
  /** null: no 採択 step (IT導入: its 交付決定 is the decision; 給付金: its 給付決定) */
  adopted: string | null;
}

export interface RoundWorkflow {
  roundId?: string;
  definition: {
    code?: string;
    version?: number;
    label?: string;
    states: WorkflowState[];
    transitions: WorkflowTransition[];
    amountTerms?: AmountTerms;
  };
  mermaid: string;
}

/** code → 日本語ラベル of a definition's states (falls back to the code). */
export function stateLabels(workflow: RoundWorkflow | undefined): (code: string | null | undefined) => string {
  const labels = new Map((workflow?.definition.states ?? []).map((s) => [s.code, s.label]));
  return (code) => (code ? (labels.get(code) ?? code) : '');
}

/**
 * The words the admin shows a round's amounts under: the flow's own (IT導入: 交付申請額, no 採択額), else the 補助金's
 * (`fallback`, from i18n). While the workflow loads, the 補助金's.
 */
export function amountTermsOf(workflow: RoundWorkflow | undefined, fallback: AmountTerms): AmountTerms {
  return workflow?.definition.amountTerms ?? fallback;
}

/**
 * Whether the round's applications have steps after their decision (交付申請 onwards: the API's
 * `modules/post-award/post-award-steps.ts`), so the application page's 「交付・確定」 tab has something to show. A
 * 給付金 (benefit@1) ends at its 給付決定 and 振込. Unknown while the definition loads: shown.
 */
export function hasPostAwardSteps(workflow: RoundWorkflow | undefined): boolean {
  return !workflow || workflow.definition.transitions.some((t) => t.name === 'applyForGrant');
}

/**
 * Whether the round's applications are scored by reviewers (書面審査): some state opens score sheets (tag
 * `openForScoring`). A 給付金 or an IT導入 交付申請 is not scored, so its application shows no 審査 tab (it showed
 * 「平均点: - / 50.0」). Unknown while the definition loads: shown.
 */
export function hasScoring(workflow: RoundWorkflow | undefined): boolean {
  return !workflow || workflow.definition.states.some((s) => s.tags?.includes('openForScoring'));
}

/**
 * Whether the round's decisions wait for its 採択発表: some transition holds its notices until the announcement
 * (libs/workflow's `holdNotificationsUntilAnnouncement`). A 給付金 (benefit@1) notifies its 給付決定 at once, so its
 * round has no 採択発表 to show or set. Unknown while the definition loads: shown.
 */
export function announcesDecisions(workflow: RoundWorkflow | undefined): boolean {
  return !workflow || workflow.definition.transitions.some((t) => (t.effects ?? []).some((e) => e.type === 'holdNotificationsUntilAnnouncement'));
}

/**
 * Whether the round's 採択 counts against an 採択予定件数: some transition is guarded by `slotAvailable` (libs/workflow's
 * guards; the API reads the quota for it and for the adoption simulator). A 給付金 (benefit@1) and IT導入 have no such
 * step, so their rounds neither show nor set one. Unknown while the definition loads: shown.
 */
export function usesAdoptionQuota(workflow: RoundWorkflow | undefined): boolean {
  return !workflow || workflow.definition.transitions.some((t) => (t.guards ?? []).includes('slotAvailable'));
}
