import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { RoundsModule } from '../rounds/rounds.module';
import { RubricsModule } from '../rubrics/rubrics.module';
import { AdoptionDecision } from './adoption-decision.entity';
import { AdoptionRepository } from './adoption.repository';
import { AdoptionService } from './adoption.service';
import { DecisionsController } from './decisions.controller';
import { RankingController } from './ranking.controller';
import { RankingRepository } from './ranking.repository';
import { RankingService } from './ranking.service';
import { ReviewExportsController } from './review-exports.controller';
import { ReviewExportsService } from './review-exports.service';

/** From the 審査完了 to the 採択 decision (adoption_decision): ranking, simulation, committed decisions, the round's exports. */
@Module({
  imports: [TypeOrmModule.forFeature([AdoptionDecision]), ApplicationsModule, RoundsModule, RubricsModule],
  controllers: [RankingController, DecisionsController, ReviewExportsController],
  providers: [AdoptionRepository, RankingRepository, RankingService, AdoptionService, ReviewExportsService],
  exports: [RankingService, AdoptionService],
})
export class AdoptionModule {}
