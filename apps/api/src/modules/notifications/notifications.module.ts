import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service.js';
import { OutboxService } from './outbox.service.js';

/** Outbox worker and e-mail; global so any module can enqueue in its transaction. */
@Global()
@Module({ providers: [OutboxService, MailService], exports: [OutboxService, MailService] })
export class NotificationsModule {}
