import { z } from 'zod';
import { DOSSIER_STATUSES, type DossierStatus } from './dossier-status.js';
import type { TextLanguage } from './errors.js';
import { STATUS_NAMES } from './status-names.js';

/**
 * The inbox (api.md, "Notifications and apologies"): every notification type, its vi/en title and
 * body, and its SMS text. The API's list, the e-mail, the SMS and the web all read these texts.
 */
export const NOTIFICATION_TYPES = [
  'STATUS_CHANGED',
  'SUPPLEMENT_REQUESTED',
  'FEE_DUE',
  'RESULT_READY',
  'APOLOGY',
  'SLA_DUE_SOON',
  'SLA_OVERDUE',
  'SUPPLEMENT_REMINDER',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * Types that go by e-mail (and SMS, where agreed) whatever the preferences say: the citizen must
 * act on them or they close the dossier. The others (status changes, fee and deadline reminders)
 * follow the user's e-mail and SMS switches and carry an unsubscribe link.
 */
export const ESSENTIAL_NOTIFICATION_TYPES = [
  'SUPPLEMENT_REQUESTED',
  'RESULT_READY',
  'APOLOGY',
] as const satisfies readonly NotificationType[];

export function isEssentialNotification(type: NotificationType): boolean {
  return (ESSENTIAL_NOTIFICATION_TYPES as readonly NotificationType[]).includes(type);
}

/** The values a notification's texts may name; every one optional (a missing one reads as empty). */
export interface NotificationParams {
  /** The dossier code. */
  code?: string;
  /** STATUS_CHANGED: the new status (a DossierStatus). */
  status?: string;
  /** SUPPLEMENT_REQUESTED: what the officer asked for. */
  note?: string;
  /** FEE_DUE: the fee in VND. */
  amount?: number;
  /** APOLOGY: the new appointment, already in local words (e.g. "17:00 ngày 12/12/2026"). */
  appointment?: string;
  /** SLA_DUE_SOON / SLA_OVERDUE: the due time in local words. */
  due?: string;
}

type Texts = Record<TextLanguage, string>;
interface NotificationText {
  title: Texts;
  body: Texts;
  /** The SMS, kept short enough for one segment with a 25-character dossier code (tested). */
  sms: Texts;
}

/** `{{name}}` placeholders, filled by renderNotification (the same marks as i18next and errors.ts). */
export const NOTIFICATION_TEXTS = {
  STATUS_CHANGED: {
    title: { vi: 'Hồ sơ {{code}}: {{status}}', en: 'Dossier {{code}}: {{status}}' },
    body: {
      vi: 'Hồ sơ {{code}} đã chuyển sang trạng thái: {{status}}.',
      en: 'Dossier {{code}} is now: {{status}}.',
    },
    sms: { vi: 'Hồ sơ {{code}}: {{status}}.', en: 'Dossier {{code}}: {{status}}.' },
  },
  SUPPLEMENT_REQUESTED: {
    title: { vi: 'Hồ sơ {{code}} cần bổ sung', en: 'Dossier {{code}} needs more information' },
    body: {
      vi: 'Cơ quan yêu cầu bổ sung hồ sơ {{code}}: {{note}}',
      en: 'The agency asks for more information on dossier {{code}}: {{note}}',
    },
    sms: {
      vi: 'Hồ sơ {{code}} cần bổ sung. Xem trên Cổng dịch vụ công.',
      en: 'Dossier {{code}} needs more information. See the portal.',
    },
  },
  FEE_DUE: {
    title: { vi: 'Hồ sơ {{code}}: cần nộp lệ phí', en: 'Dossier {{code}}: fee due' },
    body: {
      vi: 'Hồ sơ {{code}} có lệ phí {{amount}} đồng chưa nộp. Bạn có thể thanh toán trực tuyến.',
      en: 'Dossier {{code}} has an unpaid fee of {{amount}} VND. You can pay online.',
    },
    sms: {
      vi: 'Hồ sơ {{code}} cần nộp lệ phí {{amount}}đ.',
      en: 'Dossier {{code}}: fee due {{amount}} VND.',
    },
  },
  RESULT_READY: {
    title: { vi: 'Hồ sơ {{code}} đã có kết quả', en: 'The result of dossier {{code}} is ready' },
    body: {
      vi: 'Kết quả điện tử của hồ sơ {{code}} đã sẵn sàng. Mời bạn tải về và đánh giá chất lượng giải quyết.',
      en: 'The electronic result of dossier {{code}} is ready. Download it and rate the service.',
    },
    sms: {
      vi: 'Hồ sơ {{code}} đã có kết quả điện tử.',
      en: 'The result of dossier {{code}} is ready.',
    },
  },
  APOLOGY: {
    title: { vi: 'Thư xin lỗi: hồ sơ {{code}} bị trễ hạn', en: 'Apology: dossier {{code}} is late' },
    body: {
      vi: 'Cơ quan xin lỗi vì hồ sơ {{code}} chưa được giải quyết đúng hạn. Thời gian hẹn trả kết quả mới: {{appointment}}.',
      en: 'The agency apologises: dossier {{code}} was not settled on time. New appointment: {{appointment}}.',
    },
    sms: {
      vi: 'Xin lỗi, hồ sơ {{code}} trễ hạn. Hẹn mới: {{appointment}}.',
      en: 'Sorry, dossier {{code}} is late. New date: {{appointment}}.',
    },
  },
  SLA_DUE_SOON: {
    title: { vi: 'Hồ sơ {{code}} sắp đến hạn', en: 'Dossier {{code}} is due soon' },
    body: { vi: 'Hồ sơ {{code}} đến hạn lúc {{due}}.', en: 'Dossier {{code}} is due at {{due}}.' },
    sms: { vi: 'Hồ sơ {{code}} sắp đến hạn ({{due}}).', en: 'Dossier {{code}} due soon ({{due}}).' },
  },
  SLA_OVERDUE: {
    title: { vi: 'Hồ sơ {{code}} đã quá hạn', en: 'Dossier {{code}} is overdue' },
    body: { vi: 'Hồ sơ {{code}} đã quá hạn từ {{due}}.', en: 'Dossier {{code}} has been overdue since {{due}}.' },
    sms: { vi: 'Hồ sơ {{code}} đã quá hạn ({{due}}).', en: 'Dossier {{code}} is overdue ({{due}}).' },
  },
  SUPPLEMENT_REMINDER: {
    title: { vi: 'Nhắc: hồ sơ {{code}} đang chờ bổ sung', en: 'Reminder: dossier {{code}} awaits your information' },
    body: {
      vi: 'Hồ sơ {{code}} vẫn đang chờ bạn bổ sung thông tin theo yêu cầu của cơ quan.',
      en: 'Dossier {{code}} is still waiting for the information the agency asked for.',
    },
    sms: {
      vi: 'Nhắc bổ sung hồ sơ {{code}}.',
      en: 'Reminder: dossier {{code}} awaits your information.',
    },
  },
} as const satisfies Record<NotificationType, NotificationText>;

/** The language of an Accept-Language header: English when it asks for English first, else Vietnamese. */
export function notificationLanguage(acceptLanguage: string | null | undefined): TextLanguage {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'vi';
}

function isStatus(v: unknown): v is DossierStatus {
  return typeof v === 'string' && (DOSSIER_STATUSES as readonly string[]).includes(v);
}

function fill(template: string, params: Record<string, string | number>, lang: TextLanguage): string {
  return template
    .replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      const v = params[name];
      if (v === undefined || v === null) return '';
      if (name === 'status' && isStatus(v)) return STATUS_NAMES[v][lang];
      if (name === 'amount' && typeof v === 'number') return v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
      return String(v);
    })
    .replace(/:\s*$/, '')
    .trim();
}

