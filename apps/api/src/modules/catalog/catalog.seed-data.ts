import type { CreateAgencyInput, CreateProcedureInput, CreateSectorInput, FormField } from '@motcua/shared';

/**
 * Demo catalog of Da Nang under the two-tier local government (from 1 July 2025: the city,
 * its departments, and communes/wards; districts abolished). Agency codes follow the
 * electronic-code pattern of the city (`000.00.xx.H17` departments, `000.30.xx.H17` wards,
 * `000.31.xx.H17` communes); only the city's, the Department of Justice's and Hải Châu's are
 * the brief's, the rest are ours in the same pattern.
 *
 * Procedure codes: the national database code (CSDL quốc gia về TTHC) where we could check it;
 * otherwise a local `DN.*` code, to be replaced by the national one.
 *
 * Handling agencies follow domain.md. Known difference from 2025 practice: since 1 March 2025
 * judicial record certificates and driving licences are issued by the police (Công an cấp
 * tỉnh), no longer by the Departments of Justice and Transport/Construction; to follow that,
 * set those two procedures' agencyCodes to CITY_POLICE.
 */

export const CITY = '000.00.00.H17';
export const DEPT_JUSTICE = '000.00.12.H17';
export const DEPT_FINANCE = '000.00.05.H17';
export const DEPT_CONSTRUCTION = '000.00.09.H17';
export const DEPT_HEALTH = '000.00.17.H17';
export const CITY_POLICE = '000.00.20.H17';
export const WARD_HAI_CHAU = '000.30.01.H17';

/**
 * Demo contacts: the departments sit in the city's Administrative Centre (24 Trần Phú); the ward
 * and commune offices' street numbers and every phone number are made up for the demo (the
 * 0236 3000 xxx block), never a real line to call.
 */
const HOURS = 'Thứ Hai đến Thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00 (trừ ngày nghỉ lễ)';
const HOURS_EN = 'Monday to Friday: 7:30–11:30 and 13:30–17:00 (closed on public holidays)';
const HOURS_SAT = 'Thứ Hai đến Thứ Sáu: 7:30–11:30, 13:30–17:00; sáng Thứ Bảy: 7:30–11:30 (trừ ngày nghỉ lễ)';
const HOURS_SAT_EN = 'Monday to Friday: 7:30–11:30 and 13:30–17:00; Saturday 7:30–11:30 (closed on public holidays)';
const centre = (floor: string, phone: string) => ({
  address: `${floor}, Trung tâm Hành chính thành phố, 24 Trần Phú, phường Hải Châu, thành phố Đà Nẵng`,
  phone,
  openingHours: HOURS,
  openingHoursEn: HOURS_EN,
});
const ward = (street: string, wardName: string, phone: string) => ({
  address: `Bộ phận Một cửa, ${street}, ${wardName}, thành phố Đà Nẵng`,
  phone,
  openingHours: HOURS_SAT,
  openingHoursEn: HOURS_SAT_EN,
});

export const DEMO_AGENCIES: CreateAgencyInput[] = [
  {
    code: CITY,
    name: 'UBND thành phố Đà Nẵng',
    nameEn: "Da Nang City People's Committee",
    level: 'CITY',
    ...centre('Tầng 2', '0236 3000 100'),
  },
  {
    code: DEPT_JUSTICE,
    name: 'Sở Tư pháp',
    nameEn: 'Department of Justice',
    level: 'DEPARTMENT',
    parentCode: CITY,
    ...centre('Tầng 1', '0236 3000 112'),
  },
  {
    code: DEPT_FINANCE,
    name: 'Sở Tài chính',
    nameEn: 'Department of Finance',
    level: 'DEPARTMENT',
    parentCode: CITY,
    ...centre('Tầng 1', '0236 3000 105'),
  },
  {
    code: DEPT_CONSTRUCTION,
    name: 'Sở Xây dựng',
    nameEn: 'Department of Construction',
    level: 'DEPARTMENT',
    parentCode: CITY,
    ...centre('Tầng 1', '0236 3000 109'),
  },
  {
    code: DEPT_HEALTH,
    name: 'Sở Y tế',
    nameEn: 'Department of Health',
    level: 'DEPARTMENT',
    parentCode: CITY,
    ...centre('Tầng 1', '0236 3000 117'),
  },
  {
    code: CITY_POLICE,
    name: 'Công an thành phố Đà Nẵng',
    nameEn: 'Da Nang City Police',
    level: 'DEPARTMENT',
    parentCode: CITY,
    address: 'Bộ phận tiếp nhận hồ sơ, 80 Lê Duẩn, phường Hải Châu, thành phố Đà Nẵng',
    phone: '0236 3000 120',
    openingHours: HOURS_SAT,
    openingHoursEn: HOURS_SAT_EN,
  },
  {
    code: WARD_HAI_CHAU,
    name: 'Phường Hải Châu',
    nameEn: 'Hai Chau Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('12 Quang Trung', 'phường Hải Châu', '0236 3000 201'),
  },
  {
    code: '000.30.02.H17',
    name: 'Phường Hòa Cường',
    nameEn: 'Hoa Cuong Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('45 Núi Thành', 'phường Hòa Cường', '0236 3000 202'),
  },
  {
    code: '000.30.03.H17',
    name: 'Phường Thanh Khê',
    nameEn: 'Thanh Khe Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('210 Điện Biên Phủ', 'phường Thanh Khê', '0236 3000 203'),
  },
  {
    code: '000.30.04.H17',
    name: 'Phường Sơn Trà',
    nameEn: 'Son Tra Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('88 Ngô Quyền', 'phường Sơn Trà', '0236 3000 204'),
  },
  {
    code: '000.30.05.H17',
    name: 'Phường An Hải',
    nameEn: 'An Hai Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('30 Ngô Quyền', 'phường An Hải', '0236 3000 205'),
  },
  {
    code: '000.30.06.H17',
    name: 'Phường Ngũ Hành Sơn',
    nameEn: 'Ngu Hanh Son Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('500 Lê Văn Hiến', 'phường Ngũ Hành Sơn', '0236 3000 206'),
  },
  {
    code: '000.30.07.H17',
    name: 'Phường Cẩm Lệ',
    nameEn: 'Cam Le Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('150 Ông Ích Đường', 'phường Cẩm Lệ', '0236 3000 207'),
  },
  {
    code: '000.30.08.H17',
    name: 'Phường Liên Chiểu',
    nameEn: 'Lien Chieu Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('700 Tôn Đức Thắng', 'phường Liên Chiểu', '0236 3000 208'),
  },
  {
    code: '000.30.09.H17',
    name: 'Phường Hòa Khánh',
    nameEn: 'Hoa Khanh Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('20 Nguyễn Lương Bằng', 'phường Hòa Khánh', '0236 3000 209'),
  },
  {
    code: '000.30.10.H17',
    name: 'Phường Hội An',
    nameEn: 'Hoi An Ward',
    level: 'WARD',
    parentCode: CITY,
    ...ward('9 Trần Hưng Đạo', 'phường Hội An', '0236 3000 210'),
  },
  {
    code: '000.31.01.H17',
    name: 'Xã Hòa Vang',
    nameEn: 'Hoa Vang Commune',
    level: 'COMMUNE',
    parentCode: CITY,
    ...ward('Thôn Túy Loan', 'xã Hòa Vang', '0236 3000 301'),
  },
  {
    code: '000.31.02.H17',
    name: 'Xã Bà Nà',
    nameEn: 'Ba Na Commune',
    level: 'COMMUNE',
    parentCode: CITY,
    ...ward('Thôn An Sơn', 'xã Bà Nà', '0236 3000 302'),
  },
];

/** Every ward and commune: they all handle the commune-level procedures. */
export const LOCAL_AGENCIES = DEMO_AGENCIES.filter((a) => a.level === 'WARD' || a.level === 'COMMUNE').map(
  (a) => a.code,
);

