import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { trackingUrl } from '../documents/receipt-pdf.js';
import { formatVnDate } from '../documents/vn-format.js';
import { UsersService } from '../identity/users.service.js';
import { MailService, type Mail } from '../notifications/mail.service.js';
import { OutboxService, type OutboxMessage } from '../notifications/outbox.service.js';
import { SLA_NOTIFICATION, type NotifyInput } from './sla-notifier.js';

/** The apology e-mail to the applicant: Vietnamese first, English below (the letter is in the dossier). */
export function apologyMail(
  to: { email: string; fullName: string },
  p: NotifyInput['params'],
  publicUrl: string,
): Mail {
  const code = String(p?.code ?? '');
  const date = p?.appointmentDate ? formatVnDate(new Date(`${String(p.appointmentDate)}T12:00:00+07:00`)) : '';
  const link = trackingUrl(publicUrl, code);
  return {
    to: to.email,
    subject: `Hồ sơ ${code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
    text: [
      `Kính gửi Ông/Bà ${to.fullName},`,
      '',
      `Hồ sơ ${code} chưa được giải quyết đúng hạn. Cơ quan giải quyết thành thật xin lỗi Ông/Bà và hẹn trả kết quả vào ngày ${date}.`,
      `Thư xin lỗi có trong hồ sơ của Ông/Bà. Tra cứu: ${link}`,
      '',
      '---',
      `Application ${code} is late. The office apologises; the new date for the result is ${String(p?.appointmentDate ?? '')}. Track it at ${link}`,
    ].join('\n'),
  };
}

/**
 * The default notifier's delivery (until the inbox takes SLA_NOTIFIER over): the applicant's
 * apology by e-mail, after commit, from the outbox. Staff alerts wait for the inbox.
 */
@Injectable()
export class SlaMailer implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.outbox.on<NotifyInput>(SLA_NOTIFICATION, (m) => this.send(m));
  }

  private async send(message: OutboxMessage<NotifyInput>): Promise<void> {
    const n = message.payload;
    if (n.type !== 'APOLOGY') return;
    for (const id of n.userIds) {
      const user = await this.users.getById(id);
      if (user.email)
        await this.mail.send(
          apologyMail({ email: user.email, fullName: user.fullName }, n.params, this.config.publicUrl),
        );
    }
  }
}
