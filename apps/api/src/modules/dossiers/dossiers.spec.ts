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
import { applicantNotifications } from './dossier-notifications.service.js';
import { notificationMail } from '../notifications/notification-mail.js';
import type { DeliveryRow } from '../notifications/notifications.repository.js';
import { dossierSla } from './dossiers.mapper.js';
import { cleanFileName, contentDisposition } from './multipart-upload.js';

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

describe("status e-mails (from the applicant's notification)", () => {
  const row: DeliveryRow = {
    id: 'n1',
    type: 'STATUS_CHANGED',
    params: { status: 'RECEIVED' },
    dossierId: 'd1',
    dossierCode: '000.00.12.H17-261127-0001',
    createdAt: new Date('2026-11-27T02:05:00.000Z'),
    readAt: null,
    userId: 'u1',
    fullName: 'Nguyễn Thị Hồng Nhung',
    email: 'nhung@example.vn',
    phone: null,
    roles: ['CITIZEN'],
  };
  const unsubscribe = 'https://motcua.danang.gov.vn/api/v1/notifications/unsubscribe?token=t';

  it('writes Vietnamese first, English below, with the link to the dossier and the unsubscribe link', () => {
    const mail = notificationMail(row, 'https://motcua.danang.gov.vn', unsubscribe)!;
    expect(mail.to).toBe('nhung@example.vn');
    expect(mail.subject).toBe('Hồ sơ 000.00.12.H17-261127-0001: Đã tiếp nhận');
    const vi = mail.text.indexOf('đã chuyển sang trạng thái: Đã tiếp nhận.');
    const en = mail.text.indexOf('is now: Received');
    expect(vi).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(vi);
    expect(mail.text).toContain('https://motcua.danang.gov.vn/dossiers/d1');
    expect(mail.text).toContain(unsubscribe);
    expect(mail.headers?.['List-Unsubscribe']).toBe(`<${unsubscribe}>`);
  });

  it('sends nothing to a user without an e-mail address', () => {
    expect(notificationMail({ ...row, email: null }, 'https://x', unsubscribe)).toBeNull();
  });

  it('names each status as the web does (STATUS_NAMES of @motcua/shared)', () => {
    for (const status of DOSSIER_STATUSES) {
      const mail = notificationMail({ ...row, params: { status } }, 'https://x', unsubscribe)!;
      expect(mail.subject).toBe(`Hồ sơ ${row.dossierCode}: ${STATUS_NAMES[status].vi}`);
      expect(mail.text).toContain(`is now: ${STATUS_NAMES[status].en}.`);
    }
  });

  it('a result ready links to the rating section and has no unsubscribe link (essential)', () => {
    const mail = notificationMail({ ...row, type: 'RESULT_READY', params: {} }, 'https://x', unsubscribe)!;
    expect(mail.text).toContain('https://x/dossiers/d1#danh-gia');
    expect(mail.text).not.toContain(unsubscribe);
    expect(mail.headers).toBeUndefined();
  });

  it('staff are sent to the work screen', () => {
    const mail = notificationMail({ ...row, type: 'SLA_OVERDUE', roles: ['OFFICER'] }, 'https://x', unsubscribe)!;
    expect(mail.text).toContain('https://x/staff/dossiers/d1');
  });
});

describe('what a transition tells the applicant', () => {
  const after = {
    id: 'd1',
    code: 'C-1',
    applicantId: 'u1',
    status: 'RECEIVED' as const,
    channel: 'ONLINE' as const,
    fee: 50_000,
    feeStatus: 'UNPAID' as const,
    deliveryMethod: 'ELECTRONIC' as const,
  };
  const types = (...a: Parameters<typeof applicantNotifications>) => applicantNotifications(...a).map((n) => n.type);

  it('a status change, a supplement request, a result returned electronically', () => {
    expect(types('receive', 'SUBMITTED', after, null)).toEqual(['STATUS_CHANGED']);
    expect(types('request_supplement', 'IN_PROCESSING', { ...after, status: 'SUPPLEMENT_REQUESTED' }, 'x')).toEqual([
      'SUPPLEMENT_REQUESTED',
    ]);
    expect(types('return_result', 'APPROVED', { ...after, status: 'RETURNED', feeStatus: 'PAID' }, null)).toEqual([
      'RESULT_READY',
    ]);
    expect(
      types('return_result', 'APPROVED', { ...after, status: 'RETURNED', deliveryMethod: 'COUNTER' }, null),
    ).toEqual(['STATUS_CHANGED']);
  });

  it('nothing for a hand-over that keeps the status', () => {
    expect(types('assign', 'IN_PROCESSING', { ...after, status: 'IN_PROCESSING' }, 'note')).toEqual([]);
  });

  it('the fee due once: at an online submission, at receipt of a counter dossier; never when paid or free', () => {
    expect(types('submit', 'DRAFT', { ...after, status: 'SUBMITTED' }, null)).toEqual(['STATUS_CHANGED', 'FEE_DUE']);
    expect(types('receive', 'SUBMITTED', after, null)).toEqual(['STATUS_CHANGED']);
    expect(types('receive', 'SUBMITTED', { ...after, channel: 'COUNTER' }, null)).toEqual([
      'STATUS_CHANGED',
      'FEE_DUE',
    ]);
    expect(types('submit', 'DRAFT', { ...after, status: 'SUBMITTED', feeStatus: 'PAID' }, null)).toEqual([
      'STATUS_CHANGED',
    ]);
    expect(types('submit', 'DRAFT', { ...after, status: 'SUBMITTED', fee: 0, feeStatus: 'NONE' }, null)).toEqual([
      'STATUS_CHANGED',
    ]);
  });
});
