import { Injectable } from '@nestjs/common';
import { DigestFacts, formatDigestSummary, formatJstDate } from '@jimukyoku/domain';
import { getWorkflow } from '@jimukyoku/workflow';
import { UnitOfWork, type Transaction } from '../../database';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { SchedulesRepository } from './schedules.repository';

/**
 * The managers' daily digest (08:00 JST): per active round the applications per state and the new ones
 * since yesterday, and the failed notifications; one `managerDigest` email per active manager and JST
 * day (manager_digest's key), however often or on however many workers the job runs.
 */
@Injectable()
export class ManagerDigestJob implements JobHandler<JobName.SendManagerDigest> {
  readonly jobName = JobName.SendManagerDigest;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: SchedulesRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async handle(): Promise<number> {
    return this.uow.run(async (tx) => {
      const { now, day } = await this.repo.today(tx);
      const managers = await this.repo.activeManagers(tx);
      if (managers.length === 0) return 0;
      const summary = formatDigestSummary(await this.facts(tx));
      const digestDate = formatJstDate(now);
      let sent = 0;
      for (const manager of managers) {
        if (!(await this.repo.claimDigest(day, manager.id, tx))) continue;
        const [id] = await this.notifications.insertPending(
          [
            {
              applicationId: null,
              template: 'managerDigest',
              recipient: manager.email,
              payload: { recipientName: manager.name, digestDate, digestSummary: summary, digestDay: day },
            },
          ],
          tx,
        );
        await this.repo.linkDigest(day, manager.id, id, tx);
        sent++;
      }
      return sent;
    });
  }

  /** The figures of the digest, as of the database's now (in `tx`, or in a read transaction of its own). */
  async facts(tx?: Transaction): Promise<DigestFacts> {
    if (!tx) return this.uow.run((own) => this.facts(own));
    const rounds = await this.repo.activeRounds(tx);
    const { byState, fresh } = await this.repo.applicationCounts(
      rounds.map((r) => r.id),
      tx,
    );
    return {
      rounds: rounds.map((r) => {
        const definition = getWorkflow(r.workflowKind, r.workflowVersion);
        const counts = new Map(byState.filter((c) => c.roundId === r.id).map((c) => [c.status, c.n]));
        const known = definition.states.map((s) => ({ label: s.label, count: counts.get(s.code) ?? 0 }));
        const unknown = [...counts].filter(([code]) => !definition.states.some((s) => s.code === code)).map(([code, count]) => ({ label: code, count }));
        return {
          roundName: r.name,
          programName: r.programName,
          phase: r.open ? ('open' as const) : ('closed' as const),
          closesAt: r.closesAt,
          states: [...known, ...unknown],
          newSinceYesterday: fresh.find((f) => f.roundId === r.id)?.n ?? 0,
        };
      }),
      failedNotifications: await this.notifications.failedCounts(tx),
    };
  }
}
