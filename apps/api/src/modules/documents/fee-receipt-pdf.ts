import { contentWidth, createPdf, drawLabelled, drawNationalHeader, drawTitle, pdfToBuffer } from './pdf-document.js';
import { formatVnDateTime } from './vn-format.js';

/** What the electronic fee receipt (biên lai điện tử) shows; the payments module builds it. */
export interface FeeReceiptView {
  receiptNo: string;
  paymentId: string;
  /** VND. */
  amount: number;
  method: 'ONLINE' | 'COUNTER';
  paidAt: Date;
  payerName: string;
  agencyName: string;
  dossierCode: string | null;
  procedureName: string;
  /** The gateway's transaction number (online payments). */
  gatewayTxnNo?: string | null;
  place?: string;
}

const vnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;

/**
 * The electronic receipt of a fee paid (biên lai thu phí, lệ phí điện tử; Decree 11/2020/NĐ-CP
 * art. 32 lists its facts: number, payer, amount, method, date, the collecting agency), in the
 * layout of the other documents; signed with the agency's certificate when one is configured.
 */
export async function renderFeeReceiptPdf(vm: FeeReceiptView): Promise<Buffer> {
  const doc = createPdf(`Biên lai ${vm.receiptNo}`, vm.paidAt);
  drawNationalHeader(doc, {
    agencyName: vm.agencyName,
    reference: `Số: ${vm.receiptNo}`,
    place: vm.place ?? 'Đà Nẵng',
    date: vm.paidAt,
  });
  drawTitle(doc, 'BIÊN LAI THU PHÍ, LỆ PHÍ', '(Biên lai điện tử)');
  drawLabelled(doc, 'Số biên lai', vm.receiptNo);
  drawLabelled(doc, 'Mã giao dịch thanh toán', vm.paymentId);
  drawLabelled(doc, 'Người nộp', vm.payerName);
  drawLabelled(doc, 'Hồ sơ', vm.dossierCode ?? '—');
  drawLabelled(doc, 'Thủ tục', vm.procedureName);
  drawLabelled(doc, 'Số tiền', vm.amount > 0 ? vnd(vm.amount) : 'Miễn phí');
  drawLabelled(
    doc,
    'Hình thức nộp',
    vm.method === 'ONLINE'
      ? `Trực tuyến qua VNPay${vm.gatewayTxnNo ? ` (giao dịch ${vm.gatewayTxnNo})` : ''}`
      : 'Tiền mặt tại Bộ phận Một cửa',
  );
  drawLabelled(doc, 'Thời điểm nộp', formatVnDateTime(vm.paidAt));
  drawLabelled(doc, 'Đơn vị thu', vm.agencyName);
  doc.moveDown(1);
  doc
    .font('italic')
    .fontSize(10)
    .text(
      'Biên lai điện tử do MotCua lập từ giao dịch đã được xác nhận; chữ ký số của đơn vị thu (nếu có) đi kèm tệp.',
      doc.page.margins.left,
      doc.y,
      { width: contentWidth(doc) },
    );
  return pdfToBuffer(doc);
}
