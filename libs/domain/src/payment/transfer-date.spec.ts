import { jstDate } from '../time/jst';
import { checkFutureTransferDate, checkTransferDate } from './transfer-date';

// 2026-12-03T20:00Z is 2026-12-04 (金) 05:00 in JST.
const NOW = new Date('2026-12-03T20:00:00Z');

describe('振込指定日', () => {
  it.each([
    ['a weekday after today is taken', '2026-12-07', true],
    ['today in JST is not in the future (UTC would still say the 3rd)', '2026-12-04', false],
    ['a Saturday is not a business day', '2026-12-05', false],
    ['a Sunday neither', '2026-12-06', false],
    ['12/31 banks are closed', '2026-12-31', false],
    ['1/4 they are open', '2027-01-04', true],
    ['成人の日 (the second Monday of January) is a national holiday', '2027-01-11', false],
    ['a 振替休日 is a holiday too (2026-05-03 falls on a Sunday)', '2026-05-06', false],
    ['the day after a holiday is open', '2027-01-12', true],
    ['an impossible date', '2027-02-30', false],
    ['not a date', '12/7', false],
  ])('%s', (_rule, value, ok) => {
    expect(checkFutureTransferDate(value, NOW).ok).toBe(ok);
  });

  it('names the weekday in Japanese', () => {
    expect(checkTransferDate('2026-12-05', NOW)).toEqual({ ok: false, message: '振込指定日「2026-12-05」は土曜日です。銀行の営業日を指定してください。' });
  });

  it('names the holiday', () => {
    expect(checkTransferDate('2027-01-11', NOW)).toEqual({
      ok: false,
      message: '振込指定日「2027-01-11」は祝日（成人の日）です。銀行の営業日を指定してください。',
    });
  });

  it('reads the date in JST', () => {
    expect(jstDate(NOW)).toBe('2026-12-04');
  });
});