export const DEMO_SECTORS: CreateSectorInput[] = [
  { code: 'HO_TICH', name: 'Hộ tịch', nameEn: 'Civil status' },
  { code: 'CHUNG_THUC', name: 'Chứng thực', nameEn: 'Certification' },
  { code: 'LY_LICH_TU_PHAP', name: 'Lý lịch tư pháp', nameEn: 'Judicial records' },
  { code: 'CONG_CHUNG', name: 'Công chứng', nameEn: 'Notarisation' },
  { code: 'HO_KINH_DOANH', name: 'Thành lập và hoạt động của hộ kinh doanh', nameEn: 'Household businesses' },
  { code: 'DOANH_NGHIEP', name: 'Thành lập và hoạt động doanh nghiệp', nameEn: 'Enterprise registration' },
  { code: 'XAY_DUNG', name: 'Hoạt động xây dựng', nameEn: 'Construction' },
  { code: 'CU_TRU', name: 'Đăng ký, quản lý cư trú', nameEn: 'Residence' },
  { code: 'DUONG_BO', name: 'Đường bộ', nameEn: 'Road transport' },
  { code: 'Y_TE', name: 'Khám bệnh, chữa bệnh', nameEn: 'Medical practice' },
  { code: 'AN_TOAN_THUC_PHAM', name: 'An toàn thực phẩm', nameEn: 'Food safety' },
];

// ---- Form-field builders (labels in vi and en) ----

type Extra = Partial<Omit<FormField, 'key' | 'type' | 'label' | 'labelEn'>>;
const field =
  (type: FormField['type']) =>
  (key: string, label: string, labelEn: string, extra: Extra = {}): FormField => ({
    key,
    label,
    labelEn,
    type,
    required: true,
    ...extra,
  });
const text = field('text');
const textarea = field('textarea');
const number = field('number');
const date = field('date');
const select = field('select');
const checkbox = field('checkbox');
const email = field('email');
const phone = field('phone');
const nationalId = field('nationalId');
const opt = (value: string, label: string, labelEn: string) => ({ value, label, labelEn });
const optional = { required: false } as const;
/** Births, deaths, past events: not in the future, not before 1900 (a typo of the year). */
const PAST_DATE = { min: '1900-01-01', max: 'today' } as const;
/** Dates asked for ahead: from today on. */
const FUTURE_DATE = { min: 'today' } as const;
/** The applicant's own birth date: prefilled from (and, when verified, locked to) the profile. */
const OWN_BIRTH_DATE = { ...PAST_DATE, profileField: 'birthDate' } as const;

const GENDER = [opt('NAM', 'Nam', 'Male'), opt('NU', 'Nữ', 'Female')];
const ETHNICITY = [
  opt('KINH', 'Kinh', 'Kinh'),
  opt('HOA', 'Hoa', 'Hoa'),
  opt('CO_TU', 'Cơ Tu', 'Co Tu'),
  opt('CHAM', 'Chăm', 'Cham'),
  opt('KHAC', 'Dân tộc khác', 'Other'),
];
const RELATION = [
  opt('CHA', 'Cha', 'Father'),
  opt('ME', 'Mẹ', 'Mother'),
  opt('ONG_BA', 'Ông, bà', 'Grandparent'),
  opt('NGUOI_THAN', 'Người thân thích khác', 'Other relative'),
  opt('UY_QUYEN', 'Người được ủy quyền', 'Authorised person'),
];
const DELIVERY = [
  opt('TRUC_TUYEN', 'Nhận bản điện tử trên Cổng dịch vụ công', 'Electronic copy on the portal'),
  opt('TAI_QUAY', 'Nhận tại Bộ phận Một cửa', 'At the one-stop-shop desk'),
  opt('BUU_CHINH', 'Qua dịch vụ bưu chính công ích', 'By public postal service'),
];

const requester = (): FormField[] => [
  // The requester is the signed-in applicant: these come from their profile.
  text('requesterName', 'Họ, chữ đệm và tên người yêu cầu', "Requester's full name", {
    maxLength: 100,
    profileField: 'fullName',
  }),
  nationalId('requesterNationalId', 'Số định danh cá nhân người yêu cầu', "Requester's personal ID number", {
    profileField: 'nationalId',
  }),
  phone('requesterPhone', 'Số điện thoại liên hệ', 'Contact phone number', { profileField: 'phone' }),
  email('requesterEmail', 'Thư điện tử', 'E-mail', { ...optional, profileField: 'email' }),
];
const declaration = (): FormField =>
  checkbox(
    'declaration',
    'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
    'I declare that the information above is true and I am responsible before the law for this declaration.',
  );
const delivery = (): FormField =>
  select('resultDelivery', 'Hình thức nhận kết quả', 'How to receive the result', { options: DELIVERY });

const doc = (code: string, name: string, nameEn: string, required = true, maxSizeMb = 10) => ({
  code,
  name,
  nameEn,
  required,
  maxSizeMb,
});
const authorisation = () =>
  doc(
    'VAN_BAN_UY_QUYEN',
    'Văn bản ủy quyền (trường hợp nộp thay theo ủy quyền)',
    'Power of attorney (when filing on behalf of someone)',
    false,
  );

const HO_TICH_LAW =
  'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; Nghị định 120/2025/NĐ-CP (phân định thẩm quyền chính quyền hai cấp).';

