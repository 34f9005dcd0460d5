import { notificationStatusColor, progressSummary, type NotificationCounts } from './notification';

const counts = (byStatus: Partial<NotificationCounts['byStatus']>): NotificationCounts => {
  const full = { held: 0, pending: 0, queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, cancelled: 0, ...byStatus };
  return { total: Object.values(full).reduce((a, b) => a + b, 0), byStatus: full };
};

describe('progressSummary: the groups of 送信の進捗', () => {
  it.each([
    ['送信待ち is pending + queued + sending', counts({ pending: 1, queued: 2, sending: 3 }), { waiting: 6, total: 6, percentSent: 0 }],
    ['失敗・要確認 is failed + uncertain', counts({ sent: 8, failed: 1, uncertain: 1 }), { sent: 8, problems: 2, total: 10, percentSent: 80 }],
    ['cancelled ones are left out of the total', counts({ sent: 3, cancelled: 1 }), { total: 3, percentSent: 100 }],
    ['100% only when every one is sent', counts({ sent: 999, queued: 1 }), { percentSent: 99 }],
    ['held ones are their own group', counts({ held: 5 }), { held: 5, waiting: 0 }],
    ['nothing at all', counts({}), { total: 0, percentSent: 0 }],
  ])('%s', (_rule, input, expected) => {
    expect(progressSummary(input)).toMatchObject(expected);
  });

  it('shows 要確認 like 失敗 (a person has to look)', () => {
    expect(notificationStatusColor('uncertain')).toBe(notificationStatusColor('failed'));
  });
});
