import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../queue';
import { HEARTBEAT_EVERY_MS } from './heartbeat.job';

/** how often the outbox is swept for notifications to send */
export const DISPATCH_EVERY_MS = 1_000;
/** how often notifications whose send job is gone are looked for */
export const REQUEUE_STRANDED_EVERY_MS = 60_000;
/** how often rounds past their deadline are closed, and reviewers with a review due soon reminded */
export const CLOSE_ROUNDS_EVERY_MS = 30_000;
export const REMIND_REVIEWERS_EVERY_MS = 5 * 60_000;
/** how often applicants are reminded of a near 補正期限, and returned applications past it closed */
export const REMIND_CORRECTIONS_EVERY_MS = 5 * 60_000;
/** the 事業化状況報告 reminders are days ahead: hourly is prompt enough */
export const REMIND_COMMERCIALIZATION_REPORTS_EVERY_MS = 60 * 60_000;
export const CLOSE_UNCORRECTED_EVERY_MS = 5 * 60_000;
/** how often committed audit records are sealed into the hash chain */
export const SEAL_AUDIT_LOG_EVERY_MS = 10_000;
/** how often the dashboard's count changes are folded into its kept counts */
export const FOLD_PIPELINE_COUNTS_EVERY_MS = 10_000;
/** how often uploaded attachments never linked to an application are looked for */
export const REMOVE_ORPHAN_ATTACHMENTS_EVERY_MS = 60 * 60_000;
/** how often stored export files past EXPORT_RETENTION_HOURS are looked for */
export const REMOVE_EXPIRED_EXPORTS_EVERY_MS = 60 * 60_000;
/** the managers' daily digest: 08:00 in Tokyo */
export const MANAGER_DIGEST_CRON = '0 8 * * *';
/** how often the schedules are re-asserted (a Redis that restarted empty has lost them) */
const REASSERT_EVERY_MS = 15_000;

/**
 * Registers the repeatable jobs. Job schedulers are keyed by id, so several workers starting at once
 * still produce one schedule; re-asserting them periodically brings them back after Redis lost its data.
 */
@Injectable()
export class WorkerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QueueName.System) private readonly system: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
  ) {}

  async onApplicationBootstrap() {
    await this.assert();
    this.timer = setInterval(
      () => this.assert().catch((e) => this.logger.warn(`could not re-assert job schedules: ${(e as Error).message}`)),
      REASSERT_EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private async assert() {
    await this.system.upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: JobName.WorkerHeartbeat, data: {} });
    await this.notifications.upsertJobScheduler('dispatch', { every: DISPATCH_EVERY_MS }, { name: JobName.DispatchNotifications, data: {} });
    await this.notifications.upsertJobScheduler(
      'requeue-stranded',
      { every: REQUEUE_STRANDED_EVERY_MS },
      { name: JobName.RequeueStrandedNotifications, data: {} },
    );
    await this.system.upsertJobScheduler('close-rounds', { every: CLOSE_ROUNDS_EVERY_MS }, { name: JobName.CloseRounds, data: {} });
    await this.system.upsertJobScheduler('remind-reviewers', { every: REMIND_REVIEWERS_EVERY_MS }, { name: JobName.RemindReviewers, data: {} });
    await this.system.upsertJobScheduler('remind-corrections', { every: REMIND_CORRECTIONS_EVERY_MS }, { name: JobName.RemindCorrections, data: {} });
    await this.system.upsertJobScheduler(
      'remind-commercialization-reports',
      { every: REMIND_COMMERCIALIZATION_REPORTS_EVERY_MS },
      { name: JobName.RemindCommercializationReports, data: {} },
    );
    await this.system.upsertJobScheduler('close-uncorrected', { every: CLOSE_UNCORRECTED_EVERY_MS }, { name: JobName.CloseUncorrected, data: {} });
    await this.system.upsertJobScheduler('seal-audit-log', { every: SEAL_AUDIT_LOG_EVERY_MS }, { name: JobName.SealAuditLog, data: {} });
    await this.system.upsertJobScheduler('fold-pipeline-counts', { every: FOLD_PIPELINE_COUNTS_EVERY_MS }, { name: JobName.FoldPipelineCounts, data: {} });
    await this.system.upsertJobScheduler(
      'remove-orphan-attachments',
      { every: REMOVE_ORPHAN_ATTACHMENTS_EVERY_MS },
      { name: JobName.RemoveOrphanAttachments, data: {} },
    );
    await this.system.upsertJobScheduler(
      'remove-expired-exports',
      { every: REMOVE_EXPIRED_EXPORTS_EVERY_MS },
      { name: JobName.RemoveExpiredExports, data: {} },
    );
    await this.system.upsertJobScheduler('manager-digest', { pattern: MANAGER_DIGEST_CRON, tz: 'Asia/Tokyo' }, { name: JobName.SendManagerDigest, data: {} });
  }
}
