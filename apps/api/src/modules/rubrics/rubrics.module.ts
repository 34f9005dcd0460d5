import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgramsModule } from '../programs/programs.module';
import { RoundsModule } from '../rounds/rounds.module';
import { ReviewRubric } from './review-rubric.entity';
import { RubricsController } from './rubrics.controller';
import { RubricsRepository } from './rubrics.repository';
import { RubricsService } from './rubrics.service';

/** 審査基準 (review_rubric) per round × 類型: defaults, edits until the first score, the freeze. */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewRubric]), RoundsModule, ProgramsModule],
  controllers: [RubricsController],
  providers: [RubricsRepository, RubricsService],
  exports: [RubricsRepository, RubricsService],
})
export class RubricsModule {}
