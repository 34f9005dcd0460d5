import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationTemplate } from './notification-template.entity';
import { SchedulesModule } from '../schedules/schedules.module';
import { NotificationTemplatesController } from './notification-templates.controller';
import { NotificationTemplatesRepository } from './notification-templates.repository';
import { NotificationTemplatesService } from './notification-templates.service';

/** Editing notification templates: versions, preview against a real application. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationTemplate]), SchedulesModule],
  controllers: [NotificationTemplatesController],
  providers: [NotificationTemplatesService, NotificationTemplatesRepository],
})
export class NotificationTemplatesModule {}
