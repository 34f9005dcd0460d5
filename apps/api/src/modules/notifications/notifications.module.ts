import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config';
import { QueueModule } from '../../queue';
import { DispatchNotificationsJob } from './dispatch-notifications.job';
import { MAIL_TRANSPORT, MailTransport, SmtpMailTransport } from './mail-transport';
import { NotificationTemplate } from './notification-template.entity';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { SendNotificationJob } from './send-notification.job';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationTemplate]), QueueModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    DispatchNotificationsJob,
    SendNotificationJob,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SmtpMailTransport(config.smtpUrl) },
  ],
  exports: [DispatchNotificationsJob, SendNotificationJob],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}
  onApplicationShutdown() {
    this.transport.close();
  }
}
