import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config';
import { QueueModule } from '../../queue';
import { StatusLinksModule } from '../status-links/status-links.module';
import { DELIVERY_LEDGER, deliveryLedgerFor } from './delivery-ledger';
import { DispatchNotificationsJob } from './dispatch-notifications.job';
import { MAIL_TRANSPORT, MailTransport, SmtpMailTransport } from './mail-transport';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationProgressService } from './notification-progress.service';
import { NotificationTemplate } from '../notification-templates/notification-template.entity';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { RequeueStrandedNotificationsJob } from './requeue-stranded-notifications.job';
import { SendNotificationJob } from './send-notification.job';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationTemplate]), QueueModule, StatusLinksModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationProgressService,
    NotificationDeliveryRepository,
    DispatchNotificationsJob,
    SendNotificationJob,
    RequeueStrandedNotificationsJob,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SmtpMailTransport(config.smtpUrl, config.mailConcurrency) },
    { provide: DELIVERY_LEDGER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => deliveryLedgerFor(config.smtpReconcileUrl) },
  ],
  exports: [NotificationsRepository, DispatchNotificationsJob, SendNotificationJob, RequeueStrandedNotificationsJob],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}
  onApplicationShutdown() {
    this.transport.close();
  }
}
