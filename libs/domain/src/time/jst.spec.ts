import { afterStatedSecond, endOfJstDayAfter, formatJst, formatJstDate, formatJstMillis, parseInstant, wholeSecond } from './jst';

describe('formatJst', () => {
  it.each([
    ['the 第5回 deadline', '2022-03-24T09:00:00Z', '2022年3月24日(木) 18:00:00'],
    ['a UTC evening that is already the next day in JST', '2021-12-20T15:30:05Z', '2021年12月21日(火) 00:30:05'],
    ['midnight JST', '2022-01-19T15:00:00Z', '2022年1月20日(木) 00:00:00'],
  ])('%s', (_rule, utc, jst) => expect(formatJst(utc)).toBe(jst));
});

describe('formatJstDate', () => {
  it('shows a calendar day as the Japanese date with its weekday, whatever the machine’s time zone', () => {
    expect(formatJstDate('2027-01-15')).toBe('2027年1月15日(金)');
    expect(formatJstDate('2024-02-29')).toBe('2024年2月29日(木)');
  });
});

describe('parseInstant', () => {
  it.each([
    ['a JST offset', '2022-03-24T18:00:00+09:00', '2022-03-24T09:00:00.000Z'],
    ['UTC with Z', '2022-03-24T09:00:00Z', '2022-03-24T09:00:00.000Z'],
    ['milliseconds', '2022-03-24T17:59:59.999+09:00', '2022-03-24T08:59:59.999Z'],
    ['the widest offset east', '2022-03-25T08:00:00+14:00', '2022-03-24T18:00:00.000Z'],
    ['the widest offset west', '2022-03-24T06:00:00-12:00', '2022-03-24T18:00:00.000Z'],
  ])('accepts %s', (_rule, input, utc) => {
    const r = parseInstant(input, 'closesAt');
    expect(r.ok && r.value.toISOString()).toBe(utc);
  });

  it.each([
    ['a naive local time', '2022-03-24T18:00:00'],
    ['a date only', '2022-03-24'],
    ['a non-existent date', '2022-02-30T18:00:00+09:00'],
    ['not a string', 20220324],
    // JavaScript reads these; PostgreSQL refuses them, so they must never reach a query
    ['an offset no place keeps', '2022-01-01T00:00:00+16:00'],
    ['an offset just beyond +14:00', '2022-01-01T00:00:00+14:01'],
    ['an offset of almost a day', '9999-12-31T23:59:59-23:59'],
    ['the year 0000, which PostgreSQL has not', '0000-01-01T00:00:00Z'],
  ])('refuses %s with a message naming the field', (_rule, input) => {
    const r = parseInstant(input, 'closesAt');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^closesAt /);
  });
});

describe('endOfJstDayAfter', () => {
  it.each([
    ['10 days from an afternoon', '2026-12-05T04:52:17Z', 10, '2026年12月15日(火) 23:59:59'],
    ['from just after midnight in Japan (still the previous day in UTC)', '2026-12-04T15:00:01Z', 10, '2026年12月15日(火) 23:59:59'],
    ['from the last second of a Japanese day', '2026-12-05T14:59:59Z', 10, '2026年12月15日(火) 23:59:59'],
    ['across a month and a year end', '2026-12-28T01:00:00Z', 10, '2027年1月7日(木) 23:59:59'],
    ['across 29 February', '2028-02-25T01:00:00Z', 5, '2028年3月1日(水) 23:59:59'],
  ])('%s', (_case, from, days, expected) => expect(formatJst(endOfJstDayAfter(new Date(from), days))).toBe(expected));
});

describe('formatJstMillis', () => {
  it('shows the milliseconds, so a time just after a deadline does not read as the deadline', () => {
    expect(formatJstMillis('2022-03-24T09:00:00.001Z')).toBe('2022年3月24日(木) 18:00:00.001');
    expect(formatJstMillis(new Date('2022-03-24T08:59:59.999Z'))).toBe('2022年3月24日(木) 17:59:59.999');
    expect(formatJstMillis('2022-03-24T09:00:00Z')).toBe('2022年3月24日(木) 18:00:00.000');
  });
});

describe('wholeSecond', () => {
  it('drops the fraction of a second, never rounding up', () => {
    expect(wholeSecond(new Date('2022-03-24T08:59:59.999Z')).toISOString()).toBe('2022-03-24T08:59:59.000Z');
    expect(wholeSecond(new Date('2022-03-24T09:00:00.000Z')).toISOString()).toBe('2022-03-24T09:00:00.000Z');
  });
});

describe('afterStatedSecond', () => {
  it('is the end of the second a deadline is stated to, whatever its milliseconds', () => {
    expect(afterStatedSecond(new Date('2026-12-16T14:59:59.000Z')).toISOString()).toBe('2026-12-16T15:00:00.000Z');
    expect(afterStatedSecond(new Date('2026-12-16T14:59:59.999Z')).toISOString()).toBe('2026-12-16T15:00:00.000Z');
  });
});
