// The workflow definitions as GET /api/workflows serves them, and the pure helpers the 状態 filter and
// the status chips use (the hook that fetches them is useWorkflowStates.ts).

/** How a state is shown (libs/workflow STATE_TONES), as GET /api/workflows reports it. */
export type StateTone = 'neutral' | 'progress' | 'attention' | 'positive' | 'negative' | 'postAward';

/** One state of a workflow definition (GET /api/workflows → states). */
export interface WorkflowState {
  code: string;
  label: string;
  kind: 'initial' | 'active' | 'terminal';
  tone: StateTone;
  tags: string[];
}

/** One registered workflow definition (GET /api/workflows), `id` = `code@version`. */
export interface WorkflowRecord {
  id: string;
  code: string;
  version: number;
  label: string;
  states: WorkflowState[];
  transitions: { name: string; label: string; from: string[]; to: string; roles: string[] }[];
}

export type ChipColor = 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary' | 'secondary';

/** The chip colour of each tone: the one place the admin maps a state's tone to a MUI colour. */
export const TONE_COLORS: Readonly<Record<StateTone, ChipColor>> = {
  neutral: 'default',
  progress: 'info',
  attention: 'warning',
  negative: 'error',
  positive: 'success',
  postAward: 'secondary',
};

/** The chip colour of a tone; a tone this admin does not know yet is shown like `progress`. */
export const toneColor = (tone: string | undefined): ChipColor =>
  tone && Object.prototype.hasOwnProperty.call(TONE_COLORS, tone) ? TONE_COLORS[tone as StateTone] : 'info';

/**
 * Every state of the given workflows once, in the order the API lists them (補助金 first), so where
 * two workflows label a state differently the first one's label and tone are kept.
 */
export function distinctStates(workflows: readonly WorkflowRecord[]): WorkflowState[] {
  const seen = new Map<string, WorkflowState>();
  for (const w of workflows) for (const s of w.states) if (!seen.has(s.code)) seen.set(s.code, s);
  return [...seen.values()];
}

/** The 状態 filter's choices: code and Japanese label. */
export const stateChoices = (states: readonly WorkflowState[]) => states.map((s) => ({ id: s.code, name: s.label }));
