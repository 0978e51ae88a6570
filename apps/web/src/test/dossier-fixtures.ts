import type { DossierDto, DossierSummary, ProcedureDetail } from '@motcua/shared';
import { procedureDetail } from './fixtures';

/** Birth registration as the catalog answers it (api.md), with a form of two pages and three documents. */
export function birthProcedure(over: Partial<ProcedureDetail> = {}): ProcedureDetail {
  return procedureDetail({
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    sectorCode: 'HO_TICH',
    onlineLevel: 'FULL',
    processingDays: 1,
    fee: 0,
    agencyCodes: ['000.30.01.H17', '000.30.02.H17'],
    agencies: [
      {
        code: '000.30.01.H17',
        name: 'Phường Hải Châu',
        nameEn: 'Hai Chau Ward',
        address: null,
        phone: null,
        openingHours: null,
        openingHoursEn: null,
      },
      {
        code: '000.30.02.H17',
        name: 'Phường Hòa Cường',
        nameEn: 'Hoa Cuong Ward',
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
      { code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', nameEn: 'Birth notice', required: true, maxSizeMb: 5 },
      {
        code: 'VAN_BAN_UY_QUYEN',
        name: 'Văn bản ủy quyền',
        nameEn: 'Power of attorney',
        required: false,
        maxSizeMb: 10,
      },
    ],
    formSchema: {
      fields: [
        {
          key: 'childFullName',
          label: 'Họ, chữ đệm và tên của trẻ',
          labelEn: "Child's full name",
          type: 'text',
          required: true,
          maxLength: 100,
          pattern: "[\\p{L} '.-]+",
          hint: 'Viết có dấu, ví dụ: Nguyễn Thị Minh Anh',
          hintEn: 'With Vietnamese diacritics, e.g. Nguyễn Thị Minh Anh',
        },
        {
          key: 'childDateOfBirth',
          label: 'Ngày, tháng, năm sinh',
          labelEn: 'Date of birth',
          type: 'date',
          required: true,
        },
        {
          key: 'childGender',
          label: 'Giới tính',
          labelEn: 'Sex',
          type: 'select',
          required: true,
          options: [
            { value: 'NAM', label: 'Nam', labelEn: 'Male' },
            { value: 'NU', label: 'Nữ', labelEn: 'Female' },
          ],
        },
        {
          key: 'motherNationalId',
          label: 'Số định danh cá nhân của mẹ',
          labelEn: "Mother's personal ID number",
          type: 'nationalId',
          required: true,
        },
        {
          key: 'requesterPhone',
          label: 'Số điện thoại liên hệ',
          labelEn: 'Contact phone number',
          type: 'phone',
          required: true,
        },
        { key: 'requesterEmail', label: 'Thư điện tử', labelEn: 'E-mail', type: 'email', required: false },
        {
          key: 'extractCopies',
          label: 'Số bản sao trích lục',
          labelEn: 'Number of certified extracts',
          type: 'number',
          required: false,
          min: 0,
          max: 10,
          integer: true,
        },
        {
          key: 'declaration',
          label: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật.',
          labelEn: 'I declare that the information above is true.',
          type: 'checkbox',
          required: true,
        },
      ],
    },
    ...over,
  });
}

/** Answers that pass the form's validator, page by page. */
export const PAGE_1_ANSWERS = {
  childFullName: 'Nguyễn Minh Anh',
  childDateOfBirth: '2026-11-20',
  childGender: 'NU',
  motherNationalId: '048190000123',
};
export const PAGE_2_ANSWERS = {
  requesterPhone: '0905123456',
  requesterEmail: null,
  extractCopies: 2,
  declaration: true,
};

export function buildDossier(over: Partial<DossierDto> = {}): DossierDto {
  return {
    id: 'd-1',
    code: null,
    status: 'DRAFT',
    nationalStatusCode: null,
    channel: 'ONLINE',
    version: 1,
    procedure: {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      onlineLevel: 'FULL',
      version: 1,
      processingDays: 1,
      fee: 0,
    },
    agency: { code: '000.30.01.H17', name: 'Phường Hải Châu' },
    applicant: { id: 'u-citizen', fullName: 'Nguyễn Văn An' },
    formData: {},
    attachments: [],
    createdAt: '2026-11-26T02:00:00.000Z',
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    supplementRequestedAt: null,
    completedAt: null,
    returnedAt: null,
    assignee: null,
    sla: null,
    timeline: [
      {
        type: 'CREATED',
        fromStatus: null,
        toStatus: 'DRAFT',
        actor: { fullName: 'Nguyễn Văn An', role: 'CITIZEN' },
        note: null,
        at: '2026-11-26T02:00:00.000Z',
      },
    ],
    availableActions: ['submit'],
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

export function summaryOf(d: DossierDto): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    nationalStatusCode: d.nationalStatusCode,
    channel: d.channel,
    version: d.version,
    procedure: { code: d.procedure.code, name: d.procedure.name },
    agency: d.agency,
    applicant: d.applicant,
    createdAt: d.createdAt,
    submittedAt: d.submittedAt,
    dueAt: d.dueAt,
    completedAt: d.completedAt,
    sla: d.sla,
  };
}

export const pdfAttachment = (documentCode: string, id = `a-${documentCode}`) => ({
  id,
  documentCode,
  fileName: `${documentCode.toLowerCase()}.pdf`,
  mimeType: 'application/pdf',
  size: 48_213,
  sha256: 'a'.repeat(64),
  uploadedAt: '2026-11-26T02:10:00.000Z',
});
