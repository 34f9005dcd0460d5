import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AssignmentsModule } from '../assignments/assignments.module';
import { ProgramsModule } from '../programs/programs.module';
import { RubricsModule } from '../rubrics/rubrics.module';
import { UsersModule } from '../users/users.module';
import { ApplicationReviewsController } from './application-reviews.controller';
import { ReviewScore } from './review-score.entity';
import { ScoreSheetsController } from './score-sheets.controller';
import { ScoreSheetsService } from './score-sheets.service';
import { ScoringRepository } from './scoring.repository';

/** 採点票 (review_score): reviewers' drafts and submissions, reopening, an application's reviews side by side; the last submission completes the 書面審査. */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewScore]), ApplicationsModule, AssignmentsModule, RubricsModule, ProgramsModule, UsersModule],
  controllers: [ScoreSheetsController, ApplicationReviewsController],
  providers: [ScoringRepository, ScoreSheetsService],
  exports: [ScoreSheetsService],
})
export class ScoringModule {}
