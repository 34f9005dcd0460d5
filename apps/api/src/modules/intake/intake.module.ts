import { Inject, MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config';
import { AssignmentsModule } from '../assignments/assignments.module';
import { ApplicationsModule } from '../applications/applications.module';
import { RubricsModule } from '../rubrics/rubrics.module';
import { PostAwardModule } from '../post-award/post-award.module';
import { RoundsModule } from '../rounds/rounds.module';
import { StatusLinksModule } from '../status-links/status-links.module';
import { Attachment } from './attachment.entity';
import { ATTACHMENT_STORAGE, LocalDiskStorage } from './attachment-storage';
import { AttachmentStorageEngine } from './attachment-upload';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { IntakeChannel } from './intake-channel.entity';
import { IntakeChannelsController } from './intake-channels.controller';
import { IntakeChannelsRepository } from './intake-channels.repository';
import { IntakeChannelsService } from './intake-channels.service';
import { IntakeRepository } from './intake.repository';
import { INTAKE_RATE_LIMIT, IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { PaperResubmissionsController } from './paper-resubmissions.controller';
import { PostAwardIntakeController } from './post-award-intake.controller';
import { PostAwardIntakeService } from './post-award-intake.service';
import { IntakeGateMiddleware } from './intake-gate.middleware';

const storageProvider = { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.storageDir) };

@Module({
  imports: [
    TypeOrmModule.forFeature([IntakeChannel, Attachment]),
    ApplicationsModule,
    AssignmentsModule,
    PostAwardModule,
    RoundsModule,
    RubricsModule,
    StatusLinksModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: new AttachmentStorageEngine(new LocalDiskStorage(config.storageDir), config.attachmentMaxBytes),
        // one file per request; multer cuts the stream just past the limit, the engine removes what it wrote
        limits: { files: 1, fields: 10, fileSize: config.attachmentMaxBytes + 1 },
        // file names are UTF-8 (申請書.pdf), not busboy's latin1 default
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [IntakeController, IntakeChannelsController, AttachmentsController, PaperResubmissionsController, PostAwardIntakeController],
  providers: [
    IntakeService,
    PostAwardIntakeService,
    IntakeRepository,
    IntakeChannelsService,
    IntakeChannelsRepository,
    AttachmentsRepository,
    AttachmentsService,
    storageProvider,
  ],
  exports: [ATTACHMENT_STORAGE, IntakeService, IntakeRepository, IntakeChannelsRepository],
})
export class IntakeModule implements OnModuleInit, NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}
  onModuleInit() {
    INTAKE_RATE_LIMIT.perMinute = this.config.intakeRateLimit;
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(IntakeGateMiddleware).forRoutes(
      { path: 'intake/applications', method: RequestMethod.POST },
      { path: 'intake/applications/:id/resubmission', method: RequestMethod.POST },
      // the applicant's steps after 採択 (docs/post-award.md) share the submissions' gate
      ...['grant-application', 'performance-report', 'plan-change', 'abandonment', 'withdrawal', 'commercialization-reports'].map((step) => ({
        path: `intake/applications/:id/${step}`,
        method: RequestMethod.POST,
      })),
    );
  }
}
