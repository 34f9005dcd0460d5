import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AssignmentsModule } from '../assignments/assignments.module';
import { IntakeModule } from '../intake/intake.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostAwardModule } from '../post-award/post-award.module';
import { RoundsModule } from '../rounds/rounds.module';
import { CloseRoundsJob } from './close-rounds.job';
import { CloseUncorrectedJob } from './close-uncorrected.job';
import { ManagerDigestJob } from './manager-digest.job';
import { RemindCommercializationReportsJob } from './remind-commercialization-reports.job';
import { RemindCorrectionsJob } from './remind-corrections.job';
import { RemindReviewersJob } from './remind-reviewers.job';
import { RemoveOrphanAttachmentsJob } from './remove-orphan-attachments.job';
import { SchedulesRepository } from './schedules.repository';

const JOBS = [
  CloseRoundsJob,
  RemindReviewersJob,
  ManagerDigestJob,
  RemindCorrectionsJob,
  RemindCommercializationReportsJob,
  CloseUncorrectedJob,
  RemoveOrphanAttachmentsJob,
];

/**
 * Scheduled work run by the worker (see worker/worker-scheduler.ts): closing rounds, reviewer reminders,
 * the managers' digest, the applicants' 補正期限 and 事業化状況報告 reminders, closing applications left uncorrected, and
 * removing uploaded attachments never linked to an application. The jobs write other modules' tables
 * through those modules' repositories (exported by the modules imported here); this module's own table is
 * manager_digest.
 */
@Module({
  imports: [ApplicationsModule, AssignmentsModule, IntakeModule, NotificationsModule, PostAwardModule, RoundsModule],
  providers: [SchedulesRepository, ...JOBS],
  exports: [SchedulesRepository, ...JOBS],
})
export class SchedulesModule {}
