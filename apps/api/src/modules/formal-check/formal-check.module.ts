import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AssignmentsModule } from '../assignments/assignments.module';
import { ProgramsModule } from '../programs/programs.module';
import { FormalCheckController } from './formal-check.controller';
import { FormalCheckRepository } from './formal-check.repository';
import { FormalCheckService } from './formal-check.service';

/** 要件確認: the checklist of an application, answered and completed as 審査へ / 差戻し / 要件不適合. Owns no table. */
@Module({
  imports: [ApplicationsModule, AssignmentsModule, ProgramsModule],
  controllers: [FormalCheckController],
  providers: [FormalCheckRepository, FormalCheckService],
  exports: [FormalCheckService],
})
export class FormalCheckModule {}
