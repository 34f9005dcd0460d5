import { jstDate } from '../time/jst';
import {
  checkFutureTransferDate,
  checkPaidOn,
  checkTransferDate,
  lastTransferDate,
  onOrAfterBankingDay,
  TRANSFER_DATE_MAX_BANKING_DAYS,
} from './transfer-date';

// 2026-12-03T20:00Z is 2026-12-04 (金) 05:00 in JST.
const NOW = new Date('2026-12-03T20:00:00Z');

describe('振込指定日', () => {
  it.each([
    ['a weekday after today is taken', '2026-12-07', true],
    ['today in JST is not in the future (UTC would still say the 3rd)', '2026-12-04', false],
    ['a Saturday is not a business day', '2026-12-05', false],
    ['a Sunday neither', '2026-12-06', false],
    ['12/31 banks are closed', '2026-12-31', false],
    ['the 15th banking day after today is the last taken', '2026-12-25', true],
    ['the 16th is not', '2026-12-28', false],
    ['a year ahead, which the header’s MMDD would read as this year’s day, is not', '2027-12-14', false],
    ['nor the year 9999', '9999-12-14', false],
    ['an impossible date', '2027-02-30', false],
    ['not a date', '12/7', false],
  ])('%s', (_rule, value, ok) => {
    expect(checkFutureTransferDate(value, NOW).ok).toBe(ok);
  });

  it.each([
    ['1/4 they are open', '2027-01-04', true],
    ['成人の日 (the second Monday of January) is a national holiday', '2027-01-11', false],
    ['a 振替休日 is a holiday too (2026-05-03 falls on a Sunday)', '2026-05-06', false],
    ['the day after a holiday is open', '2027-01-12', true],
  ])('a banking day: %s', (_rule, value, ok) => {
    expect(checkTransferDate(value).ok).toBe(ok);
  });

  it('names the weekday in Japanese, the date written as the other messages write it', () => {
    expect(checkTransferDate('2026-12-05')).toEqual({ ok: false, message: '振込指定日「2026年12月5日(土)」は土曜日です。銀行の営業日を指定してください。' });
  });

  it('names the holiday', () => {
    expect(checkTransferDate('2027-01-11')).toEqual({
      ok: false,
      message: '振込指定日「2027年1月11日(月)」は祝日（成人の日）です。銀行の営業日を指定してください。',
    });
  });

  it('says a past date is past before saying it is a Saturday', () => {
    expect(checkFutureTransferDate('2026-11-28', NOW)).toEqual({
      ok: false,
      message: '振込指定日「2026年11月28日(土)」は明日以降の銀行の営業日を指定してください（本日 2026年12月4日(金)）。',
    });
  });

  it('refuses a date beyond the bound naming the last allowed date, before its weekday', () => {
    expect(TRANSFER_DATE_MAX_BANKING_DAYS).toBe(15);
    expect(checkFutureTransferDate('9999-12-14', NOW)).toEqual({
      ok: false,
      message:
        '振込指定日「9999年12月14日(火)」は指定できる期間を超えています。銀行が総合振込の予約を受け付けるのは15営業日先までのため、2026年12月25日(金)までの銀行の営業日を指定してください。',
    });
    expect(checkFutureTransferDate('2027-01-02', NOW)).toMatchObject({ ok: false, message: expect.stringContaining('指定できる期間を超えています') });
  });

  it('counts banking days past the year end and the holidays', () => {
    // 12/28–30, then 1/4–8, 1/12–15 (1/11 成人の日), 1/18–20
    expect(lastTransferDate(new Date('2026-12-25T03:00:00Z'))).toBe('2027-01-20');
  });

  it('reads the date in JST', () => {
    expect(jstDate(NOW)).toBe('2026-12-04');
    expect(lastTransferDate(NOW)).toBe('2026-12-25');
  });
});

describe('振込日 of a confirmation', () => {
  it.each([
    ['the 振込指定日 itself', '2026-12-02', true],
    ['today', '2026-12-04', true],
    ['before the 振込指定日', '2026-12-01', false],
    ['a weekend between', '2026-11-29', false],
  ])('%s', (_rule, value, ok) => {
    expect(checkPaidOn(value, NOW, value === '2026-11-29' ? '2026-11-27' : '2026-12-02').ok).toBe(ok);
  });

  it('says a future date is in the future before saying it is a Sunday', () => {
    expect(checkPaidOn('2026-12-06', NOW, '2026-12-02')).toEqual({
      ok: false,
      message: '振込日「2026年12月6日(日)」は未来の日付です。銀行が振り込んだ日を指定してください。',
    });
  });

  it('writes a Sunday as the neighbouring messages write dates', () => {
    expect(checkPaidOn('2026-11-29', NOW, '2026-11-27')).toEqual({
      ok: false,
      message: '振込日「2026年11月29日(日)」は日曜日です。銀行の営業日を指定してください。',
    });
  });
});

describe('onOrAfterBankingDay', () => {
  it.each([
    ['a banking day is itself', '2026-12-04', '2026-12-04'],
    ['a Sunday moves to Monday', '2026-12-20', '2026-12-21'],
    ['a Saturday before a holiday Monday moves past both (2027-01-09 → 成人の日 01-11 → 01-12)', '2027-01-09', '2027-01-12'],
    ['年末年始 moves past 1/3 and the weekend after it', '2026-12-31', '2027-01-04'],
  ])('%s', (_rule, date, expected) => {
    expect(onOrAfterBankingDay(date)).toBe(expected);
  });
});
