/**
 * The 振込指定日 of a payment batch (docs/payments.md "Payment batches"): a calendar date in Japan on which
 * the banks transfer — not a Saturday or Sunday, not 12/31–1/3 (banks are closed) — and after today in JST
 * (the file must reach the bank before the day). National holidays (国民の祝日) are not checked: the list
 * changes by law each year and would be data to keep current; the bank refuses such a date on upload.
 */
export type TransferDateCheck = { readonly ok: true; readonly date: string } | { readonly ok: false; readonly message: string };

const JST_OFFSET_MS = 9 * 3_600_000;

/** The JST calendar date of `instant`, as YYYY-MM-DD. */
export function jstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `value` as a 振込指定日, checked against `now` (the clock's instant). */
export function checkTransferDate(value: unknown, now: Date, label = '振込指定日'): TransferDateCheck {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, message: `${label}は YYYY-MM-DD の日付で指定してください。` };
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, message: `${label}「${value}」は存在しない日付です。` };
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6)
    return { ok: false, message: `${label}「${value}」は${weekday === 0 ? '日曜日' : '土曜日'}です。銀行の営業日を指定してください。` };
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
