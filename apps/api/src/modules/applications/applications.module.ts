import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from '../notifications/notification.entity';
import { ApplicationAssignment } from '../assignments/application-assignment.entity';
import { Application } from './application.entity';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { TransitionsService } from './transitions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationAssignment, Notification])],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService, TransitionsService],
  exports: [ApplicationsRepository, ApplicationsService, TransitionsService],
})
export class ApplicationsModule {}
