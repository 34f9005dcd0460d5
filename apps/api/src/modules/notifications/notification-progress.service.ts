import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_STATUSES, NotificationStatus } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';

export class NotificationCountsDto {
  @ApiProperty({ description: '通知の件数', example: 20000 }) total!: number;
  @ApiProperty({
    description: '状態ごとの件数 (held 保留, pending 送信待ち, queued キュー投入, sending 送信中, sent 送信済, failed 失敗, uncertain 要確認, cancelled 取消)',
    example: { held: 0, pending: 0, queued: 1200, sending: 10, sent: 18780, failed: 10, uncertain: 0, cancelled: 0 },
  })
  byStatus!: Record<NotificationStatus, number>;
}

export class RoundNotificationCountsDto extends NotificationCountsDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ example: '第12回公募' }) roundName!: string;
  @ApiProperty({ description: 'この公募回の通知が最後に変化した日時' }) lastChangedAt!: string;
}

export class NotificationProgressDto {
  @ApiProperty({ type: NotificationCountsDto, description: 'すべての通知 (roundId 指定時はその公募回の通知)' }) overall!: NotificationCountsDto;
  @ApiProperty({ type: [RoundNotificationCountsDto], description: '公募回ごと、最近動きのあった順に最大20件' }) rounds!: RoundNotificationCountsDto[];
  @ApiProperty({ description: '集計した時刻' }) countedAt!: string;
}

const ROUNDS_SHOWN = 20;
const zero = (): Record<NotificationStatus, number> => Object.fromEntries(NOTIFICATION_STATUSES.map((s) => [s, 0])) as Record<NotificationStatus, number>;

/** Fan-out progress: how many notifications are in each state, overall and per round (the admin polls it). */
@Injectable()
export class NotificationProgressService {
  constructor(private readonly repo: NotificationsRepository) {}

  async progress(roundId?: string): Promise<NotificationProgressDto> {
    const rows = await this.repo.statusCounts(roundId);
    const overall: NotificationCountsDto = { total: 0, byStatus: zero() };
    const rounds = new Map<string, RoundNotificationCountsDto>();
    for (const row of rows) {
      overall.total += row.n;
      overall.byStatus[row.status] += row.n;
      if (!row.roundId) continue;
      const round = rounds.get(row.roundId) ?? { roundId: row.roundId, roundName: row.roundName ?? '', total: 0, byStatus: zero(), lastChangedAt: '' };
      round.total += row.n;
      round.byStatus[row.status] += row.n;
      const at = new Date(row.lastChangedAt).toISOString();
      if (at > round.lastChangedAt) round.lastChangedAt = at;
      rounds.set(row.roundId, round);
    }
    const recent = [...rounds.values()].sort((a, b) => b.lastChangedAt.localeCompare(a.lastChangedAt)).slice(0, ROUNDS_SHOWN);
    return { overall, rounds: recent, countedAt: new Date().toISOString() };
  }
}
