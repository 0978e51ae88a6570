import { isEssentialNotification, renderNotification, type Role } from '@motcua/shared';
import type { Mail } from './mail.service.js';
import type { DeliveryRow } from './notifications.repository.js';

/** The web page a notification opens: the citizen's dossier page, the staff work screen, or the inbox. */
export function dossierLink(publicUrl: string, row: Pick<DeliveryRow, 'type' | 'dossierId' | 'roles'>): string {
  if (!row.dossierId) return `${publicUrl}/notifications`;
  const id = encodeURIComponent(row.dossierId);
  if ((row.roles as Role[]).includes('CITIZEN')) {
    // A result ready opens the page at its rating section (issue 14: the citizen signs in and rates it there).
    return `${publicUrl}/dossiers/${id}${row.type === 'RESULT_READY' ? '#danh-gia' : ''}`;
  }
  return `${publicUrl}/staff/dossiers/${id}`;
}

/**
 * The e-mail of a notification: Vietnamese, English below, the link to the dossier; non-essential
 * ones carry the unsubscribe link in the text and in List-Unsubscribe (RFC 8058 one-click).
 */
export function notificationMail(row: DeliveryRow, publicUrl: string, unsubscribeUrl: string): Mail | null {
  if (!row.email) return null;
  const params = { code: row.dossierCode ?? '', ...row.params };
  const vi = renderNotification(row.type, params, 'vi');
  const en = renderNotification(row.type, params, 'en');
  const link = dossierLink(publicUrl, row);
  const note = row.type === 'STATUS_CHANGED' && row.params.note ? [`Ghi chú: ${row.params.note}`] : [];
  const essential = isEssentialNotification(row.type);
  const unsubscribe = essential
    ? []
    : [
        '',
        `Không muốn nhận thư về thay đổi trạng thái và nhắc việc? Hủy đăng ký: ${unsubscribeUrl}`,
        `Unsubscribe from status and reminder e-mails: ${unsubscribeUrl}`,
      ];
  return {
    to: row.email,
    subject: vi.title,
    text: [
      `Kính gửi Ông/Bà ${row.fullName},`,
      '',
      vi.body,
      ...note,
      `Xem hồ sơ: ${link}`,
      '',
      '---',
      en.title,
      `${en.body} See: ${link}`,
      '',
      'Bộ phận Một cửa điện tử - MotCua (thư tự động, vui lòng không trả lời / automatic message, please do not reply)',
      ...unsubscribe,
    ].join('\n'),
    ...(essential
      ? {}
      : {
          headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }),
  };
}
