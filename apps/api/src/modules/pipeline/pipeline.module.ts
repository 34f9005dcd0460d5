import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { FoldPipelineCountsJob } from './fold-pipeline-counts.job';
import { PipelineController } from './pipeline.controller';
import { PipelineRepository } from './pipeline.repository';
import { PipelineService } from './pipeline.service';

/** The managers' overview of every round (the admin dashboard), and its 催促 of overdue reviewers. */
@Module({
  imports: [NotificationsModule],
  controllers: [PipelineController],
  providers: [PipelineService, PipelineRepository, FoldPipelineCountsJob],
  exports: [FoldPipelineCountsJob],
})
export class PipelineModule {}
