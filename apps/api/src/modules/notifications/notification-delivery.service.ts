import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { buildSmsText } from '@motcua/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { MailService } from './mail.service.js';
import { notificationMail } from './notification-mail.js';
import { NotificationsRepository } from './notifications.repository.js';
import { OutboxService } from './outbox.service.js';
import { NOTIFICATION_EMAIL, NOTIFICATION_SMS, type NotificationDeliveryPayload } from './notifications.service.js';
import { SmsGateway } from './sms-gateway.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';

/**
 * Sends a notification's e-mail and SMS after its transaction committed. Each is one function of
 * the notification id, safe to retry (the job queue or the outbox worker calls it; a throw means
 * "try again later"). A notification gone (its user deleted) is nothing to send.
 */
@Injectable()
export class NotificationDeliveryService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: NotificationsRepository,
    private readonly mail: MailService,
    private readonly sms: SmsGateway,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    // Today's worker is the outbox; the job queue (issue 15) calls the same two functions.
    for (const [type, handler] of Object.entries(this.handlers())) this.outbox.on(type, handler);
  }

  /** The unsubscribe link of a user's e-mails (GET /notifications/unsubscribe, no login). */
  unsubscribeUrl(userId: string): string {
    const token = signUnsubscribeToken(this.config.jwtSecret, userId);
    return `${this.config.publicUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  async deliverEmail(notificationId: string): Promise<void> {
    const row = await this.rows.forDelivery(notificationId);
    if (!row) return;
    const mail = notificationMail(row, this.config.publicUrl, this.unsubscribeUrl(row.userId));
    if (mail) await this.mail.send(mail);
  }

  async deliverSms(notificationId: string): Promise<void> {
    const row = await this.rows.forDelivery(notificationId);
    if (!row?.phone || !this.sms.enabled) return;
    const text = buildSmsText(row.type, { code: row.dossierCode ?? '', ...row.params }, { unicode: this.sms.unicode });
    // The notification id as RequestId: a retried send is recognised by the gateway, not sent twice.
    await this.sms.send(row.phone, text.text, text.encoding === 'UCS-2', notificationId);
  }

  /** The outbox handlers (the outbox's payload is the notification id). */
  handlers(): Record<string, (m: { payload: NotificationDeliveryPayload }) => Promise<void>> {
    return {
      [NOTIFICATION_EMAIL]: (m) => this.deliverEmail(m.payload.notificationId),
      [NOTIFICATION_SMS]: (m) => this.deliverSms(m.payload.notificationId),
    };
  }
}
