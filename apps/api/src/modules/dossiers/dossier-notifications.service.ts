import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { STATUS_NAMES } from '@motcua/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { trackingUrl } from '../documents/receipt-pdf.js';
import { formatVnDateTime } from '../documents/vn-format.js';
import { MailService, type Mail } from '../notifications/mail.service.js';
import { OutboxService, type OutboxMessage } from '../notifications/outbox.service.js';
import { DOSSIER_STATUS_CHANGED, type DossierStatusChangedPayload } from './dossier-workflow.service.js';

/** The e-mail to the applicant of a status change: short Vietnamese text, English below it. */
export function statusChangedMail(p: DossierStatusChangedPayload, publicUrl: string): Mail | null {
  if (!p.applicantEmail || !p.code) return null;
  // The same status names as the web shows (packages/shared status-names.ts).
  const words = STATUS_NAMES[p.toStatus];
  const link = trackingUrl(publicUrl, p.code);
  const at = formatVnDateTime(new Date(p.at));
  const note = p.note ? [`Ghi chú: ${p.note}`] : [];
  return {
    to: p.applicantEmail,
    subject: `Hồ sơ ${p.code}: ${words.vi}`,
    text: [
      `Kính gửi Ông/Bà ${p.applicantName},`,
      '',
      `Hồ sơ ${p.code} (${p.procedureName}) đã chuyển sang trạng thái: ${words.vi} (lúc ${at}).`,
      ...note,
      `Tra cứu tình trạng hồ sơ: ${link}`,
      '',
      '---',
      `Dossier ${p.code} is now: ${words.en}. Track it at ${link}`,
      '',
      'Bộ phận Một cửa điện tử - MotCua (thư tự động, vui lòng không trả lời / automatic message, please do not reply)',
    ].join('\n'),
  };
}

/** E-mails the applicant after each status change, from the outbox (never inside the transaction). */
@Injectable()
export class DossierNotificationsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.outbox.on<DossierStatusChangedPayload>(DOSSIER_STATUS_CHANGED, (m) => this.send(m));
  }

  private async send(message: OutboxMessage<DossierStatusChangedPayload>): Promise<void> {
    const mail = statusChangedMail(message.payload, this.config.publicUrl);
    if (mail) await this.mail.send(mail);
  }
}
