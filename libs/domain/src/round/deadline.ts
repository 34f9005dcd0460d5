/**
 * 応募締切: the one rule of when a round stops taking applications. The deadline is `closesAt` plus
 * the round's grace minutes (締切延長, e.g. when the e-application system was overloaded), and the
 * deadline instant itself is already too late. Intake, the workflow guard `beforeRoundCloses`, the
 * round editor and the scheduler's SQL (ROUND_DEADLINE_SQL in
 * apps/api/src/modules/rounds/rounds.repository.ts) all follow this rule.
 */
export interface RoundDeadlineInput {
  readonly closesAt: Date;
  /** minutes added to closesAt; none (null, undefined) or a negative number adds nothing */
  readonly graceMinutes?: number | null;
}

export interface RoundScheduleInput extends RoundDeadlineInput {
  readonly opensAt: Date;
}

/** closesAt + graceMinutes: the first instant at which an application is too late. */
export function roundDeadline({ closesAt, graceMinutes }: RoundDeadlineInput): Date {
  return new Date(closesAt.getTime() + Math.max(0, graceMinutes ?? 0) * 60_000);
}

/** Whether `now` is before the deadline (the deadline instant itself is too late). */
export function isBeforeRoundDeadline(round: RoundDeadlineInput, now: Date): boolean {
  return now.getTime() < roundDeadline(round).getTime();
}

/** Whether the round takes applications at `now`: opensAt <= now < closesAt + graceMinutes. */
export function isRoundOpenAt(round: RoundScheduleInput, now: Date): boolean {
  return now.getTime() >= round.opensAt.getTime() && isBeforeRoundDeadline(round, now);
}
