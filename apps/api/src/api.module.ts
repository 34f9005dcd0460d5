import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AppConfigModule } from './config';
import { DatabaseModule } from './database';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './auth/rate-limit.module';
import { HealthModule } from './health/health.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { ApplicationExportsModule } from './modules/application-exports/application-exports.module';
import { AuditModule } from './modules/audit/audit.module';
import { ImportsModule } from './modules/imports/imports.module';
import { IntakeModule } from './modules/intake/intake.module';
import { PostAwardModule } from './modules/post-award/post-award.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotificationTemplatesModule } from './modules/notification-templates/notification-templates.module';
import { DevMailModule } from './dev/dev-mail.controller';
import { ProgramsModule } from './modules/programs/programs.module';
import { QuotesModule } from './modules/quotes/quotes.module';
import { PipelineModule } from './modules/pipeline/pipeline.module';
import { WorkflowDefinitionsCheckModule, WorkflowsModule } from './modules/workflows/workflows.module';
import { AdoptionModule } from './modules/adoption/adoption.module';
import { AssignmentsModule } from './modules/assignments/assignments.module';
import { FormalCheckModule } from './modules/formal-check/formal-check.module';
import { CorrespondenceModule } from './modules/correspondence/correspondence.module';
import { BankAccountsModule } from './modules/bank-accounts/bank-accounts.module';
import { PaymentBatchesModule } from './modules/payment-batches/payment-batches.module';
import { StatusLinksModule } from './modules/status-links/status-links.module';
import { ReviewersModule } from './modules/reviewers/reviewers.module';
import { RubricsModule } from './modules/rubrics/rubrics.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { RoundsModule } from './modules/rounds/rounds.module';
import { UsersModule } from './modules/users/users.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule, QueueName } from './queue';
import { RedisModule } from './redis';
import { WorkerModule } from './worker/worker.module';

/** Infrastructure shared by the HTTP app and the worker. */
export function coreImports(config: AppConfig) {
  return [AppConfigModule.with(config), LoggingModule, DatabaseModule, RedisModule, QueueModule, AuditModule, RateLimitModule, WorkflowDefinitionsCheckModule];
}

/**
 * The queues the API's in-process worker (WORKER_ENABLED) consumes: never imports, whose parsing of
 * uploaded files is the worker process's job (`npm start` starts one beside the API).
 */
export const inProcessWorkerQueues = (config: AppConfig) => config.workerQueues.filter((q) => q !== QueueName.Imports);

/** The HTTP app; with `workerEnabled` it also runs the queue worker (all but the imports queue) in the same process. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...coreImports(config),
        AuthModule,
        UsersModule,
        ProgramsModule,
        RoundsModule,
        QuotesModule,
        ApplicationsModule,
        ApplicationExportsModule,
        FormalCheckModule,
        CorrespondenceModule,
        BankAccountsModule,
        PaymentBatchesModule,
        StatusLinksModule,
        RubricsModule,
        ReviewersModule,
        AssignmentsModule,
        ScoringModule,
        AdoptionModule,
        PipelineModule,
        WorkflowsModule,
        IntakeModule,
        PostAwardModule,
        ImportsModule,
        NotificationsModule,
        NotificationTemplatesModule,
        DevMailModule,
        HealthModule,
        ...(config.workerEnabled ? [WorkerModule.forQueues(inProcessWorkerQueues(config))] : []),
      ],
    };
  }
}

/** The worker process: queues and jobs, no HTTP. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerAppModule, imports: [...coreImports(config), WorkerModule.forQueues(config.workerQueues)] };
  }
}
