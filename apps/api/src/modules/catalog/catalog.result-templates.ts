import type { ResultTemplate } from './result-template.js';

/**
 * The demo procedures' result templates (issue 14), simplified from the official forms: the
 * birth registration extract (Circular 04/2024/TT-BTP), the certified copy note (Decree
 * 23/2015/NĐ-CP, art. 20) and the judicial record certificate (Circular 06/2013/TTLT).
 */
export const DEMO_RESULT_TEMPLATES: Record<string, ResultTemplate> = {
  '1.001193': {
    title: 'TRÍCH LỤC KHAI SINH',
    subtitle: '(Bản điện tử)',
    reference: 'Số: {{dossier.code}}/TLKS',
    intro: '{{agency.name}} trích lục việc đăng ký khai sinh như sau:',
    fields: [
      { label: 'Họ, chữ đệm, tên', value: '{{form.childFullName}}' },
      { label: 'Ngày, tháng, năm sinh', value: '{{form.childDateOfBirth}}' },
      { label: 'Giới tính', value: '{{form.childGender}}' },
      { label: 'Dân tộc', value: '{{form.childEthnicity}}' },
      { label: 'Nơi sinh', value: '{{form.placeOfBirth}}' },
      { label: 'Quê quán', value: '{{form.hometown}}' },
      { label: 'Họ, chữ đệm, tên người mẹ', value: '{{form.motherFullName}}' },
      { label: 'Họ, chữ đệm, tên người cha', value: '{{form.fatherFullName}}' },
      { label: 'Người đi đăng ký khai sinh', value: '{{applicant.fullName}}' },
      { label: 'Ngày đăng ký', value: '{{today}}' },
    ],
    closing:
      'Trích lục này được cấp theo yêu cầu của người đi đăng ký, có giá trị như bản sao từ Sổ đăng ký khai sinh.',
    signerTitle: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH',
  },
  '2.000815': {
    title: 'LỜI CHỨNG CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH',
    reference: 'Số chứng thực: {{dossier.code}}/SCT/BS',
    intro: 'Chứng thực bản sao này đúng với bản chính do Ông/Bà {{applicant.fullName}} xuất trình tại {{agency.name}}.',
    fields: [
      { label: 'Tên giấy tờ được chứng thực', value: '{{form.documentName}}' },
      { label: 'Số trang của bản chính', value: '{{form.pages}}' },
      { label: 'Số bản sao được chứng thực', value: '{{form.copies}}' },
      { label: 'Người yêu cầu chứng thực', value: '{{form.requesterName}}' },
      { label: 'Ngày chứng thực', value: '{{today}}' },
    ],
    closing: 'Người thực hiện chứng thực không chịu trách nhiệm về nội dung của bản chính.',
    signerTitle: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
  },
  'DN.LLTP.01': {
    title: 'PHIẾU LÝ LỊCH TƯ PHÁP',
    subtitle: '{{form.certificateType}}',
    reference: 'Số: {{dossier.code}}/LLTP',
    intro: 'Căn cứ Luật Lý lịch tư pháp ngày 17 tháng 6 năm 2009, {{agency.name}} chứng nhận:',
    fields: [
      { label: 'Họ và tên', value: '{{form.fullName}}' },
      { label: 'Tên gọi khác', value: '{{form.otherNames}}' },
      { label: 'Ngày, tháng, năm sinh', value: '{{form.dateOfBirth}}' },
      { label: 'Giới tính', value: '{{form.gender}}' },
      { label: 'Số định danh cá nhân', value: '{{form.nationalId}}' },
      { label: 'Nơi thường trú', value: '{{form.permanentAddress}}' },
      { label: 'Họ tên cha', value: '{{form.fatherName}}' },
      { label: 'Họ tên mẹ', value: '{{form.motherName}}' },
      { label: 'Án tích', value: 'Không có án tích' },
      { label: 'Mục đích sử dụng', value: '{{form.purpose}}' },
    ],
    closing: 'Phiếu được cấp ngày {{today}} theo hồ sơ {{dossier.code}}.',
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
  },
};
