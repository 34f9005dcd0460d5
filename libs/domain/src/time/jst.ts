/**
 * Times are stored as UTC instants and shown and reasoned about in Asia/Tokyo (JST, +09:00, no DST).
 */
import { isCalendarDate } from './calendar-date';

/** One day in milliseconds: every JST day is this long, as Japan has no daylight saving time. */
export const DAY_MS = 86_400_000;

const JST_FORMAT = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2022-03-24T09:00:00Z → '2022年3月24日(木) 18:00:00' */
export function formatJst(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const p = Object.fromEntries(JST_FORMAT.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}年${p.month}月${p.day}日(${p.weekday}) ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * An instant to the millisecond, for a time compared with a deadline: 2022-03-24T09:00:00.001Z →
 * '2022年3月24日(木) 18:00:00.001'. A request one millisecond after the 締切 would otherwise read as received at it.
 */
export function formatJstMillis(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return `${formatJst(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/**
 * The JST calendar day of an instant, or a calendar date (a 期限 or 納期限 as YYYY-MM-DD, read as that day), as
 * applicants read it: 2026-01-04T23:00:00Z → '2026年1月5日(月)', '2027-01-15' → '2027年1月15日(金)'.
 */
export function formatJstDate(instant: Date | string): string {
  const value = typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant) ? `${instant}T00:00:00+09:00` : instant;
  return formatJst(value).split(' ')[0];
}

/** An ISO-8601 instant with an explicit offset or Z; a naive local time is ambiguous and refused. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The widest offset a place on Earth keeps (UTC+14:00, Kiribati; the westernmost is UTC-12:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

export type InstantParse = { ok: true; value: Date } | { ok: false; message: string };

export function parseInstant(value: unknown, field: string): InstantParse {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
    return { ok: false, message: `${field} は時差付きの日時で指定してください (例: 2022-03-24T18:00:00+09:00)` };
  }
  // JavaScript reads offsets up to ±23:59, PostgreSQL only to ±15:59
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (offset && Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MINUTES) {
    return { ok: false, message: `${field} の時差は -14:00 から +14:00 の間で指定してください` };
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return { ok: false, message: `${field} は存在しない日時です` };
  if (!isCalendarDate(value.slice(0, 10))) return { ok: false, message: `${field} は存在しない日時です` };
  return { ok: true, value: d };
}

const JST_OFFSET_MS = 9 * 3_600_000;

/** The JST calendar date of `instant`, as YYYY-MM-DD. */
export function jstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The last second (23:59:59 JST) of the calendar day `days` days after `instant`'s own day in Japan: a period of days
 * a person is given, stated as a date. A 補正期限 of 10日 from a 差戻し on 12月5日 13:52 runs to 12月15日 23:59:59,
 * not to 13:52:17 of that day.
 */
export function endOfJstDayAfter(instant: Date, days: number): Date {
  const [y, m, d] = jstDate(instant).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days + 1) - JST_OFFSET_MS - 1000);
}

/**
 * `instant` without its fraction of a second: a 公募 date is kept as it is shown and stated, to the second (a 締切 sent as
 * 19:27:19.999 was shown as 19:27:19 and accepted an application at 19:27:19.5).
 */
export function wholeSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

/**
 * The instant a deadline stated to the second (a 補正期限 of 「12月15日 23:59:59」) has passed: the end of that second.
 * A person told 23:59:59 may act during it, so what is shown is what is accepted.
 */
export function afterStatedSecond(deadline: Date): Date {
  return new Date(Math.floor(deadline.getTime() / 1000) * 1000 + 1000);
}
