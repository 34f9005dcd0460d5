import holidayJp from '@holiday-jp/holiday_jp';
import { isCalendarDate } from '../time/calendar-date';
import { jstDate } from '../time/jst';

/**
 * The 振込指定日 of a payment batch (docs/payments.md "Payment batches"): a calendar date in Japan on which
 * the banks transfer — not a Saturday or Sunday, not a national holiday (国民の祝日 and 振替休日, from the
 * holiday_jp data set: the list changes by law, so it is kept by that project rather than here), not 12/31–1/3
 * (banks are closed) — and after today in JST (the file must reach the bank before the day).
 */
export type TransferDateCheck = { readonly ok: true; readonly date: string } | { readonly ok: false; readonly message: string };

/** `value` as a 振込指定日, checked against `now` (the clock's instant). */
export function checkTransferDate(value: unknown, now: Date, label = '振込指定日'): TransferDateCheck {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, message: `${label}は YYYY-MM-DD の日付で指定してください。` };
  if (!isCalendarDate(value)) return { ok: false, message: `${label}「${value}」は存在しない日付です。` };
  const [, m, d] = value.split('-').map(Number);
  const date = new Date(`${value}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6)
    return { ok: false, message: `${label}「${value}」は${weekday === 0 ? '日曜日' : '土曜日'}です。銀行の営業日を指定してください。` };
  const holiday = (holidayJp.holidays as Readonly<Record<string, { readonly name: string } | undefined>>)[value];
  if (holiday) return { ok: false, message: `${label}「${value}」は祝日（${holiday.name}）です。銀行の営業日を指定してください。` };
  if ((m === 12 && d === 31) || (m === 1 && d <= 3))
    return { ok: false, message: `${label}「${value}」は年末年始の銀行休業日です。銀行の営業日を指定してください。` };
  return { ok: true, date: value };
}

/** A 振込指定日 for a new batch: a business day after today (JST). */
export function checkFutureTransferDate(value: unknown, now: Date): TransferDateCheck {
  const checked = checkTransferDate(value, now);
  if (checked.ok && checked.date <= jstDate(now))
    return { ok: false, message: `振込指定日「${checked.date}」は明日以降の銀行の営業日を指定してください（本日 ${jstDate(now)}）。` };
  return checked;
}
