import type { LoginResponse, ProcedureDetail, ProcedureSummary, SectorDto, UserDto } from '@motcua/shared';

/** Responses shaped as api.md (and packages/shared) say, with realistic Da Nang data. */
export const sectors: SectorDto[] = [
  { code: 'HO_TICH', name: 'Hộ tịch', nameEn: 'Civil status' },
  { code: 'XAY_DUNG', name: 'Xây dựng', nameEn: 'Construction' },
];

export const birthRegistration: ProcedureSummary = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  sectorCode: 'HO_TICH',
  onlineLevel: 'FULL',
  processingDays: 0,
  fee: 0,
};

export const buildingPermit: ProcedureSummary = {
  code: '1.009994',
  name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  nameEn: 'Construction permit for a detached house',
  sectorCode: 'XAY_DUNG',
  onlineLevel: 'PARTIAL',
  processingDays: 15,
  fee: 75000,
};

export function procedureDetail(over: Partial<ProcedureDetail> = {}): ProcedureDetail {
  return {
    ...buildingPermit,
    version: 2,
    publishedAt: '2026-01-05T02:00:00.000Z',
    agencyCodes: ['000.00.12.H17'],
    agencies: [
      {
        code: '000.00.12.H17',
        name: 'UBND phường Hải Châu',
        nameEn: 'Hai Chau Ward People’s Committee',
        address: 'Bộ phận Một cửa, 12 Quang Trung, phường Hải Châu, thành phố Đà Nẵng',
        phone: '0236 3000 201',
        openingHours: 'Thứ Hai đến Thứ Sáu: 7:30–11:30, 13:30–17:00',
        openingHoursEn: 'Monday to Friday: 7:30–11:30 and 13:30–17:00',
      },
    ],
    requiredDocuments: [
      {
        code: 'DON',
        name: 'Đơn đề nghị cấp giấy phép xây dựng',
        nameEn: 'Application form',
        required: true,
        maxSizeMb: 10,
      },
      { code: 'BAN_VE', name: 'Bản vẽ thiết kế xây dựng', required: true, maxSizeMb: 20 },
      { code: 'CAM_KET', name: 'Bản cam kết bảo đảm an toàn công trình liền kề', required: false, maxSizeMb: 10 },
    ],
    formSchema: { fields: [] },
    description: 'Cấp giấy phép xây dựng cho nhà ở riêng lẻ trên địa bàn phường.',
    descriptionEn: 'A building permit for a detached house in the ward.',
    legalBasis: 'Luật Xây dựng 2014; Nghị định 15/2021/NĐ-CP',
    result: 'Giấy phép xây dựng',
    resultEn: 'Construction permit',
    feeNote: null,
    feeNoteEn: null,
    updatedAt: '2026-01-05T02:00:00.000Z',
    templates: [
      {
        name: 'to-khai.pdf',
        title: 'Tờ khai cấp giấy phép xây dựng nhà ở riêng lẻ',
        titleEn: 'Application form: Construction permit for a detached house',
        mimeType: 'application/pdf',
        url: '/procedures/1.009994/templates/to-khai.pdf',
      },
    ],
    ...over,
  };
}

export const citizenLogin: LoginResponse = {
  accessToken: 'access-citizen',
  refreshToken: 'refresh-citizen',
  expiresIn: 900,
  user: { id: 'u-citizen', fullName: 'Nguyễn Văn An', roles: ['CITIZEN'], agencyCode: null },
};

export const receptionistLogin: LoginResponse = {
  accessToken: 'access-staff',
  refreshToken: 'refresh-staff',
  expiresIn: 900,
  user: { id: 'u-staff', fullName: 'Trần Thị Bình', roles: ['RECEPTIONIST'], agencyCode: '000.00.12.H17' },
};

export const citizenMe: UserDto = {
  id: 'u-citizen',
  username: '048095001234',
  nationalId: '048095001234',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1995-03-14',
  email: 'an.nguyen@example.com',
  phone: '0905123456',
  roles: ['CITIZEN'],
  agencyCode: null,
  assuranceLevel: null,
  verified: false,
  createdAt: '2026-01-10T03:00:00.000Z',
};
