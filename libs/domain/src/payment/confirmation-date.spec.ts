import { paymentConfirmationRefusal } from './confirmation-date';

// 2026-12-03T20:00Z is 2026-12-04 (金) 05:00 in JST.
const NOW = new Date('2026-12-03T20:00:00Z');

describe('振込の確定は振込指定日から', () => {
  it.each([
    ['the 振込指定日 itself (JST: UTC still says the 3rd)', '2026-12-04', true],
    ['a 振込指定日 already past', '2026-12-01', true],
    ['a 振込指定日 still to come', '2026-12-07', false],
  ])('%s', (_rule, transferDate, confirmable) => {
    expect(paymentConfirmationRefusal(transferDate, NOW) === null).toBe(confirmable);
  });

  it('names the 振込指定日 and today as the payments messages write dates', () => {
    expect(paymentConfirmationRefusal('2026-12-07', NOW)).toBe(
      'この支払バッチの振込指定日は2026年12月7日(月)です。振込の確定は振込指定日以降に行えます（本日 2026年12月4日(金)）。',
    );
  });
});