/** The demo procedures (version 1 each). */
export const DEMO_PROCEDURES: CreateProcedureInput[] = [
  // ---------------- Hộ tịch (wards and communes) ----------------
  {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    sectorCode: 'HO_TICH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'FULL',
    processingDays: 1,
    fee: 0,
    feeNote: 'Miễn lệ phí đăng ký khai sinh đúng hạn.',
    feeNoteEn: 'No fee when the birth is registered on time.',
    description:
      'Cha, mẹ hoặc người thân đăng ký khai sinh cho trẻ em trong thời hạn 60 ngày kể từ ngày sinh, tại UBND cấp xã nơi cư trú của cha hoặc mẹ. Có thể nộp trực tuyến toàn trình và nhận bản điện tử Giấy khai sinh.',
    descriptionEn:
      "A parent or relative registers a child's birth within 60 days, at the commune or ward where the father or mother resides. Fully online; the electronic birth certificate is delivered on the portal.",
    legalBasis: HO_TICH_LAW,
    result: 'Giấy khai sinh (bản chính, bản điện tử) và bản sao trích lục khai sinh (nếu có yêu cầu).',
    resultEn: 'Birth certificate (original and electronic) and certified extracts if requested.',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai đăng ký khai sinh (theo mẫu)', 'Birth registration form (official template)'),
      doc(
        'GIAY_CHUNG_SINH',
        'Giấy chứng sinh (hoặc văn bản của người làm chứng xác nhận việc sinh)',
        'Birth notice from the hospital (or a witness statement)',
      ),
      doc(
        'GIAY_CHUNG_NHAN_KET_HON',
        'Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn)',
        "Parents' marriage certificate (if married)",
        false,
      ),
      authorisation(),
    ],
    formSchema: {
      fields: [
        text('childFullName', 'Họ, chữ đệm và tên của trẻ', "Child's full name", {
          maxLength: 100,
          pattern: "[\\p{L} '.-]+",
          hint: 'Viết có dấu, ví dụ: Nguyễn Thị Minh Anh',
          hintEn: 'With Vietnamese diacritics, e.g. Nguyễn Thị Minh Anh',
        }),
        date('childDateOfBirth', 'Ngày, tháng, năm sinh', 'Date of birth', PAST_DATE),
        select('childGender', 'Giới tính', 'Sex', { options: GENDER }),
        select('childEthnicity', 'Dân tộc', 'Ethnicity', { options: ETHNICITY }),
        text('placeOfBirth', 'Nơi sinh', 'Place of birth', {
          maxLength: 200,
          hint: 'Tên cơ sở y tế hoặc địa chỉ nơi sinh',
          hintEn: 'Name of the hospital or address',
        }),
        text('hometown', 'Quê quán', 'Home town', { maxLength: 200 }),
        text('motherFullName', 'Họ, chữ đệm và tên người mẹ', "Mother's full name", { maxLength: 100 }),
        nationalId('motherNationalId', 'Số định danh cá nhân của mẹ', "Mother's personal ID number"),
        text('fatherFullName', 'Họ, chữ đệm và tên người cha', "Father's full name", { maxLength: 100, ...optional }),
        nationalId('fatherNationalId', 'Số định danh cá nhân của cha', "Father's personal ID number", optional),
        ...requester(),
        select('requesterRelation', 'Quan hệ với người được khai sinh', 'Relationship to the child', {
          options: RELATION,
        }),
        number('extractCopies', 'Số bản sao trích lục khai sinh yêu cầu', 'Number of certified extracts requested', {
          min: 0,
          max: 10,
          integer: true,
          ...optional,
        }),
        checkbox(
          'linkResidenceAndInsurance',
          'Đăng ký liên thông thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi',
          'Also register permanent residence and a health insurance card for the child (under 6)',
          optional,
        ),
        delivery(),
        declaration(),
      ],
    },
  },
  {
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    nameEn: 'Marriage registration',
    sectorCode: 'HO_TICH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'PARTIAL',
    processingDays: 5,
    fee: 0,
    feeNote: 'Miễn lệ phí đăng ký kết hôn giữa công dân Việt Nam cư trú trong nước.',
    feeNoteEn: 'No fee for a marriage between Vietnamese citizens residing in Vietnam.',
    description:
      'Hai bên nam, nữ nộp hồ sơ tại UBND cấp xã nơi cư trú của một trong hai bên. Hai bên phải có mặt khi trao Giấy chứng nhận kết hôn.',
    descriptionEn:
      'The couple file at the commune or ward where either of them resides. Both must be present when the marriage certificate is handed over.',
    legalBasis: `Luật Hôn nhân và gia đình 2014; ${HO_TICH_LAW}`,
    result: 'Giấy chứng nhận kết hôn.',
    resultEn: 'Marriage certificate.',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai đăng ký kết hôn (theo mẫu)', 'Marriage registration form (official template)'),
      doc(
        'XAC_NHAN_HON_NHAN',
        'Giấy xác nhận tình trạng hôn nhân (khi đăng ký tại nơi không phải nơi thường trú)',
        'Certificate of marital status (when not registering where you reside)',
        false,
      ),
      doc(
        'BAN_AN_LY_HON',
        'Bản sao bản án, quyết định ly hôn đã có hiệu lực (nếu đã từng kết hôn)',
        'Copy of the final divorce judgment (if previously married)',
        false,
      ),
    ],
    formSchema: {
      fields: [
        text('brideFullName', 'Họ, chữ đệm và tên bên nữ', "Bride's full name", { maxLength: 100 }),
        date('brideDateOfBirth', 'Ngày sinh bên nữ', "Bride's date of birth", PAST_DATE),
        nationalId('brideNationalId', 'Số định danh cá nhân bên nữ', "Bride's personal ID number"),
        text('groomFullName', 'Họ, chữ đệm và tên bên nam', "Groom's full name", { maxLength: 100 }),
        date('groomDateOfBirth', 'Ngày sinh bên nam', "Groom's date of birth", PAST_DATE),
        nationalId('groomNationalId', 'Số định danh cá nhân bên nam', "Groom's personal ID number"),
        phone('contactPhone', 'Số điện thoại liên hệ', 'Contact phone number'),
        email('contactEmail', 'Thư điện tử', 'E-mail', optional),
        date('preferredDate', 'Ngày đề nghị trao Giấy chứng nhận kết hôn', 'Preferred date for the handover', {
          ...FUTURE_DATE,
          ...optional,
        }),
        checkbox(
          'voluntary',
          'Chúng tôi cam đoan việc kết hôn là hoàn toàn tự nguyện, không vi phạm điều cấm của pháp luật.',
          'We declare that we marry of our own free will and that no legal impediment exists.',
        ),
      ],
    },
  },
  {
    code: '1.000656',
    name: 'Đăng ký khai tử',
    nameEn: 'Death registration',
    sectorCode: 'HO_TICH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'FULL',
    processingDays: 1,
    fee: 0,
    feeNote: 'Miễn lệ phí đăng ký khai tử đúng hạn.',
    feeNoteEn: 'No fee when registered on time.',
    description:
      'Người thân đăng ký khai tử trong thời hạn 15 ngày kể từ ngày người chết, tại UBND cấp xã nơi cư trú cuối cùng của người chết.',
    descriptionEn:
      'A relative registers the death within 15 days, at the commune or ward of the deceased person’s last residence.',
    legalBasis: HO_TICH_LAW,
    result: 'Trích lục khai tử.',
    resultEn: 'Death registration extract.',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai đăng ký khai tử (theo mẫu)', 'Death registration form (official template)'),
      doc(
        'GIAY_BAO_TU',
        'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
        'Death notice, or a document that replaces it',
      ),
      authorisation(),
    ],
    formSchema: {
      fields: [
        text('deceasedFullName', 'Họ, chữ đệm và tên người chết', "Deceased person's full name", { maxLength: 100 }),
        nationalId('deceasedNationalId', 'Số định danh cá nhân người chết', "Deceased person's personal ID number"),
        date('deceasedDateOfBirth', 'Ngày sinh người chết', "Deceased person's date of birth", PAST_DATE),
        date('dateOfDeath', 'Ngày chết', 'Date of death', PAST_DATE),
        text('placeOfDeath', 'Nơi chết', 'Place of death', { maxLength: 200 }),
        textarea('causeOfDeath', 'Nguyên nhân chết', 'Cause of death', { maxLength: 500, ...optional }),
        ...requester(),
        select('requesterRelation', 'Quan hệ với người chết', 'Relationship to the deceased', {
          options: [
            opt('VO_CHONG', 'Vợ, chồng', 'Spouse'),
            opt('CON', 'Con', 'Child'),
            opt('CHA_ME', 'Cha, mẹ', 'Parent'),
            opt('NGUOI_THAN', 'Người thân thích khác', 'Other relative'),
          ],
        }),
        number('extractCopies', 'Số bản sao trích lục khai tử yêu cầu', 'Number of certified extracts requested', {
          min: 0,
          max: 10,
          integer: true,
          ...optional,
        }),
        declaration(),
      ],
    },
  },
  {
    code: '1.004884',
    name: 'Đăng ký lại khai sinh',
    nameEn: 'Re-registration of a birth',
    sectorCode: 'HO_TICH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'PARTIAL',
    processingDays: 5,
    fee: 0,
    description:
      'Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam nhưng sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.',
    descriptionEn:
      'For a birth registered in Vietnam whose register and original birth certificate have both been lost.',
    legalBasis: HO_TICH_LAW,
    result: 'Giấy khai sinh (đăng ký lại).',
    resultEn: 'Birth certificate (re-registered).',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai đăng ký lại khai sinh (theo mẫu)', 'Birth re-registration form (official template)'),
      doc(
        'BAN_SAO_GIAY_KHAI_SINH',
        'Bản sao Giấy khai sinh hoặc giấy tờ có thông tin khai sinh (hồ sơ học tập, lý lịch…)',
        'Copy of the birth certificate, or documents showing the birth details (school records…)',
      ),
      doc(
        'CAM_DOAN',
        'Văn bản cam đoan về việc đã đăng ký khai sinh',
        'Written statement that the birth was registered',
      ),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ, chữ đệm và tên người được đăng ký lại khai sinh', 'Full name of the person', {
          maxLength: 100,
        }),
        date('dateOfBirth', 'Ngày sinh', 'Date of birth', PAST_DATE),
        select('gender', 'Giới tính', 'Sex', { options: GENDER }),
        text('placeOfBirth', 'Nơi sinh', 'Place of birth', { maxLength: 200 }),
        text(
          'originalRegistrationPlace',
          'Nơi đã đăng ký khai sinh trước đây',
          'Where the birth was first registered',
          {
            maxLength: 200,
          },
        ),
        number('originalRegistrationYear', 'Năm đăng ký khai sinh trước đây', 'Year of the first registration', {
          min: 1900,
          max: 2100,
          integer: true,
          ...optional,
        }),
        ...requester(),
        declaration(),
      ],
    },
  },
  {
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    nameEn: 'Certificate of marital status',
    sectorCode: 'HO_TICH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 0,
    description:
      'Xác nhận tình trạng hôn nhân để đăng ký kết hôn hoặc sử dụng vào mục đích khác (vay vốn, mua bán nhà đất…).',
    descriptionEn: 'Confirms your marital status, for a marriage or another purpose (a loan, a property sale…).',
    legalBasis: HO_TICH_LAW,
    result: 'Giấy xác nhận tình trạng hôn nhân (có giá trị 6 tháng).',
    resultEn: 'Certificate of marital status (valid for 6 months).',
    requiredDocuments: [
      doc(
        'TO_KHAI',
        'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)',
        'Application form for a certificate of marital status',
      ),
      doc(
        'GIAY_TO_HON_NHAN',
        'Giấy tờ chứng minh việc ly hôn hoặc vợ/chồng đã chết (nếu có)',
        'Proof of divorce or of the spouse’s death (if any)',
        false,
      ),
    ],
    formSchema: {
      fields: [
        ...requester(),
        select('maritalStatus', 'Tình trạng hôn nhân hiện tại', 'Current marital status', {
          options: [
            opt('CHUA_KET_HON', 'Chưa đăng ký kết hôn với ai', 'Never married'),
            opt('LY_HON', 'Đã ly hôn', 'Divorced'),
            opt('GOA', 'Vợ/chồng đã chết', 'Widowed'),
            opt('DANG_CO_VO_CHONG', 'Đang có vợ/chồng', 'Married'),
          ],
        }),
        select('purpose', 'Mục đích sử dụng', 'Purpose', {
          options: [
            opt('KET_HON', 'Đăng ký kết hôn', 'To marry'),
            opt('VAY_VON', 'Vay vốn ngân hàng', 'A bank loan'),
            opt('NHA_DAT', 'Giao dịch nhà, đất', 'A property transaction'),
            opt('KHAC', 'Mục đích khác', 'Other'),
          ],
        }),
        text('intendedSpouseName', 'Họ tên người dự định kết hôn (nếu để kết hôn)', 'Name of the intended spouse', {
          maxLength: 100,
          ...optional,
        }),
        declaration(),
      ],
    },
  },
  {
    code: '2.000635',
    name: 'Cấp bản sao trích lục hộ tịch',
    nameEn: 'Certified copy of a civil status extract',
    sectorCode: 'HO_TICH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'FULL',
    processingDays: 0,
    fee: 8000,
    feeNote: '8.000 đồng/bản sao; nộp trực tuyến: 4.000 đồng/bản sao.',
    feeNoteEn: '8,000 VND per copy; 4,000 VND per copy when filed online.',
    description: 'Cấp bản sao trích lục khai sinh, kết hôn, khai tử… từ sổ hộ tịch hoặc Cơ sở dữ liệu hộ tịch điện tử.',
    descriptionEn: 'Certified extracts of births, marriages, deaths… from the civil status register.',
    legalBasis: `${HO_TICH_LAW} Thông tư 281/2016/TT-BTC.`,
    result: 'Bản sao trích lục hộ tịch.',
    resultEn: 'Certified civil status extract.',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', 'Application form for a certified extract'),
      authorisation(),
    ],
    formSchema: {
      fields: [
        ...requester(),
        select('extractType', 'Loại trích lục', 'Kind of extract', {
          options: [
            opt('KHAI_SINH', 'Trích lục khai sinh', 'Birth'),
            opt('KET_HON', 'Trích lục kết hôn', 'Marriage'),
            opt('KHAI_TU', 'Trích lục khai tử', 'Death'),
          ],
        }),
        text('subjectFullName', 'Họ tên người có thông tin hộ tịch', 'Full name on the record', { maxLength: 100 }),
        date('eventDate', 'Ngày đăng ký (nếu biết)', 'Date registered (if known)', { ...PAST_DATE, ...optional }),
        number('copies', 'Số bản sao', 'Number of copies', { min: 1, max: 20, integer: true }),
        delivery(),
      ],
    },
  },

  // ---------------- Chứng thực (wards and communes) ----------------
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    nameEn: 'Certified copy from an original issued by a Vietnamese authority',
    sectorCode: 'CHUNG_THUC',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'PARTIAL',
    processingDays: 0,
    fee: 2000,
    feeNote: '2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản.',
    feeNoteEn: '2,000 VND a page; from the 3rd page 1,000 VND a page; at most 200,000 VND a copy.',
    description:
      'Chứng thực bản sao trong ngày. Người yêu cầu xuất trình bản chính tại Bộ phận Một cửa; có thể nộp trước bản chụp trực tuyến để được chuẩn bị.',
    descriptionEn:
      'Same-day certified copies. Show the original at the desk; you may send a scan online first so it is prepared.',
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC.',
    result: 'Bản sao có chứng thực.',
    resultEn: 'Certified copy.',
    requiredDocuments: [
      doc('BAN_CHUP', 'Bản chụp bản chính cần chứng thực', 'Scan of the original to certify', true, 20),
    ],
    formSchema: {
      fields: [
        ...requester(),
        text('documentName', 'Tên giấy tờ cần chứng thực', 'Name of the document to certify', {
          maxLength: 200,
          hint: 'Ví dụ: Bằng tốt nghiệp đại học',
          hintEn: 'E.g. university diploma',
        }),
        number('pages', 'Số trang của bản chính', 'Number of pages of the original', {
          min: 1,
          max: 500,
          integer: true,
        }),
        number('copies', 'Số bản sao cần chứng thực', 'Number of certified copies', { min: 1, max: 50, integer: true }),
      ],
    },
  },
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    nameEn: 'Certification of a signature on papers and documents',
    sectorCode: 'CHUNG_THUC',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'PARTIAL',
    processingDays: 0,
    fee: 10000,
    feeNote: '10.000 đồng/trường hợp.',
    feeNoteEn: '10,000 VND per case.',
    description: 'Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực.',
    descriptionEn: 'You sign in front of the certifying officer.',
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC.',
    result: 'Giấy tờ, văn bản đã được chứng thực chữ ký.',
    resultEn: 'The document with the certified signature.',
    requiredDocuments: [doc('VAN_BAN', 'Giấy tờ, văn bản cần chứng thực chữ ký', 'The document to be signed')],
    formSchema: {
      fields: [
        ...requester(),
        text('documentName', 'Tên giấy tờ, văn bản', 'Name of the document', { maxLength: 200 }),
        select('method', 'Hình thức', 'Form of certification', {
          options: [
            opt('CHU_KY', 'Chứng thực chữ ký', 'Signature'),
            opt('DIEM_CHI', 'Chứng thực điểm chỉ', 'Fingerprint'),
          ],
        }),
        number('copies', 'Số bản', 'Number of copies', { min: 1, max: 20, integer: true }),
      ],
    },
  },

  // ---------------- Hộ kinh doanh (wards and communes) ----------------
  {
    code: 'DN.HKD.01',
    name: 'Đăng ký thành lập hộ kinh doanh',
    nameEn: 'Household business registration',
    sectorCode: 'HO_KINH_DOANH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 100000,
    feeNote: 'Lệ phí đăng ký hộ kinh doanh theo Nghị quyết của HĐND thành phố.',
    feeNoteEn: "Registration fee set by the City People's Council.",
    description:
      'Cá nhân, thành viên hộ gia đình đăng ký thành lập hộ kinh doanh tại UBND cấp xã nơi đặt trụ sở hộ kinh doanh.',
    descriptionEn: 'An individual or household registers a household business at the commune or ward of its seat.',
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP.',
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh.',
    resultEn: 'Household business registration certificate.',
    requiredDocuments: [
      doc('GIAY_DE_NGHI', 'Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)', 'Registration request (official template)'),
      doc(
        'BIEN_BAN_HOP',
        'Biên bản họp thành viên hộ gia đình (nếu các thành viên hộ gia đình cùng đăng ký)',
        'Minutes of the household members’ meeting (when members register together)',
        false,
      ),
      doc(
        'HOP_DONG_THUE',
        'Bản sao hợp đồng thuê, mượn địa điểm kinh doanh (nếu có)',
        'Copy of the lease of the business premises (if any)',
        false,
      ),
    ],
    formSchema: {
      fields: [
        text('businessName', 'Tên hộ kinh doanh', 'Business name', {
          maxLength: 200,
          hint: 'Gồm cụm từ "Hộ kinh doanh" và tên riêng',
          hintEn: 'The words "Hộ kinh doanh" followed by the name',
        }),
        text('address', 'Địa chỉ trụ sở hộ kinh doanh', 'Business address', { maxLength: 300 }),
        textarea('businessLines', 'Ngành, nghề kinh doanh', 'Business lines', { maxLength: 2000 }),
        number('capital', 'Vốn kinh doanh (đồng)', 'Capital (VND)', { min: 0, max: 100_000_000_000, integer: true }),
        number('employees', 'Số lao động sử dụng', 'Number of employees', { min: 0, max: 1000, integer: true }),
        text('ownerName', 'Họ tên chủ hộ kinh doanh', "Owner's full name", { maxLength: 100 }),
        nationalId('ownerNationalId', 'Số định danh cá nhân chủ hộ', "Owner's personal ID number"),
        date('ownerDateOfBirth', 'Ngày sinh chủ hộ', "Owner's date of birth", PAST_DATE),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail', optional),
        declaration(),
      ],
    },
  },
  {
    code: '1.001570',
    name: 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh',
    nameEn: 'Suspension or early resumption of a household business',
    sectorCode: 'HO_KINH_DOANH',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 0,
    legalBasis: 'Nghị định 168/2025/NĐ-CP.',
    result: 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh.',
    resultEn: 'Confirmation of the suspension.',
    requiredDocuments: [
      doc('THONG_BAO', 'Thông báo tạm ngừng kinh doanh (theo mẫu)', 'Notice of suspension (official template)'),
    ],
    formSchema: {
      fields: [
        text('registrationNumber', 'Mã số hộ kinh doanh', 'Household business number', {
          maxLength: 20,
          pattern: '[0-9A-Z.-]+',
        }),
        text('businessName', 'Tên hộ kinh doanh', 'Business name', { maxLength: 200 }),
        select('action', 'Đề nghị', 'Request', {
          options: [
            opt('TAM_NGUNG', 'Tạm ngừng kinh doanh', 'Suspend'),
            opt('TIEP_TUC', 'Tiếp tục kinh doanh trước thời hạn', 'Resume early'),
          ],
        }),
        date('fromDate', 'Từ ngày', 'From', FUTURE_DATE),
        date('toDate', 'Đến ngày', 'Until', { ...FUTURE_DATE, ...optional }),
        textarea('reason', 'Lý do', 'Reason', { maxLength: 1000, ...optional }),
        phone('phone', 'Điện thoại', 'Phone'),
      ],
    },
  },

  // ---------------- Xây dựng ----------------
  {
    code: 'DN.XD.01',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    nameEn: 'Building permit for a detached house',
    sectorCode: 'XAY_DUNG',
    agencyCodes: LOCAL_AGENCIES,
    onlineLevel: 'PARTIAL',
    processingDays: 15,
    fee: 75000,
    feeNote: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ: 75.000 đồng/giấy phép.',
    feeNoteEn: 'Building permit fee for a detached house: 75,000 VND a permit.',
    description: 'Chủ đầu tư nhà ở riêng lẻ nộp hồ sơ tại UBND cấp xã nơi có công trình.',
    descriptionEn: 'The owner files at the commune or ward where the house will be built.',
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP.',
    result: 'Giấy phép xây dựng.',
    resultEn: 'Building permit.',
    requiredDocuments: [
      doc('DON_DE_NGHI', 'Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', 'Permit application (official template)'),
      doc(
        'QUYEN_SU_DUNG_DAT',
        'Bản sao giấy tờ chứng minh quyền sử dụng đất',
        'Copy of the land use right certificate',
      ),
      doc('BAN_VE', 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', 'Design drawings', true, 50),
      doc(
        'CAM_KET_AN_TOAN',
        'Bản cam kết bảo đảm an toàn đối với công trình liền kề (nếu có)',
        'Safety undertaking for adjoining buildings (if any)',
        false,
      ),
    ],
    formSchema: {
      fields: [
        text('ownerName', 'Tên chủ đầu tư', 'Owner', { maxLength: 100 }),
        nationalId('ownerNationalId', 'Số định danh cá nhân chủ đầu tư', "Owner's personal ID number"),
        phone('phone', 'Điện thoại', 'Phone'),
        text('siteAddress', 'Địa điểm xây dựng', 'Building site address', { maxLength: 300 }),
        text('landParcel', 'Thửa đất số, tờ bản đồ số', 'Parcel and map sheet numbers', { maxLength: 100 }),
        number('landArea', 'Diện tích lô đất (m²)', 'Plot area (m²)', { min: 1, max: 100000 }),
        number('buildingArea', 'Diện tích xây dựng tầng 1 (m²)', 'Ground-floor area (m²)', { min: 1, max: 100000 }),
        number('floors', 'Số tầng', 'Number of floors', { min: 1, max: 10, integer: true }),
        number('height', 'Chiều cao công trình (m)', 'Building height (m)', { min: 1, max: 50 }),
        date('expectedStart', 'Dự kiến khởi công', 'Expected start of works', { ...FUTURE_DATE, ...optional }),
        declaration(),
      ],
    },
  },
  {
    code: 'DN.XD.02',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II',
    nameEn: 'Building permit for a class I or II construction',
    sectorCode: 'XAY_DUNG',
    agencyCodes: [DEPT_CONSTRUCTION],
    onlineLevel: 'PARTIAL',
    processingDays: 20,
    fee: 150000,
    feeNote: 'Lệ phí cấp giấy phép xây dựng công trình: 150.000 đồng/giấy phép.',
    feeNoteEn: 'Permit fee: 150,000 VND a permit.',
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP.',
    result: 'Giấy phép xây dựng.',
    resultEn: 'Building permit.',
    requiredDocuments: [
      doc('DON_DE_NGHI', 'Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', 'Permit application (official template)'),
      doc('QUYEN_SU_DUNG_DAT', 'Bản sao giấy tờ về quyền sử dụng đất', 'Copy of the land use right documents'),
      doc(
        'THAM_DINH',
        'Bản sao quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định',
        'Copy of the project approval and appraisal notice',
      ),
      doc('BAN_VE', 'Bản vẽ thiết kế xây dựng', 'Design drawings', true, 50),
    ],
    formSchema: {
      fields: [
        text('investorName', 'Tên chủ đầu tư', 'Investor', { maxLength: 200 }),
        text('representative', 'Người đại diện', 'Representative', { maxLength: 100 }),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail'),
        text('projectName', 'Tên công trình', 'Project name', { maxLength: 300 }),
        text('siteAddress', 'Địa điểm xây dựng', 'Site address', { maxLength: 300 }),
        select('constructionClass', 'Cấp công trình', 'Construction class', {
          options: [opt('I', 'Cấp I', 'Class I'), opt('II', 'Cấp II', 'Class II')],
        }),
        number('totalFloorArea', 'Tổng diện tích sàn (m²)', 'Total floor area (m²)', { min: 1, max: 10_000_000 }),
        textarea('description', 'Mô tả quy mô công trình', 'Description of the works', { maxLength: 4000 }),
      ],
    },
  },

  // ---------------- Doanh nghiệp (Department of Finance) ----------------
  {
    code: 'DN.DKDN.01',
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    nameEn: 'Registration of a single-member limited liability company',
    sectorCode: 'DOANH_NGHIEP',
    agencyCodes: [DEPT_FINANCE],
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 50000,
    feeNote:
      'Lệ phí đăng ký doanh nghiệp 50.000 đồng (miễn khi nộp qua mạng); phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng.',
    feeNoteEn: 'Registration fee 50,000 VND (waived online); publication fee 100,000 VND.',
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP; Thông tư 47/2019/TT-BTC.',
    result: 'Giấy chứng nhận đăng ký doanh nghiệp.',
    resultEn: 'Enterprise registration certificate.',
    requiredDocuments: [
      doc('GIAY_DE_NGHI', 'Giấy đề nghị đăng ký doanh nghiệp (theo mẫu)', 'Registration request (official template)'),
      doc('DIEU_LE', 'Điều lệ công ty', 'Company charter'),
      doc(
        'GIAY_TO_CHU_SO_HUU',
        'Bản sao giấy tờ pháp lý của chủ sở hữu công ty',
        "Copy of the owner's legal documents",
      ),
    ],
    formSchema: {
      fields: [
        text('companyName', 'Tên công ty viết bằng tiếng Việt', 'Company name in Vietnamese', { maxLength: 200 }),
        text('companyNameEn', 'Tên công ty viết bằng tiếng nước ngoài', 'Company name in a foreign language', {
          maxLength: 200,
          ...optional,
        }),
        text('address', 'Địa chỉ trụ sở chính', 'Head office address', { maxLength: 300 }),
        textarea('businessLines', 'Ngành, nghề kinh doanh (mã ngành cấp 4)', 'Business lines (4-digit codes)', {
          maxLength: 4000,
        }),
        number('charterCapital', 'Vốn điều lệ (đồng)', 'Charter capital (VND)', { min: 1, integer: true }),
        text('ownerName', 'Chủ sở hữu', 'Owner', { maxLength: 200 }),
        text('legalRepresentative', 'Người đại diện theo pháp luật', 'Legal representative', { maxLength: 100 }),
        nationalId('representativeNationalId', 'Số định danh cá nhân người đại diện', "Representative's personal ID"),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail'),
        declaration(),
      ],
    },
  },
  {
    code: 'DN.DKDN.02',
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    nameEn: 'Registration of a private enterprise',
    sectorCode: 'DOANH_NGHIEP',
    agencyCodes: [DEPT_FINANCE],
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 50000,
    feeNote: 'Miễn lệ phí khi nộp qua mạng; phí công bố 100.000 đồng.',
    feeNoteEn: 'Fee waived online; publication fee 100,000 VND.',
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP.',
    result: 'Giấy chứng nhận đăng ký doanh nghiệp.',
    resultEn: 'Enterprise registration certificate.',
    requiredDocuments: [
      doc('GIAY_DE_NGHI', 'Giấy đề nghị đăng ký doanh nghiệp (theo mẫu)', 'Registration request (official template)'),
    ],
    formSchema: {
      fields: [
        text('enterpriseName', 'Tên doanh nghiệp', 'Enterprise name', { maxLength: 200 }),
        text('address', 'Địa chỉ trụ sở chính', 'Head office address', { maxLength: 300 }),
        textarea('businessLines', 'Ngành, nghề kinh doanh', 'Business lines', { maxLength: 4000 }),
        number('investmentCapital', 'Vốn đầu tư (đồng)', 'Investment capital (VND)', { min: 1, integer: true }),
        text('ownerName', 'Chủ doanh nghiệp', 'Owner', { maxLength: 100 }),
        nationalId('ownerNationalId', 'Số định danh cá nhân chủ doanh nghiệp', "Owner's personal ID"),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail', optional),
        declaration(),
      ],
    },
  },

  // ---------------- Công an thành phố ----------------
  {
    code: 'DN.LLTP.01',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    nameEn: 'Judicial record certificate for Vietnamese citizens and foreigners residing in Vietnam',
    sectorCode: 'LY_LICH_TU_PHAP',
    agencyCodes: [DEPT_JUSTICE],
    onlineLevel: 'FULL',
    processingDays: 10,
    fee: 200000,
    feeNote:
      '200.000 đồng/lần; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng; từ phiếu thứ 3 trở đi: 5.000 đồng/phiếu.',
    feeNoteEn:
      '200,000 VND per request; students and people with merit: 100,000 VND; from the 3rd certificate: 5,000 VND each.',
    description:
      'Công dân Việt Nam, người nước ngoài đang hoặc đã từng cư trú tại Việt Nam yêu cầu cấp Phiếu lý lịch tư pháp (số 1 cho cá nhân, cơ quan, tổ chức; số 2 cho cơ quan tiến hành tố tụng hoặc theo yêu cầu của chính cá nhân). Có thể nộp trực tuyến và nhận kết quả qua bưu chính.',
    descriptionEn:
      'For Vietnamese citizens and foreigners who reside or resided in Vietnam (certificate no. 1 for individuals and organisations; no. 2 for prosecuting authorities or the person themselves). File online; the result can be posted.',
    legalBasis: 'Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC.',
    result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2.',
    resultEn: 'Judicial record certificate no. 1 or no. 2.',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (theo mẫu)', 'Request form (official template)'),
      authorisation(),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ và tên', 'Full name', { maxLength: 100, profileField: 'fullName' }),
        text('otherNames', 'Tên gọi khác (nếu có)', 'Other names (if any)', { maxLength: 100, ...optional }),
        date('dateOfBirth', 'Ngày sinh', 'Date of birth', OWN_BIRTH_DATE),
        select('gender', 'Giới tính', 'Sex', { options: GENDER }),
        nationalId('nationalId', 'Số định danh cá nhân', 'Personal ID number', { profileField: 'nationalId' }),
        text('permanentAddress', 'Nơi thường trú', 'Permanent address', { maxLength: 300 }),
        text('fatherName', 'Họ tên cha', "Father's name", { maxLength: 100 }),
        text('motherName', 'Họ tên mẹ', "Mother's name", { maxLength: 100 }),
        select('certificateType', 'Loại Phiếu yêu cầu', 'Certificate requested', {
          options: [opt('SO_1', 'Phiếu số 1', 'Certificate no. 1'), opt('SO_2', 'Phiếu số 2', 'Certificate no. 2')],
        }),
        number('copies', 'Số lượng Phiếu', 'Number of certificates', { min: 1, max: 10, integer: true }),
        textarea('purpose', 'Mục đích sử dụng', 'Purpose', { maxLength: 500 }),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail', optional),
        delivery(),
        declaration(),
      ],
    },
  },
  {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    nameEn: 'Permanent residence registration',
    sectorCode: 'CU_TRU',
    agencyCodes: [CITY_POLICE],
    onlineLevel: 'FULL',
    processingDays: 7,
    fee: 20000,
    feeNote: '20.000 đồng/lần; nộp trực tuyến: 10.000 đồng/lần.',
    feeNoteEn: '20,000 VND per registration; 10,000 VND online.',
    description: 'Hồ sơ được giải quyết tại Công an cấp xã nơi đăng ký thường trú.',
    descriptionEn: 'Handled by the commune or ward police where you register.',
    legalBasis: 'Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP; Thông tư 75/2022/TT-BTC.',
    result: 'Thông báo kết quả đăng ký thường trú (cập nhật Cơ sở dữ liệu về cư trú).',
    resultEn: 'Notice of the registration (the residence database is updated).',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai thay đổi thông tin cư trú (CT01)', 'Residence information change form (CT01)'),
      doc('CHO_O_HOP_PHAP', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'Proof of lawful accommodation'),
      doc(
        'DONG_Y_CHU_HO',
        'Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở (nếu ở nhờ, ở thuê)',
        'Consent of the head of household or owner (when renting or staying with others)',
        false,
      ),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ, chữ đệm và tên', 'Full name', { maxLength: 100, profileField: 'fullName' }),
        nationalId('nationalId', 'Số định danh cá nhân', 'Personal ID number', { profileField: 'nationalId' }),
        date('dateOfBirth', 'Ngày sinh', 'Date of birth', OWN_BIRTH_DATE),
        text('newAddress', 'Địa chỉ đăng ký thường trú', 'Address to register', { maxLength: 300 }),
        text('householdHeadName', 'Họ tên chủ hộ', 'Head of household', { maxLength: 100 }),
        nationalId('householdHeadNationalId', 'Số định danh cá nhân chủ hộ', "Head of household's personal ID"),
        select('relationToHead', 'Quan hệ với chủ hộ', 'Relationship to the head of household', {
          options: [
            opt('CHU_HO', 'Là chủ hộ', 'Head of household'),
            opt('VO_CHONG', 'Vợ, chồng', 'Spouse'),
            opt('CON', 'Con', 'Child'),
            opt('CHA_ME', 'Cha, mẹ', 'Parent'),
            opt('KHAC', 'Khác', 'Other'),
          ],
        }),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail', optional),
        declaration(),
      ],
    },
  },
  {
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    nameEn: 'Temporary residence registration',
    sectorCode: 'CU_TRU',
    agencyCodes: [CITY_POLICE],
    onlineLevel: 'FULL',
    processingDays: 3,
    fee: 15000,
    feeNote: '15.000 đồng/lần; nộp trực tuyến: 7.000 đồng/lần.',
    feeNoteEn: '15,000 VND per registration; 7,000 VND online.',
    legalBasis: 'Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP; Thông tư 75/2022/TT-BTC.',
    result: 'Thông báo kết quả đăng ký tạm trú.',
    resultEn: 'Notice of the registration.',
    requiredDocuments: [
      doc('TO_KHAI', 'Tờ khai thay đổi thông tin cư trú (CT01)', 'Residence information change form (CT01)'),
      doc(
        'CHO_O_HOP_PHAP',
        'Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà…)',
        'Proof of accommodation (lease…)',
      ),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ, chữ đệm và tên', 'Full name', { maxLength: 100 }),
        nationalId('nationalId', 'Số định danh cá nhân', 'Personal ID number'),
        text('address', 'Địa chỉ tạm trú', 'Temporary address', { maxLength: 300 }),
        date('fromDate', 'Tạm trú từ ngày', 'From'),
        number('months', 'Thời hạn tạm trú (tháng)', 'Duration (months)', { min: 1, max: 24, integer: true }),
        select('reason', 'Lý do', 'Reason', {
          options: [
            opt('LAM_VIEC', 'Làm việc', 'Work'),
            opt('HOC_TAP', 'Học tập', 'Study'),
            opt('KHAC', 'Khác', 'Other'),
          ],
        }),
        phone('phone', 'Điện thoại', 'Phone'),
        declaration(),
      ],
    },
  },
  {
    code: 'DN.GPLX.01',
    name: 'Cấp đổi giấy phép lái xe',
    nameEn: 'Driving licence renewal or exchange',
    sectorCode: 'DUONG_BO',
    agencyCodes: [DEPT_CONSTRUCTION],
    onlineLevel: 'FULL',
    processingDays: 5,
    fee: 135000,
    feeNote: '135.000 đồng/lần cấp.',
    feeNoteEn: '135,000 VND per licence.',
    description:
      'Đổi giấy phép lái xe hết hạn, bị hỏng hoặc thay đổi thông tin. Nộp trực tuyến kèm giấy khám sức khỏe điện tử; nhận giấy phép qua bưu chính hoặc bản điện tử trên VNeID.',
    descriptionEn:
      'Exchange an expired or damaged licence, or one whose details changed. File online with the electronic health certificate; receive it by post or in VNeID.',
    legalBasis: 'Luật Trật tự, an toàn giao thông đường bộ 2024; Thông tư 35/2024/TT-BGTVT; Thông tư 37/2023/TT-BTC.',
    result: 'Giấy phép lái xe (bản điện tử trên VNeID và thẻ vật lý).',
    resultEn: 'Driving licence (electronic in VNeID, and the card).',
    requiredDocuments: [
      doc('DON_DE_NGHI', 'Đơn đề nghị đổi giấy phép lái xe (theo mẫu)', 'Exchange request (official template)'),
      doc('GIAY_KHAM_SUC_KHOE', 'Giấy khám sức khỏe của người lái xe', "Driver's health certificate"),
      doc('GPLX_CU', 'Bản chụp giấy phép lái xe cũ', 'Scan of the current licence'),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ và tên', 'Full name', { maxLength: 100, profileField: 'fullName' }),
        nationalId('nationalId', 'Số định danh cá nhân', 'Personal ID number', { profileField: 'nationalId' }),
        date('dateOfBirth', 'Ngày sinh', 'Date of birth', OWN_BIRTH_DATE),
        text('licenceNumber', 'Số giấy phép lái xe', 'Licence number', { maxLength: 20, pattern: '[0-9]{12}' }),
        select('licenceClass', 'Hạng giấy phép', 'Licence class', {
          options: [
            opt('A1', 'A1', 'A1'),
            opt('A', 'A', 'A'),
            opt('B', 'B', 'B'),
            opt('C1', 'C1', 'C1'),
            opt('C', 'C', 'C'),
            opt('D', 'D', 'D'),
          ],
        }),
        date('expiryDate', 'Ngày hết hạn', 'Expiry date'),
        select('reason', 'Lý do đổi', 'Reason', {
          options: [
            opt('HET_HAN', 'Hết hạn sử dụng', 'Expired'),
            opt('HONG', 'Bị hỏng', 'Damaged'),
            opt('THAY_DOI', 'Thay đổi thông tin', 'Details changed'),
          ],
        }),
        phone('phone', 'Điện thoại', 'Phone'),
        delivery(),
      ],
    },
  },
  {
    code: 'DN.VT.01',
    name: 'Cấp phù hiệu xe ô tô kinh doanh vận tải',
    nameEn: 'Badge for a commercial transport vehicle',
    sectorCode: 'DUONG_BO',
    agencyCodes: [DEPT_CONSTRUCTION],
    onlineLevel: 'FULL',
    processingDays: 2,
    fee: 0,
    legalBasis: 'Nghị định 158/2024/NĐ-CP; Thông tư 36/2024/TT-BGTVT.',
    result: 'Phù hiệu xe.',
    resultEn: 'Vehicle badge.',
    requiredDocuments: [
      doc('GIAY_DE_NGHI', 'Giấy đề nghị cấp phù hiệu (theo mẫu)', 'Badge request (official template)'),
      doc('DANG_KY_XE', 'Bản chụp giấy đăng ký xe', 'Scan of the vehicle registration'),
    ],
    formSchema: {
      fields: [
        text('companyName', 'Tên đơn vị kinh doanh vận tải', 'Transport operator', { maxLength: 200 }),
        text('licenceNumber', 'Số giấy phép kinh doanh vận tải', 'Transport business licence number', {
          maxLength: 50,
        }),
        text('plateNumber', 'Biển số xe', 'Licence plate', {
          maxLength: 12,
          pattern: '[0-9]{2}[A-Z]{1,2}-?[0-9]{3,5}(\\.[0-9]{2})?',
          hint: 'Ví dụ: 43A-123.45',
          hintEn: 'E.g. 43A-123.45',
        }),
        select('badgeType', 'Loại phù hiệu', 'Badge type', {
          options: [
            opt('TAXI', 'Xe taxi', 'Taxi'),
            opt('HOP_DONG', 'Xe hợp đồng', 'Contract vehicle'),
            opt('TUYEN_CO_DINH', 'Xe chạy tuyến cố định', 'Fixed route'),
            opt('XE_TAI', 'Xe tải', 'Truck'),
          ],
        }),
        number('seats', 'Số chỗ ngồi (hoặc tải trọng, tấn)', 'Seats (or payload, tonnes)', { min: 1, max: 100 }),
        email('email', 'Thư điện tử', 'E-mail'),
      ],
    },
  },

  // ---------------- Sở Y tế ----------------
  {
    code: 'DN.YT.01',
    name: 'Cấp mới giấy phép hành nghề đối với chức danh chuyên môn là bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y',
    nameEn: 'Licence to practise for doctors, physician assistants, nurses, midwives and medical technicians',
    sectorCode: 'Y_TE',
    agencyCodes: [DEPT_HEALTH],
    onlineLevel: 'PARTIAL',
    processingDays: 30,
    fee: 360000,
    legalBasis: 'Luật Khám bệnh, chữa bệnh 2023; Nghị định 96/2023/NĐ-CP.',
    result: 'Giấy phép hành nghề khám bệnh, chữa bệnh.',
    resultEn: 'Licence to practise.',
    requiredDocuments: [
      doc('DON_DE_NGHI', 'Đơn đề nghị cấp giấy phép hành nghề (theo mẫu)', 'Licence application (official template)'),
      doc('VAN_BANG', 'Bản sao văn bằng chuyên môn', 'Copy of the professional degree'),
      doc(
        'KIEM_TRA_NANG_LUC',
        'Giấy xác nhận đạt kiểm tra đánh giá năng lực hành nghề',
        'Competence assessment result',
      ),
      doc('GIAY_KHAM_SUC_KHOE', 'Giấy khám sức khỏe', 'Health certificate'),
      doc('ANH', 'Ảnh chân dung 4x6 cm (chụp trong 6 tháng)', 'Portrait photo 4×6 cm (taken within 6 months)', true, 2),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ và tên', 'Full name', { maxLength: 100, profileField: 'fullName' }),
        nationalId('nationalId', 'Số định danh cá nhân', 'Personal ID number', { profileField: 'nationalId' }),
        date('dateOfBirth', 'Ngày sinh', 'Date of birth', OWN_BIRTH_DATE),
        select('title', 'Chức danh chuyên môn', 'Professional title', {
          options: [
            opt('BAC_SY', 'Bác sỹ', 'Doctor'),
            opt('Y_SY', 'Y sỹ', 'Physician assistant'),
            opt('DIEU_DUONG', 'Điều dưỡng', 'Nurse'),
            opt('HO_SINH', 'Hộ sinh', 'Midwife'),
            opt('KY_THUAT_Y', 'Kỹ thuật y', 'Medical technician'),
          ],
        }),
        text('scope', 'Phạm vi hành nghề đề nghị', 'Requested scope of practice', { maxLength: 300 }),
        text('degree', 'Văn bằng chuyên môn', 'Professional degree', { maxLength: 200 }),
        number('graduationYear', 'Năm tốt nghiệp', 'Year of graduation', { min: 1950, max: 2100, integer: true }),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail'),
        declaration(),
      ],
    },
  },
  {
    code: 'DN.ATTP.01',
    name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống',
    nameEn: 'Food safety certificate for a catering business',
    sectorCode: 'AN_TOAN_THUC_PHAM',
    agencyCodes: [DEPT_HEALTH],
    onlineLevel: 'PARTIAL',
    processingDays: 20,
    fee: 700000,
    feeNote: 'Phí thẩm định: 700.000 đồng (phục vụ dưới 200 suất ăn); 1.000.000 đồng (từ 200 suất ăn).',
    feeNoteEn: 'Appraisal fee: 700,000 VND (under 200 meals); 1,000,000 VND (200 meals or more).',
    legalBasis: 'Luật An toàn thực phẩm 2010; Nghị định 155/2018/NĐ-CP; Thông tư 67/2021/TT-BTC.',
    result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (có hiệu lực 3 năm).',
    resultEn: 'Food safety certificate (valid for 3 years).',
    requiredDocuments: [
      doc('DON_DE_NGHI', 'Đơn đề nghị cấp Giấy chứng nhận (theo mẫu)', 'Application (official template)'),
      doc('THUYET_MINH', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị', 'Description of premises and equipment'),
      doc(
        'TAP_HUAN',
        'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp chế biến',
        'Food safety training certificates of the owner and food handlers',
      ),
      doc('SUC_KHOE', 'Giấy xác nhận đủ sức khỏe của người trực tiếp chế biến', 'Health certificates of food handlers'),
    ],
    formSchema: {
      fields: [
        text('businessName', 'Tên cơ sở', 'Business name', { maxLength: 200 }),
        text('address', 'Địa chỉ cơ sở', 'Address', { maxLength: 300 }),
        text('ownerName', 'Họ tên chủ cơ sở', 'Owner', { maxLength: 100 }),
        phone('phone', 'Điện thoại', 'Phone'),
        select('businessType', 'Loại hình', 'Type of business', {
          options: [
            opt('NHA_HANG', 'Nhà hàng ăn uống', 'Restaurant'),
            opt('BEP_AN_TAP_THE', 'Bếp ăn tập thể', 'Canteen'),
            opt('SUAT_AN_SAN', 'Cung cấp suất ăn sẵn', 'Meal supplier'),
          ],
        }),
        number('mealsPerDay', 'Số suất ăn phục vụ mỗi ngày', 'Meals served per day', {
          min: 1,
          max: 100_000,
          integer: true,
        }),
        number('staff', 'Số người trực tiếp chế biến', 'Food handlers', { min: 1, max: 1000, integer: true }),
        declaration(),
      ],
    },
  },

  // ---------------- Sở Tư pháp ----------------
  {
    code: 'DN.CC.01',
    name: 'Đăng ký hành nghề và cấp Thẻ công chứng viên',
    nameEn: 'Registration to practise and issue of a notary card',
    sectorCode: 'CONG_CHUNG',
    agencyCodes: [DEPT_JUSTICE],
    onlineLevel: 'PARTIAL',
    processingDays: 10,
    fee: 100000,
    feeNote: 'Lệ phí cấp Thẻ công chứng viên: 100.000 đồng/thẻ.',
    feeNoteEn: 'Notary card fee: 100,000 VND.',
    legalBasis: 'Luật Công chứng 2024; Nghị định 104/2025/NĐ-CP; Thông tư 257/2016/TT-BTC.',
    result: 'Thẻ công chứng viên.',
    resultEn: 'Notary card.',
    requiredDocuments: [
      doc('DE_NGHI', 'Văn bản đề nghị của tổ chức hành nghề công chứng', 'Request of the notary office'),
      doc('QUYET_DINH_BO_NHIEM', 'Bản sao quyết định bổ nhiệm công chứng viên', 'Copy of the notary appointment'),
      doc('ANH', 'Ảnh chân dung 2x3 cm', 'Portrait photo 2×3 cm', true, 2),
    ],
    formSchema: {
      fields: [
        text('fullName', 'Họ và tên công chứng viên', "Notary's full name", { maxLength: 100 }),
        nationalId('nationalId', 'Số định danh cá nhân', 'Personal ID number'),
        text('appointmentDecision', 'Số quyết định bổ nhiệm', 'Appointment decision number', { maxLength: 50 }),
        date('appointmentDate', 'Ngày bổ nhiệm', 'Appointment date'),
        text('officeName', 'Tổ chức hành nghề công chứng', 'Notary office', { maxLength: 200 }),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail'),
      ],
    },
  },
  {
    code: 'DN.CC.02',
    name: 'Đăng ký hoạt động Văn phòng công chứng',
    nameEn: 'Registration of a notary office',
    sectorCode: 'CONG_CHUNG',
    agencyCodes: [DEPT_JUSTICE],
    onlineLevel: 'PARTIAL',
    processingDays: 10,
    fee: 1000000,
    feeNote: 'Phí thẩm định điều kiện hoạt động Văn phòng công chứng: 1.000.000 đồng/hồ sơ.',
    feeNoteEn: 'Appraisal fee: 1,000,000 VND per application.',
    legalBasis: 'Luật Công chứng 2024; Nghị định 104/2025/NĐ-CP; Thông tư 257/2016/TT-BTC.',
    result: 'Giấy đăng ký hoạt động Văn phòng công chứng.',
    resultEn: 'Notary office registration certificate.',
    requiredDocuments: [
      doc('DON_DANG_KY', 'Đơn đăng ký hoạt động (theo mẫu)', 'Registration application (official template)'),
      doc('QUYET_DINH_THANH_LAP', 'Bản sao quyết định cho phép thành lập', 'Copy of the establishment decision'),
      doc('TRU_SO', 'Giấy tờ chứng minh trụ sở', 'Proof of premises'),
    ],
    formSchema: {
      fields: [
        text('officeName', 'Tên Văn phòng công chứng', 'Office name', { maxLength: 200 }),
        text('address', 'Địa chỉ trụ sở', 'Address', { maxLength: 300 }),
        text('headNotary', 'Trưởng Văn phòng', 'Head notary', { maxLength: 100 }),
        nationalId('headNotaryNationalId', 'Số định danh cá nhân Trưởng Văn phòng', "Head notary's personal ID"),
        number('notaries', 'Số công chứng viên', 'Number of notaries', { min: 2, max: 100, integer: true }),
        phone('phone', 'Điện thoại', 'Phone'),
        email('email', 'Thư điện tử', 'E-mail'),
        declaration(),
      ],
    },
  },
];
