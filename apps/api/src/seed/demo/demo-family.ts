// The shape of a demo programme family (demo-programme-rounds.ts, demo-post-award-rounds.ts): its round,
// the applications of each 類型, and the story told on them; and the story steps several families take.
import type { TransitionActor } from '../../modules/applications/transitions.service';
import type { Round } from '../../modules/rounds/round.entity';
import type { DemoContext } from './demo-applications.seed';
import type { DemoRandom } from './demo-random';
import type { Declared } from './demo-programme-applicants';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const INTAKE: TransitionActor = { role: 'intake', id: null };

/** One demo round of a programme family and its rule set: `ruleSetVersion` of `ruleSet`, or its latest version. */
export interface RoundSpec {
  ruleSet: string;
  ruleSetVersion?: number;
  /** the programme's workflow version the round runs on (1 unless said: subsidy@2 makes the post-award half reachable) */
  workflowVersion?: number;
  /** the round's 公募要領 provides for 概算払 (docs/post-award.md "概算払") */
  advancePaymentAllowed?: boolean;
  code: string;
  number: number;
  name: string;
  receiptPrefix: string;
  opensAt: number;
  closesAt: number;
  /** 採択発表 (IT導入: the 交付決定日); null: none planned yet */
  announcement: { from: number; to: number; label: string } | null;
  correctionPeriodDays: number;
}

/** The applications of one 類型: how many, and how the `k`-th of them is made. */
export type Batch = [categoryCode: string, count: number, make: (r: DemoRandom, n: number, k: number) => Declared];

export interface Story {
  ctx: DemoContext;
  round: Round;
  /** the received applications, in order of 受付 */
  ids: string[];
  now: number;
  /** the round's real 締切 */
  close: number;
  manager: TransitionActor;
}

export interface Family {
  label: string;
  round: (now: number) => RoundSpec;
  batches: Batch[];
  story: (s: Story) => Promise<void>;
}

/** Fires one transition at story time `at`. */
export const fire = (ctx: DemoContext, id: string, transition: string, actor: TransitionActor, at: number, reason?: string) =>
  ctx.clock.at(at, () => ctx.services.transitions.fireIn(ctx.services.tx, id, transition, actor, { reason }));

/**
 * The adopted go on through the grant: the `k`-th adopted application takes `paths[k]`, one step every
 * `step` from `from` (an applicant's step comes through intake, the others are the manager's).
 */
export async function grantPaths(ctx: DemoContext, adopted: string[], from: number, step: number, manager: TransitionActor, paths: string[][]) {
  const byApplicant = new Set(['applyForGrant', 'reportPerformance']);
  for (const [k, path] of paths.entries()) {
    if (!adopted[k]) break;
    for (const [j, transition] of path.entries()) {
      await fire(ctx, adopted[k], transition, byApplicant.has(transition) ? INTAKE : manager, from + j * step + k * HOUR);
    }
  }
}
