import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '../assignments/assignments.module';
import { UsersModule } from '../users/users.module';
import { ConflictOfInterest } from './conflict-of-interest.entity';
import { ConflictsController } from './conflicts.controller';
import { ReviewersController } from './reviewers.controller';
import { ReviewersRepository } from './reviewers.repository';
import { ReviewersService } from './reviewers.service';

/** Reviewers' load and settings, and their declared conflicts of interest (conflict_of_interest). */
@Module({
  imports: [TypeOrmModule.forFeature([ConflictOfInterest]), AssignmentsModule, UsersModule],
  controllers: [ReviewersController, ConflictsController],
  providers: [ReviewersRepository, ReviewersService],
})
export class ReviewersModule {}
