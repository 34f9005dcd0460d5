import { formatJstDate } from '../time';
import { formatDigestSummary } from './digest';

describe('formatDigestSummary', () => {
  it('shows each round with its counts per state, the new applications and the failed notifications', () => {
    const text = formatDigestSummary({
      rounds: [
        {
          roundName: '第12回公募',
          programName: '事業再構築補助金',
          phase: 'open',
          closesAt: '2026-01-30T09:00:00Z',
          states: [
            { label: '申請済（受付）', count: 1200 },
            { label: '差戻し', count: 3 },
            { label: '採択（交付候補者）', count: 0 },
          ],
          newSinceYesterday: 42,
        },
      ],
      failedNotifications: { lastDay: 2, total: 5 },
    });
    expect(text).toContain('【第12回公募（事業再構築補助金）】受付中（締切 2026年1月30日(金) 18:00:00）');
    expect(text).toContain('合計 1,203件（前日からの新規受付 42件）');
    expect(text).toContain('申請済（受付） 1,200件 / 差戻し 3件');
    expect(text).not.toContain('採択（交付候補者） 0件');
    expect(text).toContain('直近24時間 2件（失敗のままの通知 合計 5件）');
  });

  it('says so when no round is active and nothing failed', () => {
    const text = formatDigestSummary({ rounds: [], failedNotifications: { lastDay: 0, total: 0 } });
    expect(text).toContain('対象の公募回はありません。');
    expect(text).not.toContain('再送してください');
  });

  it('names the JST calendar day', () => {
    expect(formatJstDate('2026-01-04T23:00:00Z')).toBe('2026年1月5日(月)');
  });
});
