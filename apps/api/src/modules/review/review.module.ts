import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdoptionDecision } from './adoption-decision.entity';
import { ConflictOfInterest } from './conflict-of-interest.entity';
import { ReviewRubric } from './review-rubric.entity';
import { ReviewScore } from './review-score.entity';
import { ApplicationsModule } from '../applications/applications.module';
import { AdoptionService } from './adoption.service';
import { AssignmentsService } from './assignments.service';
import { FormalCheckService } from './formal-check.service';
import { RankingService } from './ranking.service';
import { AssignmentsController, ConflictsController, FormalCheckController, ReviewersController, RoundReviewController, RubricsController, ScoreSheetsController } from './review.controllers';
import { ReviewExportsService } from './review-exports.service';
import { ReviewersService } from './reviewers.service';
import { RubricsService } from './rubrics.service';
import { ScoreSheetsService } from './score-sheets.service';

/** 要件確認 and 書面審査 through the 採択 decision: rubrics, assignment, scoring, ranking, publication. */
@Module({
  imports: [ApplicationsModule, TypeOrmModule.forFeature([ReviewRubric, ConflictOfInterest, ReviewScore, AdoptionDecision])],
  controllers: [FormalCheckController, RubricsController, ReviewersController, ConflictsController, AssignmentsController, ScoreSheetsController, RoundReviewController],
  providers: [RubricsService, FormalCheckService, AssignmentsService, ReviewersService, ScoreSheetsService, RankingService, AdoptionService, ReviewExportsService],
})
export class ReviewModule {}
