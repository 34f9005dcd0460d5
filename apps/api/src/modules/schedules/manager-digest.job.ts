import { Injectable } from '@nestjs/common';
import { DigestFacts, formatDigestSummary, formatJstDate } from '@jimukyoku/domain';
import { getWorkflow } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { SchedulesRepository } from './schedules.repository';

/**
 * The managers' daily digest (08:00 JST): per active round the applications per state and the new ones
 * since yesterday, and the failed notifications; one `managerDigest` email per active manager and JST
 * day (manager_digest's key), however often or on however many workers the job runs.
 */
@Injectable()
export class ManagerDigestJob implements JobHandler<JobName.SendManagerDigest> {
  readonly jobName = JobName.SendManagerDigest;

  constructor(private readonly repo: SchedulesRepository) {}

  async handle(): Promise<number> {
    return this.repo.transaction(async (m) => {
      const { now, day } = await this.repo.today(m);
      const managers = await this.repo.activeManagers(m);
      if (managers.length === 0) return 0;
      const summary = formatDigestSummary(await this.facts(m));
      const digestDate = formatJstDate(now);
      let sent = 0;
      for (const manager of managers) {
        if (!(await this.repo.claimDigest(m, day, manager.id))) continue;
        const [id] = await this.repo.insertNotifications(m, [
          { applicationId: null, template: 'managerDigest', recipient: manager.email, payload: { recipientName: manager.name, digestDate, digestSummary: summary, digestDay: day } },
        ]);
        await this.repo.linkDigest(m, day, manager.id, id);
        sent++;
      }
      return sent;
    });
  }

  /** The figures of the digest, as of the database's now. */
  async facts(m: EntityManager): Promise<DigestFacts> {
    const rounds = await this.repo.activeRounds(m);
    const { byState, fresh } = await this.repo.applicationCounts(m, rounds.map((r) => r.id));
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
      failedNotifications: await this.repo.failedNotifications(m),
    };
  }
}
