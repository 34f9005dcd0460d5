// Whole lives of applications walked through decide() on a realistic calendar (walks.spec.ts,
// walks-subsidy-v2.spec.ts): each step must be accepted, and the walk ends where a secretariat expects.
import type { ApplicationSnapshot, WorkflowContext } from '../engine/context';
import { decide, type Accepted } from '../engine/decide';
import type { Role, WorkflowDefinition } from '../engine/definition';

/** Dates in JST, as staff write them. */
export const jst = (isoLocal: string): Date => new Date(`${isoLocal}+09:00`);

export const ROUND: WorkflowContext = {
  round: {
    opensAt: jst('2024-01-10T10:00'),
    closesAt: jst('2024-03-01T18:00'),
    correctionDueAt: jst('2024-03-22T17:00'),
    announcementAt: jst('2024-05-01T10:00'),
  },
  slots: { capacity: 100, used: 42 },
};

/** A well-formed application: eligible quote, passed checklist, all reviews in. */
export const FIELDS: Omit<ApplicationSnapshot, 'status' | 'workflowVersion'> = {
  quote: { eligible: true },
  formalCheck: { passed: true },
  reviews: { assigned: 3, submitted: 3 },
  // no 概算払 paid (the API reads it for nothingPaidInAdvance)
  advancePaid: 0,
};

export type Step = [transition: string, role: Role, when: string];

export function walk(definition: WorkflowDefinition, steps: Step[], fields: Partial<ApplicationSnapshot> = {}, context = ROUND) {
  let app: ApplicationSnapshot & Record<string, unknown> = {
    ...FIELDS,
    ...fields,
    status: definition.states.find((s) => s.kind === 'initial')!.code,
    workflowVersion: definition.version,
    workflowCode: definition.code,
  };
  const decisions: Accepted[] = [];
  for (const [transition, role, when] of steps) {
    const d = decide(definition, app, { transition, reason: '事務局記載の理由' }, { role, id: `${role}-1` }, jst(when), context);
    if (!d.ok) throw new Error(`${transition} by ${role} at ${when} from ${app.status}: ${d.code} ${d.message}`);
    decisions.push(d);
    app = { ...app, ...d.stamps, status: d.to };
  }
  const final = definition.states.find((s) => s.code === app.status)!;
  return { app, final, decisions, path: decisions.map((d) => d.to) };
}
