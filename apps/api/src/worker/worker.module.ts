import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationExportsModule } from '../modules/application-exports/application-exports.module';
import { RemoveExpiredExportsJob } from '../modules/application-exports/remove-expired-exports.job';
import { ResumeUnfinishedExports } from '../modules/application-exports/resume-unfinished-exports';
import { RunApplicationExportJob } from '../modules/application-exports/run-application-export.job';
import { ImportsModule } from '../modules/imports/imports.module';
import { ResumeUnfinishedImports } from '../modules/imports/resume-unfinished-imports';
import { RunImportJob } from '../modules/imports/run-import.job';
import { DispatchNotificationsJob } from '../modules/notifications/dispatch-notifications.job';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { RequeueStrandedNotificationsJob } from '../modules/notifications/requeue-stranded-notifications.job';
import { SendNotificationJob } from '../modules/notifications/send-notification.job';
import { SealAuditLogJob } from '../modules/audit/seal-audit-log.job';
import { FoldPipelineCountsJob } from '../modules/pipeline/fold-pipeline-counts.job';
import { PipelineModule } from '../modules/pipeline/pipeline.module';
import { CloseRoundsJob } from '../modules/schedules/close-rounds.job';
import { CloseUncorrectedJob } from '../modules/schedules/close-uncorrected.job';
import { ManagerDigestJob } from '../modules/schedules/manager-digest.job';
import { RemindCommercializationReportsJob } from '../modules/schedules/remind-commercialization-reports.job';
import { RemindCorrectionsJob } from '../modules/schedules/remind-corrections.job';
import { RemindReviewersJob } from '../modules/schedules/remind-reviewers.job';
import { RemoveOrphanAttachmentsJob } from '../modules/schedules/remove-orphan-attachments.job';
import { SchedulesModule } from '../modules/schedules/schedules.module';
import { QueueModule, QueueName } from '../queue';
import { buildHandlerRegistry } from './handler-registry';
import { HeartbeatJob } from './heartbeat.job';
import { JobHandler } from './job-handler';
import { HANDLER_REGISTRY, processorsFor } from './queue-processors';
import { WorkerScheduler } from './worker-scheduler';

/** Handlers defined in this module; feature handlers come from their modules' exports. */
const LOCAL_HANDLERS = [HeartbeatJob];
const FEATURE_HANDLERS = [
  RunImportJob,
  DispatchNotificationsJob,
  SendNotificationJob,
  RequeueStrandedNotificationsJob,
  CloseRoundsJob,
  RemindReviewersJob,
  ManagerDigestJob,
  RemindCorrectionsJob,
  RemindCommercializationReportsJob,
  CloseUncorrectedJob,
  SealAuditLogJob,
  RemoveOrphanAttachmentsJob,
  RunApplicationExportJob,
  RemoveExpiredExportsJob,
  FoldPipelineCountsJob,
];

/**
 * The queue worker: processors for the queues given (a process may take only some of them, see
 * WORKER_QUEUES), one handler per job (every job has one, whichever queues are consumed), and the
 * repeatable jobs.
 */
@Module({})
export class WorkerModule {
  static forQueues(queues: readonly QueueName[]): DynamicModule {
    return {
      module: WorkerModule,
      imports: [QueueModule, ImportsModule, NotificationsModule, SchedulesModule, ApplicationExportsModule, PipelineModule],
      providers: [
        ...LOCAL_HANDLERS,
        {
          provide: HANDLER_REGISTRY,
          inject: [...LOCAL_HANDLERS, ...FEATURE_HANDLERS],
          useFactory: (...handlers: JobHandler[]) => buildHandlerRegistry(handlers),
        },
        ...processorsFor(queues),
        ...(queues.includes(QueueName.Imports) ? [ResumeUnfinishedImports] : []),
        ...(queues.includes(QueueName.Exports) ? [ResumeUnfinishedExports] : []),
        WorkerScheduler,
      ],
    };
  }
}
