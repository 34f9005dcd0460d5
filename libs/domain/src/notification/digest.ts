/**
 * The managers' daily digest (日次サマリー): the figures are gathered by the API, this turns them into
 * the text the `managerDigest` template's {{digestSummary}} shows.
 */
import { formatJst } from '../time';

export interface DigestRound {
  readonly roundName: string;
  readonly programName: string;
  /** 'open' = still accepting applications (including a grace period), 'closed' = past the deadline */
  readonly phase: 'open' | 'closed';
  readonly closesAt: Date | string;
  /** applications per state, in the workflow's order, with the state's Japanese label */
  readonly states: readonly { readonly label: string; readonly count: number }[];
  /** applications received in the 24 hours before the digest */
  readonly newSinceYesterday: number;
}

export interface DigestFacts {
  readonly rounds: readonly DigestRound[];
  /** failed notifications: updated in the 24 hours before the digest / all still failed */
  readonly failedNotifications: { readonly lastDay: number; readonly total: number };
}

export function formatDigestSummary(facts: DigestFacts): string {
  const lines: string[] = ['■ 公募回ごとの申請件数'];
  if (facts.rounds.length === 0) lines.push('  対象の公募回はありません。');
  for (const r of facts.rounds) {
    const total = r.states.reduce((sum, s) => sum + s.count, 0);
    const phase = r.phase === 'open' ? `受付中（締切 ${formatJst(r.closesAt)}）` : `締切済（${formatJst(r.closesAt)}）`;
    lines.push(`【${r.roundName}（${r.programName}）】${phase}`);
    lines.push(`  合計 ${total.toLocaleString('ja-JP')}件（前日からの新規受付 ${r.newSinceYesterday.toLocaleString('ja-JP')}件）`);
    const states = r.states.filter((s) => s.count > 0).map((s) => `${s.label} ${s.count.toLocaleString('ja-JP')}件`);
    lines.push(`  ${states.length ? states.join(' / ') : '申請はまだありません'}`);
  }
  lines.push('', '■ 送信に失敗した通知');
  const f = facts.failedNotifications;
  lines.push(`  直近24時間 ${f.lastDay.toLocaleString('ja-JP')}件（失敗のままの通知 合計 ${f.total.toLocaleString('ja-JP')}件）`);
  if (f.total > 0) lines.push('  管理画面の「通知」で状態「失敗」を絞り込み、宛先を確認して再送してください。');
  return lines.join('\n');
}
