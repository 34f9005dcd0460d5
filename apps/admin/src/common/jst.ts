/**
 * Instants are UTC in the API and Asia/Tokyo (JST, +09:00, no daylight saving) for people. The one
 * formatter of the product (`formatJst`, exact to the second with the weekday) comes from
 * libs/domain, so a deadline reads the same in the admin, in API messages and in e-mails; the rest
 * converts between what a person types and what the API accepts: an ISO instant WITH an offset
 * (the API refuses naive local times).
 */
import { formatJst as formatJstInstant, formatJstDate } from '@jimukyoku/domain';

export const JST_OFFSET = '+09:00';
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

type InstantLike = Date | string | number | null | undefined;

function toDate(value: InstantLike): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** '2022-03-24T09:00:00Z' → '2022年3月24日(木) 18:00:00'; '' for no value or an unreadable one. */
export function formatJst(value: InstantLike): string {
  const d = toDate(value);
  return d ? formatJstInstant(d) : '';
}

/** A calendar date the API keeps as a day in Japan (YYYY-MM-DD): '2026-12-14' → '2026年12月14日(月)'; anything else as it came. */
export function formatCalendarDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatJstDate(value) : value;
}

/**
 * The JST wall-clock time of an instant, as an `<input type="datetime-local">` value:
 * '2022-03-24T09:00:00Z' → '2022-03-24T18:00:00'. '' for no value.
 */
export function toJstWallClock(value: InstantLike): string {
  const d = toDate(value);
  return d ? new Date(d.getTime() + JST_OFFSET_MS).toISOString().slice(0, 19) : '';
}

/**
 * Any instant as the API wants it: ISO 8601 in JST with an explicit offset,
 * '2022-03-24T09:00:00.000Z' → '2022-03-24T18:00:00+09:00' (milliseconds kept only when not zero).
 */
export function toJstIso(value: InstantLike): string | null {
  const d = toDate(value);
  if (!d) return null;
  const shifted = new Date(d.getTime() + JST_OFFSET_MS).toISOString();
  const millis = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${millis === '.000' ? '' : millis}${JST_OFFSET}`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/**
 * What a person typed or picked as a JST wall-clock time → the instant the API accepts:
 * '2022-03-24T18:00' or '2022-03-24T18:00:00' → '2022-03-24T18:00:00+09:00'. null for an empty
 * value or one that is not a real date and time (2月30日, 24:00).
 */
export function jstWallClockToInstant(local: string | null | undefined): string | null {
  const m = typeof local === 'string' ? WALL_CLOCK.exec(local.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const check = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s));
  if (
    check.getUTCFullYear() !== +y! ||
    check.getUTCMonth() !== +mo! - 1 ||
    check.getUTCDate() !== +d! ||
    check.getUTCHours() !== +h! ||
    check.getUTCMinutes() !== +mi! ||
    check.getUTCSeconds() !== +s
  ) {
    return null;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${JST_OFFSET}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day in JST → the instant it starts: '2022-03-24' → '2022-03-24T00:00:00+09:00'. */
export function jstDayStart(date: string): string | null {
  return DATE_ONLY.test(date) ? jstWallClockToInstant(`${date}T00:00:00`) : null;
}

/**
 * The exclusive end of a JST calendar day (the start of the next one), for "up to and including
 * this day" filters: '2022-03-24' → '2022-03-25T00:00:00+09:00'; '2022-12-31' → '2023-01-01T…'.
 */
export function jstNextDayStart(date: string): string | null {
  const m = DATE_ONLY.exec(date);
  if (!m || !jstDayStart(date)) return null;
  const next = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + 1));
  return `${next.toISOString().slice(0, 10)}T00:00:00${JST_OFFSET}`;
}

/**
 * What a JST date-time input shows for its form value: an instant from the API
 * ('2022-03-24T09:00:00.000Z', '…+09:00') as its JST wall clock; a wall clock being typed as is.
 */
export function toJstInputValue(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  return WALL_CLOCK.test(value) ? value : toJstWallClock(value);
}

/**
 * A JST date-time input's form value → what the API accepts: a typed wall clock is JST
 * ('2022-03-24T18:00' → '2022-03-24T18:00:00+09:00'), an untouched instant from the API is rewritten
 * with the JST offset (same instant), and an empty one is null. undefined when the value is neither
 * (validation reports it before anything is sent).
 */
export function jstInputToInstant(value: unknown): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return undefined;
  if (WALL_CLOCK.test(value)) return jstWallClockToInstant(value) ?? undefined;
  return /(Z|[+-]\d{2}:\d{2})$/.test(value) ? (toJstIso(value) ?? undefined) : undefined;
}
