import type { DossierDto, LoginResponse, ProcedureDetail, QueueItem, ReportSummary } from '@motcua/shared';
import { endOfWorkingDay, toLocalDate } from '@motcua/shared/dossier-clock';
import { procedureDetail } from './fixtures';

/** Staff, dossiers, queue rows and report figures shaped as api.md says, for the desk and dashboard tests. */
const HAI_CHAU = '000.30.01.H17';

function staffLogin(id: string, fullName: string, roles: LoginResponse['user']['roles']): LoginResponse {
  return {
    accessToken: `access-${id}`,
    refreshToken: `refresh-${id}`,
    expiresIn: 900,
    user: { id, fullName, roles, agencyCode: HAI_CHAU },
  };
}

export const receptionist = staffLogin('u-reception', 'Trần Thị Bình', ['RECEPTIONIST']);
export const officer = staffLogin('u-officer', 'Lê Văn Cường', ['OFFICER']);
export const approver = staffLogin('u-approver', 'Phạm Thị Dung', ['APPROVER']);
export const manager = staffLogin('u-manager', 'Hoàng Văn Em', ['MANAGER']);

const DAY_MS = 86_400_000;
/** 17:00 in Vietnam, `days` local days from today (negative: in the past). */
export function dueInDays(days: number): string {
  return endOfWorkingDay(toLocalDate(new Date(Date.now() + days * DAY_MS))).toISOString();
}

export function queueItem(over: Partial<QueueItem> = {}): QueueItem {
  return {
    id: 'd-1',
    code: `${HAI_CHAU}-260714-0001`,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    applicantName: 'Nguyễn Văn An',
    status: 'SUBMITTED',
    channel: 'ONLINE',
    submittedAt: '2026-07-14T02:00:00.000Z',
    dueAt: null,
    sla: null,
    assignee: null,
    ...over,
  };
}

export const birthProcedure: ProcedureDetail = procedureDetail({
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  sectorCode: 'HO_TICH',
  onlineLevel: 'FULL',
  processingDays: 1,
  fee: 0,
  agencyCodes: [HAI_CHAU],
  agencies: [
    {
      code: HAI_CHAU,
      name: 'UBND phường Hải Châu',
      nameEn: 'Hai Chau Ward People’s Committee',
      address: null,
      phone: null,
      openingHours: null,
      openingHoursEn: null,
    },
  ],
  requiredDocuments: [
    {
      code: 'TO_KHAI',
      name: 'Tờ khai đăng ký khai sinh',
      nameEn: 'Birth registration form',
      required: true,
      maxSizeMb: 10,
    },
    { code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', nameEn: 'Birth notice', required: true, maxSizeMb: 10 },
  ],
  formSchema: {
    fields: [
      {
        key: 'childFullName',
        label: 'Họ, chữ đệm và tên của trẻ',
        labelEn: "Child's full name",
        type: 'text',
        required: true,
      },
      {
        key: 'childDateOfBirth',
        label: 'Ngày, tháng, năm sinh',
        labelEn: 'Date of birth',
        type: 'date',
        required: true,
      },
    ],
  },
});

export function dossier(over: Partial<DossierDto> = {}): DossierDto {
  return {
    id: 'd-1',
    code: `${HAI_CHAU}-260714-0001`,
    status: 'SUBMITTED',
    nationalStatusCode: 1,
    channel: 'ONLINE',
    version: 3,
    procedure: {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      onlineLevel: 'FULL',
      version: 1,
      processingDays: 1,
      fee: 0,
    },
    agency: { code: HAI_CHAU, name: 'UBND phường Hải Châu' },
    applicant: { id: 'u-citizen', fullName: 'Nguyễn Văn An' },
    formData: { childFullName: 'Nguyễn Minh Khang', childDateOfBirth: '2026-07-01' },
    attachments: [
      {
        id: 'a-1',
        documentCode: 'TO_KHAI',
        fileName: 'to-khai.pdf',
        mimeType: 'application/pdf',
        size: 20480,
        sha256: 'ab'.repeat(32),
        uploadedAt: '2026-07-14T01:50:00.000Z',
      },
    ],
    createdAt: '2026-07-14T01:40:00.000Z',
    submittedAt: '2026-07-14T02:00:00.000Z',
    receivedAt: null,
    dueAt: null,
    supplementRequestedAt: null,
    completedAt: null,
    returnedAt: null,
    assignee: null,
    sla: null,
    timeline: [
      {
        type: 'STATUS_CHANGED',
        fromStatus: 'DRAFT',
        toStatus: 'SUBMITTED',
        actor: { fullName: 'Nguyễn Văn An', role: 'CITIZEN' },
        note: null,
        at: '2026-07-14T02:00:00.000Z',
      },
    ],
    availableActions: ['receive', 'refuse'],
    rating: null,
    fee: { amount: 0, status: 'NONE', method: null, paidAt: null, receiptNo: null },
    deliveryMethod: 'ELECTRONIC',
    postalAddress: null,
    result: null,
    endToEnd: null,
    appointmentAt: null,
    ...over,
  };
}

/** A period's figures; by default 589 of 1,000 received online (58,9 %), and no ratings yet. */
export function reportSummary(over: Partial<ReportSummary> = {}): ReportSummary {
  return {
    from: '2026-07-01',
    to: '2026-07-15',
    received: 1000,
    online: { count: 589, rate: 0.589 },
    fullProcess: { total: 400, online: 300, rate: 0.75 },
    decided: 800,
    onTime: { count: 760, rate: 0.95 },
    late: 40,
    openOverdue: 12,
    avgProcessingDays: 2.4,
    satisfaction: { ratings: 0, satisfied: 0, rate: null },
    payment: { paid: 0, online: 0, rate: null },
    early: 300,
    returned: 780,
    open: { total: 240, overdue: 12, rate: 0.05, waitingCitizen: 7 },
    endToEnd: { total: 300, count: 177, rate: 0.59 },
    digitised: { total: 780, count: 500, rate: 500 / 780 },
    apologies: { issued: 0, automatic: 0 },
    ...over,
  };
}
