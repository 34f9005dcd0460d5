import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CloseRoundsJob } from './close-rounds.job';
import { CloseUncorrectedJob } from './close-uncorrected.job';
import { ManagerDigestJob } from './manager-digest.job';
import { RemindCorrectionsJob } from './remind-corrections.job';
import { RemindReviewersJob } from './remind-reviewers.job';
import { SchedulesRepository } from './schedules.repository';

const JOBS = [CloseRoundsJob, RemindReviewersJob, ManagerDigestJob, RemindCorrectionsJob, CloseUncorrectedJob];

/**
 * Scheduled work run by the worker (see worker/worker-scheduler.ts): closing rounds, reviewer reminders,
 * the managers' digest, the applicants' 補正期限 reminders, and closing applications left uncorrected.
 */
@Module({
  imports: [ApplicationsModule],
  providers: [SchedulesRepository, ...JOBS],
  exports: [SchedulesRepository, ...JOBS],
})
export class SchedulesModule {}
