import type { DossierStatus } from './dossier-status.js';
import type { TextLanguage } from './errors.js';

/**
 * Each dossier status in words, Vietnamese first: the one set the web and the applicant's
 * e-mails both show, so a status reads the same on screen and in the mailbox (the web's
 * words of before issue 13; the e-mails' own set is gone).
 */
export const STATUS_NAMES = {
  DRAFT: { vi: 'Bản nháp', en: 'Draft' },
  SUBMITTED: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted, awaiting reception' },
  NOT_ACCEPTED: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'Received' },
  WITHDRAWN: { vi: 'Đã rút', en: 'Withdrawn' },
  IN_PROCESSING: { vi: 'Đang xử lý', en: 'Being processed' },
  SUPPLEMENT_REQUESTED: { vi: 'Cần bổ sung', en: 'More information needed' },
  PENDING_APPROVAL: { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  APPROVED: { vi: 'Đã phê duyệt, chờ trả kết quả', en: 'Approved, result being prepared' },
  REJECTED: { vi: 'Bị từ chối giải quyết', en: 'Refused' },
  RETURNED: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<DossierStatus, Record<TextLanguage, string>>;

export function statusName(status: DossierStatus, lang: TextLanguage = 'vi'): string {
  return STATUS_NAMES[status][lang];
}
