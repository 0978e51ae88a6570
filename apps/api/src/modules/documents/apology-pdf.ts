import { contentWidth, createPdf, drawNationalHeader, drawTitle, ensureSpace, pdfToBuffer } from './pdf-document.js';
import { formatVnDate } from './vn-format.js';

/** What the apology letter for a late dossier shows. */
export interface ApologyView {
  /** The agency that is late and apologises, e.g. `UBND phường Hải Châu`. */
  agencyName: string;
  parentAgencyName?: string | null;
  /** The letter's registered number, e.g. `15/TXL-UBND`; null leaves the number blank to fill in. */
  letterNumber?: string | null;
  /** The date of the letter. */
  issuedAt: Date;
  applicantName: string;
  code: string;
  procedureName: string;
  receivedAt: Date;
  /** The due date the receipt promised. */
  originalDueAt: Date;
  /** Why the dossier is late, in Vietnamese, as the officer wrote it. */
  reason: string;
  /** The new appointment date for the result. */
  newDueAt: Date;
  /** The signer's title, one line per `\n`, e.g. `KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH`. */
  signerTitle: string;
  signerName?: string | null;
  place?: string;
}

/**
 * The apology letter (thư xin lỗi) to the applicant of a late dossier with a new appointment
 * date, following the apology and new-appointment form of Circular 01/2018/TT-VPCP in the
 * layout of an official letter (Decree 30/2020/NĐ-CP).
 */
export async function renderApologyPdf(vm: ApologyView): Promise<Buffer> {
  const doc = createPdf(`Thư xin lỗi - hồ sơ ${vm.code}`, vm.issuedAt);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);

  drawNationalHeader(doc, {
    parentAgencyName: vm.parentAgencyName,
    agencyName: vm.agencyName,
    reference: `Số: ${vm.letterNumber ?? '        /TXL'}`,
    place: vm.place ?? 'Đà Nẵng',
    date: vm.issuedAt,
  });
  drawTitle(doc, 'THƯ XIN LỖI', 'Về việc chậm trả kết quả giải quyết hồ sơ và hẹn lại ngày trả kết quả');

  doc
    .font('regular')
    .fontSize(12)
    .text('Kính gửi: ', left + 60, doc.y, { continued: true });
  doc.font('bold').text(`Ông/Bà ${vm.applicantName}`);
  doc.moveDown(0.8);

  const paragraph = (text: string) => {
    doc.font('regular').fontSize(12).text(text, left, doc.y, { width, align: 'justify', indent: 28, lineGap: 2 });
    doc.moveDown(0.5);
  };
  paragraph(
    `Ngày ${formatVnDate(vm.receivedAt)}, ${vm.agencyName} đã tiếp nhận hồ sơ của Ông/Bà ${vm.applicantName} ` +
      `về thủ tục “${vm.procedureName}”, mã hồ sơ ${vm.code}, ` +
      `với ngày hẹn trả kết quả là ngày ${formatVnDate(vm.originalDueAt)}.`,
  );
  paragraph(
    `Tuy nhiên, đến nay ${vm.agencyName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn như đã hẹn. ` +
      `Lý do: ${vm.reason.trim().replace(/\.$/, '')}.`,
  );
  paragraph(
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${vm.agencyName} thành thật xin lỗi Ông/Bà ` +
      `và xin hẹn trả kết quả giải quyết hồ sơ vào ngày ${formatVnDate(vm.newDueAt)}.`,
  );
  paragraph('Rất mong nhận được sự thông cảm của Ông/Bà. Xin trân trọng cảm ơn./.');

  ensureSpace(doc, 150);
  doc.moveDown(1);
  const y = doc.y;
  const half = width / 2;
  doc.font('bold').fontSize(10.5).text('Nơi nhận:', left, y, { width: half });
  doc.font('regular').fontSize(9.5).text(`- Ông/Bà ${vm.applicantName};\n- Lưu: VT, Bộ phận Một cửa.`, left, doc.y, {
    width: half,
  });

  doc
    .font('bold')
    .fontSize(11.5)
    .text(vm.signerTitle.toUpperCase(), left + half, y, { width: half, align: 'center' });
  doc
    .font('italic')
    .fontSize(10)
    .text('(Ký, ghi rõ họ tên và đóng dấu)', left + half, doc.y, {
      width: half,
      align: 'center',
    });
  if (vm.signerName) {
    doc
      .font('bold')
      .fontSize(11.5)
      .text(vm.signerName, left + half, doc.y + 60, { width: half, align: 'center' });
  }
  doc.x = left;
  return pdfToBuffer(doc);
}
