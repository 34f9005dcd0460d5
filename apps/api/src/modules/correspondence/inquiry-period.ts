import { formatJst } from '@jimukyoku/domain';

/** How far ahead of the database clock an inquiry's time may be (clocks of staff PCs drift a little). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When a 問い合わせ about an application can have taken place: from the round's 公募開始 (or the application's
 * creation, when a draft was made before the round opened) until now. An exchange before the application was keyed
 * in (a paper application received earlier, a question before applying) is after the 公募開始; none precedes both.
 */
export function inquiryPeriod(round: { opensAt: Date }, application: { createdAt: Date }, now: Date) {
  const fromCreation = application.createdAt.getTime() < round.opensAt.getTime();
  return { from: fromCreation ? application.createdAt : round.opensAt, fromLabel: fromCreation ? '申請の作成' : '公募開始', now };
}

/** Why `occurredAt` lies outside the period, naming the range allowed (Japanese, in JST); null when it lies inside. */
export function inquiryTimeProblem(occurredAt: Date, period: ReturnType<typeof inquiryPeriod>): string | null {
  const range = `${formatJst(period.from)}（${period.fromLabel}）から現在（${formatJst(period.now)}）までの日時を入力してください`;
  if (occurredAt.getTime() > period.now.getTime() + FUTURE_TOLERANCE_MS) return `問い合わせの日時が未来です。${range}`;
  if (occurredAt.getTime() < period.from.getTime()) return `問い合わせの日時が${period.fromLabel}より前です。${range}`;
  return null;
}
