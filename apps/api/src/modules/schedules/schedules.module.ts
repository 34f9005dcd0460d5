import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IntakeModule } from '../intake/intake.module';
import { CloseRoundsJob } from './close-rounds.job';
import { CloseUncorrectedJob } from './close-uncorrected.job';
import { ManagerDigestJob } from './manager-digest.job';
import { RemindCorrectionsJob } from './remind-corrections.job';
import { RemindReviewersJob } from './remind-reviewers.job';
import { RemoveOrphanAttachmentsJob } from './remove-orphan-attachments.job';
import { SchedulesRepository } from './schedules.repository';

const JOBS = [CloseRoundsJob, RemindReviewersJob, ManagerDigestJob, RemindCorrectionsJob, CloseUncorrectedJob, RemoveOrphanAttachmentsJob];

/**
 * Scheduled work run by the worker (see worker/worker-scheduler.ts): closing rounds, reviewer reminders,
 * the managers' digest, the applicants' 補正期限 reminders, closing applications left uncorrected, and
 * removing uploaded attachments never linked to an application.
 */
@Module({
  imports: [ApplicationsModule, IntakeModule],
  providers: [SchedulesRepository, ...JOBS],
  exports: [SchedulesRepository, ...JOBS],
})
export class SchedulesModule {}
