import holidayJp from '@holiday-jp/holiday_jp';
import { isCalendarDate } from '../time/calendar-date';
import { formatJstDate, jstDate } from '../time/jst';

/**
 * The dates of a payment batch (docs/payments.md "Payment batches"): its 振込指定日 and the 振込日 of its
 * confirmation. Both are calendar dates in Japan on which the banks transfer — not a Saturday or Sunday, not a
 * national holiday (国民の祝日 and 振替休日, from the holiday_jp data set: the list changes by law, so it is kept by
 * that project rather than here), not 12/31–1/3 (banks are closed). Messages write a date as the neighbouring
 * ones do (2026年12月4日(金)); a date on the wrong side of today is told so before its weekday.
 */
export type TransferDateCheck = { readonly ok: true; readonly date: string } | { readonly ok: false; readonly message: string };

/**
 * How far ahead a 振込指定日 may be, in banking days after today: the 総合振込 file is taken by a bank up to 15 営業日
 * before its 振込指定日 (docs/payments.md "Payment batches"). It also keeps the header's MMDD (cols 55–58, no year)
 * naming one day only.
 */
export const TRANSFER_DATE_MAX_BANKING_DAYS = 15;

const fmt = (date: string) => formatJstDate(date);

/** Why banks do not transfer on `date` (YYYY-MM-DD, a calendar date), or null on a banking day. */
function closedBecause(date: string): string | null {
  const [, m, d] = date.split('-').map(Number);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return weekday === 0 ? '日曜日' : '土曜日';
  const holiday = (holidayJp.holidays as Readonly<Record<string, { readonly name: string } | undefined>>)[date];
  if (holiday) return `祝日（${holiday.name}）`;
  if ((m === 12 && d === 31) || (m === 1 && d <= 3)) return '年末年始の銀行休業日';
  return null;
}

/** `value` as a YYYY-MM-DD calendar date, or why it is not one. */
function parseDate(value: unknown, label: string): TransferDateCheck {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, message: `${label}は YYYY-MM-DD の日付で指定してください。` };
  if (!isCalendarDate(value)) return { ok: false, message: `${label}「${value}」は存在しない日付です。` };
  return { ok: true, date: value };
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * `date` when banks are open that day, else the next day they are: a 返還's 納期限 falls on a day the applicant can pay at
 * a bank (a default one is moved there; one set by hand is checked with checkTransferDate).
 */
export function onOrAfterBankingDay(date: string): string {
  let day = date;
  while (closedBecause(day)) day = addDays(day, 1);
  return day;
}

/** `value` as a banking day (any date: the callers bound it in time), checked in that order. */
export function checkTransferDate(value: unknown, label = '振込指定日'): TransferDateCheck {
  const parsed = parseDate(value, label);
  if (!parsed.ok) return parsed;
  const closed = closedBecause(parsed.date);
  if (closed) return { ok: false, message: `${label}「${fmt(parsed.date)}」は${closed}です。銀行の営業日を指定してください。` };
  return parsed;
}

/** The last 振込指定日 a batch made at `now` may name: the TRANSFER_DATE_MAX_BANKING_DAYS-th banking day after today (JST). */
export function lastTransferDate(now: Date): string {
  let date = jstDate(now);
  for (let n = 0; n < TRANSFER_DATE_MAX_BANKING_DAYS;) {
    date = addDays(date, 1);
    if (!closedBecause(date)) n++;
  }
  return date;
}

/** A 振込指定日 for a new batch: a banking day after today (JST) and at most TRANSFER_DATE_MAX_BANKING_DAYS ahead. */
export function checkFutureTransferDate(value: unknown, now: Date): TransferDateCheck {
  const parsed = parseDate(value, '振込指定日');
  if (!parsed.ok) return parsed;
  const today = jstDate(now);
  if (parsed.date <= today)
    return { ok: false, message: `振込指定日「${fmt(parsed.date)}」は明日以降の銀行の営業日を指定してください（本日 ${fmt(today)}）。` };
  const last = lastTransferDate(now);
  if (parsed.date > last)
    return {
      ok: false,
      message: `振込指定日「${fmt(parsed.date)}」は指定できる期間を超えています。銀行が総合振込の予約を受け付けるのは${TRANSFER_DATE_MAX_BANKING_DAYS}営業日先までのため、${fmt(last)}までの銀行の営業日を指定してください。`,
    };
  return checkTransferDate(parsed.date);
}

/**
 * The 振込日 a confirmation records: the day the bank transferred, so not in the future (JST), not before the batch's
 * 振込指定日 (a 総合振込 is transferred on that day, so an earlier one is mistyped or another batch's), a banking day.
 */
export function checkPaidOn(value: unknown, now: Date, transferDate: string): TransferDateCheck {
  const parsed = parseDate(value, '振込日');
  if (!parsed.ok) return parsed;
  if (parsed.date > jstDate(now)) return { ok: false, message: `振込日「${fmt(parsed.date)}」は未来の日付です。銀行が振り込んだ日を指定してください。` };
  if (parsed.date < transferDate)
    return {
      ok: false,
      message: `振込日「${fmt(parsed.date)}」はこの支払バッチの振込指定日（${fmt(transferDate)}）より前です。総合振込は振込指定日以降に振り込まれます。銀行が振り込んだ日を指定してください。`,
    };
  return checkTransferDate(parsed.date, '振込日');
}
