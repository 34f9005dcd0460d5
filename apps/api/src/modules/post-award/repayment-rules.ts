import { DAY_MS, formatJstDate, isCalendarDate, paidOut } from '@jimukyoku/domain';
import { checkTransferDate, onOrAfterBankingDay } from '@jimukyoku/domain/zengin';
import type { Application } from '../applications/application.entity';
import type { GrantAmount } from './grant-amount.entity';
import { PostAwardError } from './post-award.errors';

/** The 納期限 of a 交付決定取消's 返還 is at least this many days after the day of the revocation, in JST (docs/post-award.md). */
export const REPAYMENT_DUE_MIN_DAYS = 14;

/**
 * The 納期限 of a 概算払's excess, claimed by the 額の確定 (docs/post-award.md "概算払"), unless the manager sets another:
 * this many days after its JST day. 第18条第2項 leaves the 期限 to the agency; this product's default, past the
 * minimum above, as the claim may come unannounced with the 確定額.
 */
export const ADVANCE_EXCESS_DUE_DAYS = 30;

/**
 * The 返還額 of a revoked grant (docs/post-award.md "交付決定取消 and 返還"): all that was paid (libs/domain `paidOut`), as the
 * paid batches transferred it (`paidByBatches`): before the 支払 (stamp paidAt) the 概算払; after it the 概算払 and the
 * 支払 line's 支払額, which is what was paid even where it differs from the 確定額; settled without a 支払 line (the
 * 概算払 paid the 確定額 or more and its excess was claimed), the 確定額 or that 概算払. Revoking the whole 交付決定
 * (補助金適正化法 第17条) asks back all of it (第18条 第1項); ものづくり 回復型's missed wage target is such a 全額返還 of what was paid.
 */
export function repaymentAmount(
  app: Pick<Application, 'stamps'>,
  amounts: Pick<GrantAmount, 'fixedAmount' | 'grantAmount'> | null,
  paidByBatches: { advance: number; final: number } = { advance: 0, final: 0 },
): { paid: number; amount: number } {
  const paid = paidOut(!!app.stamps?.paidAt, amounts?.fixedAmount ?? amounts?.grantAmount ?? 0, paidByBatches.advance, paidByBatches.final);
  return { paid, amount: paid };
}

/** YYYY-MM-DD plus `days` (calendar arithmetic on the date itself, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The 納期限 a 返還 claimed on `today` (its JST day) gets unless the manager sets one: `days` later, or the next day
 * banks are open, so the applicant can pay by it at a bank.
 */
export const defaultRepaymentDueDate = (today: string, days: number): string => onOrAfterBankingDay(addDays(today, days));

/**
 * A 返還's 納期限 as the manager set it (`field` names it in the error): a real date, at least REPAYMENT_DUE_MIN_DAYS
 * after `today` (the JST day of the claim), on a day banks are open (not a weekend, a national holiday or 12/31–1/3:
 * the applicant pays at a bank), or 422 naming the earliest date, or why the day will not do.
 */
export function checkRepaymentDueDate(dueDate: string, today: string, field: string): void {
  if (!isCalendarDate(dueDate)) throw new PostAwardError('INVALID_DATE', { field });
  const earliest = defaultRepaymentDueDate(today, REPAYMENT_DUE_MIN_DAYS);
  if (dueDate < earliest)
    throw new PostAwardError(
      'DUE_DATE_TOO_SOON',
      { field, earliest },
      `返還の納期限は、返還を求める日から${REPAYMENT_DUE_MIN_DAYS}日以上先の、金融機関の営業日にしてください（${formatJstDate(earliest)} 以降）。`,
    );
  const bankingDay = checkTransferDate(dueDate, '返還の納期限');
  if (!bankingDay.ok) throw new PostAwardError('DUE_DATE_NOT_BANKING_DAY', { field }, bankingDay.message);
}
