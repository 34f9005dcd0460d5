import { Module } from '@nestjs/common';
import { CloseRoundsJob } from './close-rounds.job';
import { ManagerDigestJob } from './manager-digest.job';
import { RemindReviewersJob } from './remind-reviewers.job';
import { SchedulesRepository } from './schedules.repository';

/** Scheduled work run by the worker (see worker/worker-scheduler.ts): closing rounds, reviewer reminders, the managers' digest. */
@Module({
  providers: [SchedulesRepository, CloseRoundsJob, RemindReviewersJob, ManagerDigestJob],
  exports: [SchedulesRepository, CloseRoundsJob, RemindReviewersJob, ManagerDigestJob],
})
export class SchedulesModule {}
