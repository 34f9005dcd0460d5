import { isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it.each([
    ['2022-03-24', 'an ordinary day'],
    ['2024-02-29', 'a leap day'],
    ['2000-02-29', 'a leap day in a year divisible by 400'],
    ['0001-01-01', 'the first day PostgreSQL keeps'],
    ['0050-06-15', 'a year Date.UTC would read as 1950'],
    ['9999-12-31', 'the last day four digits can name'],
  ])('takes %s (%s)', (value) => expect(isCalendarDate(value)).toBe(true));

  it.each([
    ['2022-02-29', 'no leap day in 2022'],
    ['1900-02-29', 'no leap day in a century year not divisible by 400'],
    ['2021-02-30', 'February has no 30th'],
    ['2022-04-31', 'April has 30 days'],
    ['2022-13-01', 'no 13th month'],
    ['2022-00-10', 'no month 0'],
    ['2022-01-00', 'no day 0'],
    ['0000-01-01', 'no year 0000 in PostgreSQL'],
    ['2022-1-5', 'not zero-padded'],
    ['2022-01-05T00:00:00Z', 'an instant, not a date'],
    ['', 'empty'],
  ])('refuses %s (%s)', (value) => expect(isCalendarDate(value)).toBe(false));
});
