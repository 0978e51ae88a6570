import { DOSSIER_STATUSES, STATUS_NAMES, WorkingCalendar } from '@motcua/shared';
import { isLate, newAppointment } from './dossier-documents.service.js';
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
    expect(isLate(d, at('2026-05-05T09:00:00'), calendar)).toBe(false);
    expect(dossierSla({ ...d, status: 'IN_PROCESSING' }, at('2026-05-05T09:00:00'), calendar)).toBe('OVERDUE');
  });
});

describe('apology letters', () => {
  const base = {
    status: 'IN_PROCESSING' as const,
    dueAt: at('2026-04-28T17:00:00'),
    completedAt: null,
    returnedAt: null,
    supplementRequestedAt: null,
    processingDays: 5,
  };

  it('calls a dossier late when decided after its due date or still open past it', () => {
    expect(isLate(base, at('2026-04-28T16:00:00'), calendar)).toBe(false);
    expect(isLate(base, at('2026-04-29T08:00:00'), calendar)).toBe(true);
    expect(
      isLate(
        { ...base, status: 'APPROVED', completedAt: at('2026-04-29T08:00:00') },
        at('2026-06-01T08:00:00'),
        calendar,
      ),
    ).toBe(true);
    expect(
      isLate(
        { ...base, status: 'APPROVED', completedAt: at('2026-04-28T08:00:00') },
        at('2026-06-01T08:00:00'),
        calendar,
      ),
    ).toBe(false);
    expect(isLate({ ...base, status: 'WITHDRAWN' }, at('2026-06-01T08:00:00'), calendar)).toBe(false);
  });

  it('sets the new appointment at half the time limit (at least a day) from today for an open dossier', () => {
    // Wednesday 29/4 + ceil(5/2) = 3 working days, skipping 30/4, 1/5 and the weekend: Wednesday 6/5.
    expect(newAppointment(base, at('2026-04-29T09:00:00'), calendar)).toEqual(at('2026-05-06T17:00:00'));
    expect(newAppointment({ ...base, processingDays: 0 }, at('2026-04-29T09:00:00'), calendar)).toEqual(
      at('2026-05-04T17:00:00'),
    );
  });

  it('sets it to the next working day for a decided dossier, and to the return for a returned one', () => {
    const decided = { ...base, status: 'APPROVED' as const, completedAt: at('2026-04-29T08:00:00') };
    expect(newAppointment(decided, at('2026-04-29T09:00:00'), calendar)).toEqual(at('2026-05-04T17:00:00'));
    const returnedAt = at('2026-05-04T10:00:00');
    expect(newAppointment({ ...decided, status: 'RETURNED', returnedAt }, at('2026-05-10T09:00:00'), calendar)).toEqual(
      returnedAt,
    );
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
