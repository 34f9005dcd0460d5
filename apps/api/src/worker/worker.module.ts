import { Module } from '@nestjs/common';
import { QueueModule } from '../queue';
import { buildHandlerRegistry } from './handler-registry';
import { HeartbeatJob } from './heartbeat.job';
import { JobHandler } from './job-handler';
import { HANDLER_REGISTRY, QUEUE_PROCESSORS } from './queue-processors';
import { WorkerScheduler } from './worker-scheduler';

const HANDLERS = [HeartbeatJob];

/** The queue worker: processors for every queue, one handler per job, and the repeatable jobs. */
@Module({
  imports: [QueueModule],
  providers: [
    ...HANDLERS,
    {
      provide: HANDLER_REGISTRY,
      inject: HANDLERS,
      useFactory: (...handlers: JobHandler[]) => buildHandlerRegistry(handlers),
    },
    ...QUEUE_PROCESSORS,
    WorkerScheduler,
  ],
})
export class WorkerModule {}
