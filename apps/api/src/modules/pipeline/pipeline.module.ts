import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PipelineController } from './pipeline.controller';
import { PipelineRepository } from './pipeline.repository';
import { PipelineService } from './pipeline.service';

/** The managers' overview of every round (the admin dashboard), and its 催促 of overdue reviewers. */
@Module({ imports: [NotificationsModule], controllers: [PipelineController], providers: [PipelineService, PipelineRepository] })
export class PipelineModule {}
