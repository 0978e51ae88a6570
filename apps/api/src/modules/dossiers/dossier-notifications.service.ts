import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { DossierStatus } from '@motcua/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { trackingUrl } from '../documents/receipt-pdf.js';
import { formatVnDateTime } from '../documents/vn-format.js';
import { MailService, type Mail } from '../notifications/mail.service.js';
import { OutboxService, type OutboxMessage } from '../notifications/outbox.service.js';
import { DOSSIER_STATUS_CHANGED, type DossierStatusChangedPayload } from './dossier-workflow.service.js';

/** Each status in words, Vietnamese first (the applicant's e-mail). */
export const STATUS_WORDS: Record<DossierStatus, { vi: string; en: string }> = {
  DRAFT: { vi: 'Đang soạn', en: 'Draft' },
  SUBMITTED: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted, awaiting reception' },
  NOT_ACCEPTED: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'Received' },
  WITHDRAWN: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  IN_PROCESSING: { vi: 'Đang xử lý', en: 'In processing' },
  SUPPLEMENT_REQUESTED: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  PENDING_APPROVAL: { vi: 'Đang chờ phê duyệt', en: 'Awaiting approval' },
  APPROVED: { vi: 'Đã giải quyết, chờ trả kết quả', en: 'Approved, result to be collected' },
  REJECTED: { vi: 'Bị từ chối giải quyết', en: 'Rejected' },
  RETURNED: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

/** The e-mail to the applicant of a status change: short Vietnamese text, English below it. */
export function statusChangedMail(p: DossierStatusChangedPayload, publicUrl: string): Mail | null {
  if (!p.applicantEmail || !p.code) return null;
  const words = STATUS_WORDS[p.toStatus];
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