/** A notification's title and body in one language, its params filled in. */
export function renderNotification(
  type: NotificationType,
  params: Record<string, string | number>,
  lang: TextLanguage,
): { title: string; body: string } {
  const t = NOTIFICATION_TEXTS[type];
  return { title: fill(t.title[lang], params, lang), body: fill(t.body[lang], params, lang) };
}

// ── SMS: one segment where it can (GSM 03.38: 160 GSM-7 characters, or 70 UCS-2 ones) ──

/** The GSM-7 default alphabet (one septet each). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: two septets each (escape + character). */
const GSM7_EXTENDED = '^{}\\[~]|€\f';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/**
 * How many segments a text takes: GSM-7 when every character is in the GSM alphabet (160 in one
 * segment, 153 per part when concatenated), else UCS-2 (70, then 67 per part).
 */
export function smsSegments(text: string): SmsSize {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) septets += 1;
    else if (GSM7_EXTENDED.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** Vietnamese without diacritics (đ → d), the way unaccented SMS is written. */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

export interface SmsText extends SmsSize {
  text: string;
}

/**
 * The SMS of a notification. With a provider that takes Unicode, Vietnamese keeps its diacritics
 * when that still fits one UCS-2 segment; otherwise (or when the provider sends GSM-7 only) the
 * text goes unaccented, which fits 160 characters.
 */
export function buildSmsText(
  type: NotificationType,
  params: Record<string, string | number>,
  options: { unicode: boolean; lang?: TextLanguage },
): SmsText {
  const lang = options.lang ?? 'vi';
  const full = fill(NOTIFICATION_TEXTS[type].sms[lang], params, lang);
  if (options.unicode) {
    const size = smsSegments(full);
    if (size.segments === 1) return { text: full, ...size };
  }
  const plain = unaccented(full);
  return { text: plain, ...smsSegments(plain) };
}

// ── HTTP shapes (api.md, "Notifications and apologies") ──

export const notificationItemSchema = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  body: z.string(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationItemSchema),
  nextCursor: z.string().nullable(),
  /** The caller's unread count (all, not only this page). */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const NOTIFICATION_PAGE_MAX = 100;

export const notificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/**
 * GET/PUT /notifications/preferences (our addition to the contract): `emailUpdates` and
 * `smsUpdates` switch the non-essential types per channel; `smsAgreed` is the consent to any SMS
 * at the account's phone (none is sent without it). Essential types ignore the two switches.
 */
export const notificationPreferencesInputSchema = z.object({
  emailUpdates: z.boolean(),
  smsUpdates: z.boolean(),
  smsAgreed: z.boolean(),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInputSchema>;

export const notificationPreferencesSchema = notificationPreferencesInputSchema.extend({
  /** Whether the account has an e-mail address and a phone number to send to. */
  hasEmail: z.boolean(),
  hasPhone: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** Defaults of a user who never saved preferences: e-mail as before the inbox, no SMS without consent. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferencesInput = {
  emailUpdates: true,
  smsUpdates: true,
  smsAgreed: false,
};
