import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MailService } from './mail.service.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxService } from './outbox.service.js';
import { SmsGateway } from './sms-gateway.js';
import { SmsSandboxController, SmsSandboxStore } from './sms-sandbox.controller.js';

/**
 * The outbox, e-mail, SMS and the inbox; global so any module can notify or enqueue in its
 * transaction. The stand-in SMS gateway is mounted only when config chose it (outside production).
 */
@Global()
@Module({})
export class NotificationsModule {
  static forRoot(options: { smsSandbox: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      controllers: options.smsSandbox ? [NotificationsController, SmsSandboxController] : [NotificationsController],
      providers: [
        OutboxService,
        MailService,
        SmsGateway,
        SmsSandboxStore,
        NotificationsRepository,
        NotificationsService,
        NotificationDeliveryService,
      ],
      exports: [OutboxService, MailService, NotificationsService, NotificationDeliveryService, SmsSandboxStore],
    };
  }
}
