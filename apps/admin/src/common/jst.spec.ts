import {
  formatCalendarDate,
  formatJst,
  jstDayStart,
  jstInputToInstant,
  jstNextDayStart,
  jstWallClockToInstant,
  toJstInputValue,
  toJstIso,
  toJstWallClock,
} from './jst';

describe('formatJst', () => {
  it.each([
    ['the 第5回 deadline', '2022-03-24T09:00:00Z', '2022年3月24日(木) 18:00:00'],
    ['a UTC evening that is already the next day in JST', '2021-12-20T15:30:05.000Z', '2021年12月21日(火) 00:30:05'],
    ['midnight JST from a +09:00 instant', '2022-01-20T00:00:00+09:00', '2022年1月20日(木) 00:00:00'],
    ['one second before a deadline', '2022-03-24T08:59:59Z', '2022年3月24日(木) 17:59:59'],
    ['a Date object', new Date(Date.UTC(2022, 2, 24, 9)), '2022年3月24日(木) 18:00:00'],
  ])('%s', (_rule, instant, jst) => expect(formatJst(instant)).toBe(jst));

  it.each([null, undefined, '', 'not a date'])('is empty for no readable instant (%p)', (value) => expect(formatJst(value)).toBe(''));

  it('does not depend on the time zone of the machine that renders it', () => {
    // jest runs in whatever TZ the machine has; Intl with timeZone: 'Asia/Tokyo' ignores it.
    expect(formatJst('2022-06-30T15:00:00Z')).toBe('2022年7月1日(金) 00:00:00');
  });
});

describe('formatCalendarDate (振込指定日, 納期限, 入金日: days in Japan)', () => {
  it('reads a YYYY-MM-DD day with its weekday, whatever the machine’s time zone', () => {
    expect(formatCalendarDate('2026-12-14')).toBe('2026年12月14日(月)');
    expect(formatCalendarDate('2022-03-24')).toBe('2022年3月24日(木)');
  });

  it('leaves anything else as it came', () => expect(formatCalendarDate('2026/12/14')).toBe('2026/12/14'));
});

describe('JST wall clock (round edit form)', () => {
  it.each([
    ['a UTC instant', '2022-03-24T09:00:00.000Z', '2022-03-24T18:00:00'],
    ['a UTC evening (next day in JST)', '2021-12-20T15:30:05Z', '2021-12-21T00:30:05'],
    ['an instant given in JST', '2022-03-24T18:00:00+09:00', '2022-03-24T18:00:00'],
  ])('shows %s as its JST wall-clock time', (_rule, instant, local) => expect(toJstWallClock(instant)).toBe(local));

  it.each([
    ['minutes, as a datetime-local input gives them', '2022-03-24T18:00', '2022-03-24T18:00:00+09:00'],
    ['seconds', '2022-03-24T17:59:59', '2022-03-24T17:59:59+09:00'],
    ['midnight at the start of a year', '2023-01-01T00:00:00', '2023-01-01T00:00:00+09:00'],
    ['a leap day', '2024-02-29T12:00', '2024-02-29T12:00:00+09:00'],
  ])('sends %s with an explicit +09:00 offset', (_rule, local, instant) => {
    expect(jstWallClockToInstant(local)).toBe(instant);
    expect(new Date(instant).toISOString()).toBe(new Date(`${local.length === 16 ? `${local}:00` : local}+09:00`).toISOString());
  });

  it.each([
    ['an empty input', ''],
    ['no value', null],
    ['a date without a time', '2022-03-24'],
    ['a value that already has an offset (not a wall clock)', '2022-03-24T18:00:00Z'],
    ['a day that does not exist', '2022-02-30T10:00'],
    ['24:00', '2022-03-24T24:00'],
    ['a minute of 60', '2022-03-24T10:60'],
  ])('gives null for %s', (_rule, local) => expect(jstWallClockToInstant(local)).toBeNull());

  it('round-trips: wall clock → instant → wall clock', () => {
    for (const local of ['2022-03-24T18:00:00', '2021-12-31T23:59:59', '2022-01-01T00:00:00']) {
      expect(toJstWallClock(jstWallClockToInstant(local))).toBe(local);
    }
  });
});

describe('toJstIso', () => {
  it.each([
    ['a UTC instant from the API', '2022-03-24T09:00:00.000Z', '2022-03-24T18:00:00+09:00'],
    ['the next JST day', '2021-12-20T15:30:05Z', '2021-12-21T00:30:05+09:00'],
    ['milliseconds that matter', '2022-03-24T08:59:59.999Z', '2022-03-24T17:59:59.999+09:00'],
  ])('writes %s with a +09:00 offset and the same instant', (_rule, instant, jst) => {
    expect(toJstIso(instant)).toBe(jst);
    expect(new Date(jst).getTime()).toBe(new Date(instant).getTime());
  });

  it('gives null for no value', () => expect(toJstIso('')).toBeNull());
});

describe('JST calendar days (date filters)', () => {
  it.each([
    ['an ordinary day', '2022-03-24', '2022-03-24T00:00:00+09:00', '2022-03-25T00:00:00+09:00'],
    ['the end of a month', '2022-02-28', '2022-02-28T00:00:00+09:00', '2022-03-01T00:00:00+09:00'],
    ['the end of a year', '2022-12-31', '2022-12-31T00:00:00+09:00', '2023-01-01T00:00:00+09:00'],
  ])('%s starts at JST midnight and ends at the next one', (_rule, day, start, end) => {
    expect(jstDayStart(day)).toBe(start);
    expect(jstNextDayStart(day)).toBe(end);
    // JST midnight is 15:00 UTC the day before
    expect(new Date(start!).toISOString().slice(11, 19)).toBe('15:00:00');
  });

  it.each(['2022-02-30', '2022-3-24', '2022-03-24T00:00', ''])('refuses %p', (day) => {
    expect(jstDayStart(day)).toBeNull();
    expect(jstNextDayStart(day)).toBeNull();
  });
});

describe('JST date-time input values', () => {
  it.each([
    ['an instant from the API', '2022-03-24T09:00:00.000Z', '2022-03-24T18:00:00'],
    ['a wall clock being typed', '2022-03-24T18:00', '2022-03-24T18:00'],
    ['no value', null, ''],
    ['an empty value', '', ''],
  ])('shows %s', (_rule, value, shown) => expect(toJstInputValue(value)).toBe(shown));

  it.each([
    ['a typed wall clock (JST)', '2022-03-24T18:00', '2022-03-24T18:00:00+09:00'],
    ['a typed wall clock with seconds', '2022-03-24T17:59:59', '2022-03-24T17:59:59+09:00'],
    ['an untouched UTC instant from the API (same instant, JST offset)', '2022-03-24T09:00:00.000Z', '2022-03-24T18:00:00+09:00'],
    ['an untouched instant already in JST', '2022-03-24T18:00:00+09:00', '2022-03-24T18:00:00+09:00'],
    ['a cleared input', '', null],
    ['no value', null, null],
  ])('sends %s', (_rule, value, sent) => expect(jstInputToInstant(value)).toBe(sent));

  it.each([
    ['a day that does not exist', '2022-02-30T10:00'],
    ['a date only', '2022-03-24'],
    ['not a string', 20220324],
  ])('cannot send %s', (_rule, value) => expect(jstInputToInstant(value)).toBeUndefined());
});
