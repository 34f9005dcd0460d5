import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { RoundsModule } from '../rounds/rounds.module';
import { RubricsModule } from '../rubrics/rubrics.module';
import { ApplicationAssignment } from './application-assignment.entity';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { RoundAssignmentsController } from './round-assignments.controller';

/** 審査員の割当 (application_assignment): automatic, manual, reassignment, revocation; the reviewer pool the planner reads. */
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationAssignment]), ApplicationsModule, RoundsModule, RubricsModule],
  controllers: [AssignmentsController, RoundAssignmentsController],
  providers: [AssignmentsRepository, AssignmentsService],
  exports: [AssignmentsRepository, AssignmentsService],
})
export class AssignmentsModule {}
