import {
  apologyAppointment,
  automaticApologyDate,
  DOSSIER_STATUSES,
  dueSoonFrom,
  nextSlaChange,
  STATUS_NAMES,
  supplementReminderAt,
  WorkingCalendar,
} from '@motcua/shared';
import { statusChangedMail } from './dossier-notifications.service.js';
import { dossierSla } from './dossiers.mapper.js';
import { cleanFileName, contentDisposition } from './multipart-upload.js';
import type { DossierStatusChangedPayload } from './dossier-workflow.service.js';

// Monday 27/4/2026 is a day off (Giỗ Tổ in lieu), as are 30/4 and 1/5.
const calendar = new WorkingCalendar([
  { date: '2026-04-27', kind: 'HOLIDAY' },
  { date: '2026-04-30', kind: 'HOLIDAY' },
  { date: '2026-05-01', kind: 'HOLIDAY' },
]);
const at = (local: string) => new Date(`${local}+07:00`);

describe('download headers', () => {
  it('gives an ASCII fallback and the RFC 5987 UTF-8 name for a Vietnamese file name', () => {
    expect(contentDisposition('attachment', 'Giấy chứng sinh "bản chính".pdf')).toBe(
      `attachment; filename="Giay chung sinh _ban chinh_.pdf"; ` +
        `filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh%20%22b%E1%BA%A3n%20ch%C3%ADnh%22.pdf`,
    );
    expect(contentDisposition('inline', "Đơn (mẫu)'s.pdf")).toBe(
      `inline; filename="Don (mau)'s.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%28m%E1%BA%ABu%29%27s.pdf`,
    );
  });

  it('keeps only the last path segment of a file name, without control characters', () => {
    expect(cleanFileName('C:\\Users\\an\\to-khai.pdf')).toBe('to-khai.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('')).toBe('file');
    expect(Array.from(cleanFileName('ệ'.repeat(300)))).toHaveLength(255);
  });
});

describe('SLA and the clock stop', () => {
  const due = at('2026-05-04T17:00:00');

  it('shows no SLA for a draft, a refused or a withdrawn dossier', () => {
    for (const status of ['DRAFT', 'NOT_ACCEPTED', 'WITHDRAWN'] as const) {
      expect(dossierSla({ status, dueAt: due, completedAt: null }, at('2026-06-01T09:00:00'), calendar)).toBeNull();
    }
  });

  it('shows WAITING_CITIZEN while a supplement is awaited, even past the stored due date, and is not late', () => {
    const d = { status: 'SUPPLEMENT_REQUESTED' as const, dueAt: due, completedAt: null };
    expect(dossierSla(d, at('2026-05-05T09:00:00'), calendar)).toBe('WAITING_CITIZEN');
    expect(dossierSla({ ...d, status: 'IN_PROCESSING' }, at('2026-05-05T09:00:00'), calendar)).toBe('OVERDUE');
  });
});

describe('apology dates and SLA checks (dossierClock)', () => {
  const due = at('2026-04-29T17:00:00'); // Wednesday; Thu 30/4 and Fri 1/5 are off

  it('accepts as new appointment only a working day after the due day, at 17:00', () => {
    expect(apologyAppointment('2026-05-04', due, calendar)).toEqual(at('2026-05-04T17:00:00'));
    expect(apologyAppointment('2026-04-29', due, calendar)).toBeNull(); // the due day itself
    expect(apologyAppointment('2026-04-30', due, calendar)).toBeNull(); // a holiday
    expect(apologyAppointment('2026-05-02', due, calendar)).toBeNull(); // a Saturday
    expect(apologyAppointment('2026-02-30', due, calendar)).toBeNull(); // no such day
  });

  it('sets the automatic appointment N working days after the due day', () => {
    // 3 working days after Wed 29/4, skipping 30/4, 1/5 and the weekend: Mon 4, Tue 5, Wed 6/5.
    expect(automaticApologyDate(due, 3, calendar)).toBe('2026-05-06');
  });

  it('starts DUE_SOON at 17:00 of the working day before the due day, and checks again just after dueAt', () => {
    // Due Monday 4/5: the working day before is Wednesday 29/4 (holidays and a weekend between).
    const monday = at('2026-05-04T17:00:00');
    expect(dueSoonFrom(monday, calendar)).toEqual(at('2026-04-29T17:00:00'));
    expect(
      dossierSla({ status: 'IN_PROCESSING', dueAt: monday, completedAt: null }, at('2026-04-29T16:59:00'), calendar),
    ).toBe('ON_TIME');
    expect(
      dossierSla({ status: 'IN_PROCESSING', dueAt: monday, completedAt: null }, at('2026-04-29T17:00:00'), calendar),
    ).toBe('DUE_SOON');
    expect(nextSlaChange(monday, at('2026-04-28T09:00:00'), calendar)).toEqual(at('2026-04-29T17:00:00'));
    expect(nextSlaChange(monday, at('2026-04-29T17:00:00'), calendar)).toEqual(new Date(monday.getTime() + 1));
    expect(nextSlaChange(monday, at('2026-05-04T17:00:01'), calendar)).toBeNull();
  });

  it('reminds of a supplement at 17:00 after whole working days', () => {
    // Requested Tuesday 28/4 10:00: 2 working days after are Wed 29/4 and Mon 4/5.
    expect(supplementReminderAt(at('2026-04-28T10:00:00'), 2, calendar)).toEqual(at('2026-05-04T17:00:00'));
  });
});

describe('status e-mails', () => {
  const payload: DossierStatusChangedPayload = {
    dossierId: 'd1',
    code: '000.00.12.H17-261127-0001',
    action: 'receive',
    fromStatus: 'SUBMITTED',
    toStatus: 'RECEIVED',
    note: null,
    at: '2026-11-27T02:05:00.000Z',
    agencyCode: '000.00.12.H17',
    procedureName: 'Đăng ký khai sinh',
    applicantId: 'u1',
    applicantName: 'Nguyễn Thị Hồng Nhung',
    applicantEmail: 'nhung@example.vn',
  };

  it('writes Vietnamese first, English below, with the tracking link', () => {
    const mail = statusChangedMail(payload, 'https://motcua.danang.gov.vn')!;
    expect(mail.to).toBe('nhung@example.vn');
    expect(mail.subject).toBe('Hồ sơ 000.00.12.H17-261127-0001: Đã tiếp nhận');
    const vi = mail.text.indexOf('đã chuyển sang trạng thái: Đã tiếp nhận (lúc 09:05, 27/11/2026)');
    const en = mail.text.indexOf('is now: Received');
    expect(vi).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(vi);
    expect(mail.text).toContain('https://motcua.danang.gov.vn/track/000.00.12.H17-261127-0001');
  });

  it('sends nothing to an applicant without an e-mail address', () => {
    expect(statusChangedMail({ ...payload, applicantEmail: null }, 'https://x')).toBeNull();
  });

  it('names each status as the web does (STATUS_NAMES of @motcua/shared)', () => {
    for (const status of DOSSIER_STATUSES) {
      const mail = statusChangedMail({ ...payload, toStatus: status }, 'https://x')!;
      expect(mail.subject).toBe(`Hồ sơ ${payload.code}: ${STATUS_NAMES[status].vi}`);
      expect(mail.text).toContain(`is now: ${STATUS_NAMES[status].en}.`);
    }
  });
});
