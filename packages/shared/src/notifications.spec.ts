import { DOSSIER_STATUSES } from './dossier-status.js';
import {
  buildSmsText,
  isEssentialNotification,
  NOTIFICATION_TYPES,
  notificationLanguage,
  renderNotification,
  smsSegments,
  unaccented,
} from './notifications.js';

// The longest code a dossier can have today: an agency code with dots, a date and a 4-digit sequence.
const CODE = '000.00.12.H17-261127-0001';
const PARAMS = { code: CODE, note: 'x', amount: 1_500_000, appointment: '17:00 12/12/2026', due: '17:00 10/12/2026' };

describe('SMS segments (GSM 03.38)', () => {
  it('counts GSM-7 septets: 160 in one segment, 153 per part beyond', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts an extension character (€, [, ]) as two septets', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('[' + 'a'.repeat(159)).segments).toBe(2);
  });

  it('switches to UCS-2 for one Vietnamese letter: 70 in one segment, 67 per part', () => {
    expect(smsSegments('ồ' + 'a'.repeat(69))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments('ồ' + 'a'.repeat(70)).segments).toBe(2);
    expect(smsSegments('ồ'.repeat(134)).segments).toBe(2);
    expect(smsSegments('ồ'.repeat(135)).segments).toBe(3);
  });
});

describe('unaccented Vietnamese', () => {
  it('drops every diacritic and writes đ as d', () => {
    expect(unaccented('Hồ sơ đã được tiếp nhận. ĐÀ NẴNG')).toBe('Ho so da duoc tiep nhan. DA NANG');
    expect(smsSegments(unaccented('Nguyễn Thị Hồng Nhường, ừ, ợ, ỹ')).encoding).toBe('GSM-7');
  });
});

describe('SMS texts of every notification', () => {
  it('fit one segment unaccented, for every type and status', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const status of DOSSIER_STATUSES) {
        const sms = buildSmsText(type, { ...PARAMS, status }, { unicode: false });
        expect(sms.encoding).toBe('GSM-7');
        expect(sms.segments).toBe(1);
      }
    }
  });

  it('keep the diacritics with a Unicode provider when that fits one segment', () => {
    const sms = buildSmsText('RESULT_READY', PARAMS, { unicode: true });
    expect(sms).toMatchObject({ text: `Hồ sơ ${CODE} đã có kết quả điện tử.`, encoding: 'UCS-2', segments: 1 });
  });

  it('go unaccented when the Vietnamese would take two UCS-2 segments', () => {
    expect(smsSegments(`Xin lỗi, hồ sơ ${CODE} trễ hạn. Hẹn mới: 17:00 12/12/2026.`).segments).toBe(2);
    const sms = buildSmsText('APOLOGY', PARAMS, { unicode: true });
    expect(sms.text).toBe(`Xin loi, ho so ${CODE} tre han. Hen moi: 17:00 12/12/2026.`);
    expect(sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('go unaccented with a GSM-only provider', () => {
    expect(buildSmsText('RESULT_READY', PARAMS, { unicode: false }).text).toBe(`Ho so ${CODE} da co ket qua dien tu.`);
  });
});

describe('notification texts', () => {
  it('name the status as the web does and fill the params, in vi and en', () => {
    expect(renderNotification('STATUS_CHANGED', { code: 'C', status: 'RECEIVED' }, 'vi')).toEqual({
      title: 'Hồ sơ C: Đã tiếp nhận',
      body: 'Hồ sơ C đã chuyển sang trạng thái: Đã tiếp nhận.',
    });
    expect(renderNotification('FEE_DUE', { code: 'C', amount: 1_500_000 }, 'en').body).toContain('1,500,000 VND');
    expect(renderNotification('APOLOGY', PARAMS, 'vi').body).toContain('17:00 12/12/2026');
  });

  it('leave no placeholder behind when a param is missing', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const lang of ['vi', 'en'] as const) {
        const { title, body } = renderNotification(type, {}, lang);
        expect(title + body).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('marks supplement requests, results and apologies essential; status changes and reminders not', () => {
    expect(NOTIFICATION_TYPES.filter(isEssentialNotification)).toEqual([
      'SUPPLEMENT_REQUESTED',
      'RESULT_READY',
      'APOLOGY',
    ]);
  });

  it('reads the language from Accept-Language, Vietnamese by default', () => {
    expect(notificationLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(notificationLanguage('vi-VN,en;q=0.5')).toBe('vi');
    expect(notificationLanguage(undefined)).toBe('vi');
  });
});
