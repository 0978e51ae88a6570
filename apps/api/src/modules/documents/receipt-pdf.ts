import type { Channel, DeliveryMethod, FeeStatus } from '@motcua/shared';
import QRCode from 'qrcode';
import {
  contentWidth,
  createPdf,
  drawLabelled,
  drawNationalHeader,
  drawTitle,
  ensureSpace,
  pdfToBuffer,
} from './pdf-document.js';
import { formatVnDateTime, maskNationalId } from './vn-format.js';

/** What the receipt and appointment slip shows; the dossier module builds it from the dossier. */
export interface ReceiptView {
  code: string;
  /** The receiving agency, e.g. `UBND phường Hải Châu`. */
  agencyName: string;
  /** Its governing body, e.g. `UBND thành phố Đà Nẵng`; null for a top-level agency. */
  parentAgencyName?: string | null;
  applicant: {
    fullName: string;
    /** Shown masked but for its last 4 digits. */
    nationalId?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  procedureName: string;
  /** Required documents received, with the number of files received for each. */
  documents: { name: string; count: number }[];
  receivedAt: Date;
  dueAt: Date;
  /** The procedure's time limit in working days; 0 = same day. */
  processingDays: number;
  channel: Channel;
  /** Full name of the receptionist who received it; null when not known. */
  receivedBy?: string | null;
  /** The public tracking page, see trackingUrl(). */
  trackingUrl: string;
  /** The place of the date line; default `Đà Nẵng`. */
  place?: string;
  /** The one-time code that brings a counter dossier into the citizen's account (printed once, at intake). */
  claimCode?: string | null;
  /** How the citizen receives the result (api.md, "Fees and online payment"); unset: at the desk. */
  delivery?: { method: DeliveryMethod; postalAddress: string | null };
  /** The fee in VND and whether it is paid; unset: not printed. */
  fee?: { amount: number; status: FeeStatus; online: boolean | null };
}

const FEE_STATUS_VI: Record<FeeStatus, string> = {
  NONE: 'Không thu',
  UNPAID: 'Chưa thanh toán',
  PENDING: 'Đang chờ xác nhận thanh toán',
  PAID: 'Đã thanh toán',
  REFUND_DUE: 'Chờ hoàn trả',
  REFUNDED: 'Đã hoàn trả',
};

/** Where the result is received, as the receipt prints it. */
export function deliveryLineVi(agencyName: string, delivery?: ReceiptView['delivery']): string {
  switch (delivery?.method) {
    case 'ELECTRONIC':
      return 'Bản điện tử trên Cổng Dịch vụ công (mục "Hồ sơ của tôi")';
    case 'POSTAL':
      return `Qua dịch vụ bưu chính công ích, đến: ${delivery.postalAddress ?? ''}`;
    case 'COUNTER':
    case undefined:
      return 'Bộ phận Một cửa, ' + agencyName;
  }
}

/** "50.000 đồng (Đã thanh toán trực tuyến)", or "Miễn phí". */
export function feeLineVi(fee: NonNullable<ReceiptView['fee']>): string {
  if (fee.amount === 0 || fee.status === 'NONE') return 'Miễn phí';
  const how = fee.status === 'PAID' && fee.online !== null ? (fee.online ? ' trực tuyến' : ' tại quầy') : '';
  return `${new Intl.NumberFormat('vi-VN').format(fee.amount)} đồng (${FEE_STATUS_VI[fee.status]}${how})`;
}

export const CHANNEL_LABELS_VI: Record<Channel, string> = {
  ONLINE: 'Trực tuyến qua Cổng Dịch vụ công',
  COUNTER: 'Trực tiếp tại Bộ phận Một cửa',
  POSTAL: 'Qua dịch vụ bưu chính công ích',
};

/**
 * `${publicUrl}/track/{code}`, and with the dossier's tracking token `?t=…` (the receipt's QR
 * code: the token opens the public timeline, the code alone only the status).
 */
export function trackingUrl(publicUrl: string, code: string, token?: string): string {
  const base = `${publicUrl.replace(/\/$/, '')}/track/${encodeURIComponent(code)}`;
  return token ? `${base}?t=${encodeURIComponent(token)}` : base;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The receipt and appointment slip (phiếu tiếp nhận hồ sơ và hẹn trả kết quả), in the layout of
 * the one-stop-shop receipt form of Circular 01/2018/TT-VPCP, with a QR code of the tracking page.
 */
export async function renderReceiptPdf(vm: ReceiptView): Promise<Buffer> {
  // 4 pixels a module: sharp when printed (pdfkit does not ask viewers to smooth images) and quick to encode.
  const qr = await QRCode.toBuffer(vm.trackingUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  const doc = createPdf(`Phiếu tiếp nhận hồ sơ ${vm.code}`, vm.receivedAt);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);

  drawNationalHeader(doc, {
    parentAgencyName: vm.parentAgencyName,
    agencyName: vm.agencyName,
    unitName: 'Bộ phận Một cửa',
    place: vm.place ?? 'Đà Nẵng',
    date: vm.receivedAt,
  });
  drawTitle(doc, 'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${vm.code}`);

  drawLabelled(doc, 'Bộ phận tiếp nhận và trả kết quả', vm.agencyName);
  drawLabelled(doc, 'Tiếp nhận hồ sơ của', `Ông/Bà ${vm.applicant.fullName}`);
  if (vm.applicant.nationalId) drawLabelled(doc, 'Số định danh cá nhân', maskNationalId(vm.applicant.nationalId));
  const contact = [
    vm.applicant.phone && `Điện thoại: ${vm.applicant.phone}`,
    vm.applicant.email && `Email: ${vm.applicant.email}`,
  ]
    .filter(Boolean)
    .join('    ');
  if (contact) doc.font('regular').fontSize(11.5).text(contact, left, doc.y, { width }).moveDown(0.35);
  drawLabelled(doc, 'Nội dung yêu cầu giải quyết', vm.procedureName);
  drawLabelled(doc, 'Hình thức nộp hồ sơ', CHANNEL_LABELS_VI[vm.channel]);

  doc.moveDown(0.2);
  doc.font('bold').fontSize(11.5).text('1. Thành phần hồ sơ đã nhận:', left, doc.y, { width });
  doc.moveDown(0.3);
  drawDocumentTable(doc, vm.documents);

  doc.moveDown(0.6);
  drawLabelled(doc, '2. Số lượng hồ sơ', '01 bộ');
  drawLabelled(
    doc,
    '3. Thời hạn giải quyết theo quy định',
    vm.processingDays > 0 ? `${vm.processingDays} ngày làm việc` : 'Trong ngày',
  );
  drawLabelled(doc, '4. Thời gian nhận hồ sơ', formatVnDateTime(vm.receivedAt));
  drawLabelled(doc, '5. Ngày hẹn trả kết quả', formatVnDateTime(vm.dueAt));
  drawLabelled(doc, '6. Nhận kết quả tại', deliveryLineVi(vm.agencyName, vm.delivery));
  if (vm.fee) drawLabelled(doc, '7. Phí, lệ phí', feeLineVi(vm.fee));
  if (vm.claimCode) {
    doc.moveDown(0.3);
    drawLabelled(doc, 'Mã nhận hồ sơ vào tài khoản', vm.claimCode);
    doc
      .font('italic')
      .fontSize(10)
      .text(
        'Đăng nhập Cổng Dịch vụ công, vào "Hồ sơ của tôi" và nhập mã này để theo dõi hồ sơ trong tài khoản. Mã chỉ dùng một lần; không đưa mã cho người khác.',
        doc.page.margins.left,
        doc.y,
        { width: contentWidth(doc) },
      )
      .moveDown(0.35);
  }

  drawSignaturesAndQr(doc, vm, qr);
  return pdfToBuffer(doc);
}

function drawDocumentTable(doc: PDFKit.PDFDocument, documents: ReceiptView['documents']): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const cols = [32, width - 32 - 80, 80];
  const pad = 4;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(10.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 2 * pad }));
    const h = Math.max(...heights) + 2 * pad;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i], h).lineWidth(0.5).stroke();
      doc.text(c, x + pad, y + pad, { width: cols[i] - 2 * pad, align: i === 1 ? 'left' : 'center' });
      x += cols[i];
    });
    doc.x = left;
    doc.y = y + h;
  };
  row(['STT', 'Tên giấy tờ', 'Số lượng'], true);
  if (documents.length === 0) row(['', '(Không có giấy tờ kèm theo)', ''], false);
  documents.forEach((d, i) => row([String(i + 1), d.name, `${two(d.count)} bản`], false));
}

