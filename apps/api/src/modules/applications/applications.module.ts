import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationAssignment } from '../assignments/application-assignment.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgramsModule } from '../programs/programs.module';
import { Application } from './application.entity';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { CorrectionPeriodsRepository } from './correction-periods.repository';
import { ApplicationsService } from './applications.service';
import { ApplicantHistoryController } from './applicant-history.controller';
import { ApplicantHistoryRepository } from './applicant-history.repository';
import { ApplicantHistoryService } from './applicant-history.service';
import { ReconsiderationController } from './reconsideration.controller';
import { ReconsiderationService } from './reconsideration.service';
import { TransitionsService } from './transitions.service';

/**
 * Applications and their state changes. A transition writes its outbox rows through NotificationsRepository
 * and locks the round's rule set through RulesRepository (the audit module is global).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationAssignment]), NotificationsModule, ProgramsModule],
  controllers: [ApplicationsController, ReconsiderationController, ApplicantHistoryController],
  providers: [
    ApplicationsRepository,
    ApplicantHistoryRepository,
    CorrectionPeriodsRepository,
    ApplicationsService,
    TransitionsService,
    ReconsiderationService,
    ApplicantHistoryService,
  ],
  exports: [ApplicationsRepository, CorrectionPeriodsRepository, ApplicationsService, TransitionsService],
})
export class ApplicationsModule {}