function drawSignaturesAndQr(doc: PDFKit.PDFDocument, vm: ReceiptView, qr: Buffer): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const qrSize = 92;
  ensureSpace(doc, 130 + qrSize + 40);
  doc.moveDown(1);
  const y = doc.y;
  const half = width / 2;
  doc.font('bold').fontSize(11).text('NGƯỜI NỘP HỒ SƠ', left, y, { width: half, align: 'center' });
  doc.text('NGƯỜI TIẾP NHẬN HỒ SƠ', left + half, y, { width: half, align: 'center' });
  doc.font('italic').fontSize(10).text('(Ký và ghi rõ họ tên)', left, doc.y, { width: half, align: 'center' });
  doc.text('(Ký và ghi rõ họ tên)', left + half, doc.y - doc.currentLineHeight(true), { width: half, align: 'center' });
  const nameY = doc.y + 56;
  doc.font('bold').fontSize(11).text(vm.applicant.fullName, left, nameY, { width: half, align: 'center' });
  if (vm.receivedBy) doc.text(vm.receivedBy, left + half, nameY, { width: half, align: 'center' });

  const qrY = nameY + 34;
  doc.image(qr, left, qrY, { width: qrSize, height: qrSize });
  const textX = left + qrSize + 12;
  const textWidth = width - qrSize - 12;
  doc
    .font('bold')
    .fontSize(10.5)
    .text('Tra cứu tình trạng hồ sơ', textX, qrY + 14, { width: textWidth });
  doc
    .font('regular')
    .fontSize(10)
    .text('Quét mã QR hoặc truy cập địa chỉ in dưới mã để xem hồ sơ đang được xử lý đến bước nào.', textX, doc.y + 2, {
      width: textWidth,
    });
  doc
    .font('regular')
    .fontSize(9)
    .text(vm.trackingUrl, left, qrY + qrSize + 4, { width, link: vm.trackingUrl });
  doc.x = left;
}
