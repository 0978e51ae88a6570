import { createRequire } from 'node:module';
import { renderApologyPdf, type ApologyView } from './apology-pdf.js';
import { renderReceiptPdf, trackingUrl, type ReceiptView } from './receipt-pdf.js';
import { formatVnDate, formatVnDateTime, maskNationalId, vnPlaceDateLine } from './vn-format.js';

// pdf-parse's index runs a self-test on import; its lib entry is the parser alone.
const require = createRequire(__filename);
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;

const sampleReceipt = (over: Partial<ReceiptView> = {}): ReceiptView => ({
  code: '000.00.12.H17-261127-0001',
  agencyName: 'UBND phường Hải Châu',
  parentAgencyName: 'UBND thành phố Đà Nẵng',
  applicant: {
    fullName: 'Nguyễn Thị Hồng Nhung',
    nationalId: '048190001234',
    phone: '0905123456',
    email: 'nhung@example.vn',
  },
  procedureName: 'Đăng ký khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', count: 1 },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', count: 1 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ (bản sao)', count: 2 },
  ],
  receivedAt: new Date('2026-11-27T02:05:00Z'),
  dueAt: new Date('2026-12-02T10:00:00Z'),
  processingDays: 3,
  channel: 'ONLINE',
  receivedBy: 'Trần Văn Bình',
  trackingUrl: trackingUrl('https://motcua.danang.gov.vn', '000.00.12.H17-261127-0001'),
  ...over,
});

const sampleApology = (over: Partial<ApologyView> = {}): ApologyView => ({
  agencyName: 'UBND phường Hải Châu',
  parentAgencyName: 'UBND thành phố Đà Nẵng',
  letterNumber: '15/TXL-UBND',
  issuedAt: new Date('2026-12-03T03:00:00Z'),
  applicantName: 'Nguyễn Thị Hồng Nhung',
  code: '000.00.12.H17-261127-0001',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: new Date('2026-11-27T02:05:00Z'),
  originalDueAt: new Date('2026-12-02T10:00:00Z'),
  reason: 'Cần xác minh thông tin với Sở Tư pháp',
  newDueAt: new Date('2026-12-07T10:00:00Z'),
  signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch',
  signerName: 'Lê Văn Cường',
  ...over,
});

/** The text of a PDF with line breaks folded, so a phrase wrapped across lines is still found. */
async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
}

describe('Vietnamese formatting of documents', () => {
  it('shows dates and times in Asia/Ho_Chi_Minh', () => {
    expect(formatVnDate(new Date('2026-11-26T17:30:00Z'))).toBe('27/11/2026');
    expect(formatVnDateTime(new Date('2026-11-26T17:30:00Z'))).toBe('00:30, 27/11/2026');
    expect(formatVnDateTime(new Date('2026-12-02T10:00:00Z'))).toBe('17:00, 02/12/2026');
  });

  it('writes the place-and-date line with zeros only where Decree 30 wants them', () => {
    expect(vnPlaceDateLine('Đà Nẵng', new Date('2026-02-04T03:00:00Z'))).toBe('Đà Nẵng, ngày 04 tháng 02 năm 2026');
    expect(vnPlaceDateLine('Đà Nẵng', new Date('2026-11-27T03:00:00Z'))).toBe('Đà Nẵng, ngày 27 tháng 11 năm 2026');
    expect(vnPlaceDateLine('Đà Nẵng', new Date('2026-03-09T03:00:00Z'))).toBe('Đà Nẵng, ngày 09 tháng 3 năm 2026');
  });

  it('masks a national ID but for its last 4 digits', () => {
    expect(maskNationalId('048190001234')).toBe('********1234');
    expect(maskNationalId('123')).toBe('***');
  });

  it('builds the public tracking address from the public URL and the code', () => {
    expect(trackingUrl('https://motcua.danang.gov.vn/', 'X-261127-0001')).toBe(
      'https://motcua.danang.gov.vn/track/X-261127-0001',
    );
    // The receipt's QR code carries the dossier's token, which opens the public timeline.
    expect(trackingUrl('https://motcua.danang.gov.vn', 'X-261127-0001', 'ab12')).toBe(
      'https://motcua.danang.gov.vn/track/X-261127-0001?t=ab12',
    );
  });
});

describe('receipt and appointment slip PDF', () => {
  it('prints how the result is received and the fee with its state (issue 14)', async () => {
    const postal = await textOf(
      await renderReceiptPdf({
        ...sampleReceipt(),
        delivery: { method: 'POSTAL', postalAddress: '12 Bạch Đằng, Hải Châu' },
        fee: { amount: 8000, status: 'PAID', online: true },
      }),
    );
    expect(postal).toContain('Qua dịch vụ bưu chính công ích, đến: 12 Bạch Đằng, Hải Châu');
    expect(postal).toContain('7. Phí, lệ phí: 8.000 đồng (Đã thanh toán trực tuyến)');
    const electronic = await textOf(
      await renderReceiptPdf({
        ...sampleReceipt(),
        delivery: { method: 'ELECTRONIC', postalAddress: null },
        fee: { amount: 0, status: 'NONE', online: null },
      }),
    );
    expect(electronic).toContain('Bản điện tử trên Cổng Dịch vụ công');
    expect(electronic).toContain('Miễn phí');
  });

  it('renders the title, code, applicant with diacritics, procedure, documents and due date', async () => {
    const pdf = await renderReceiptPdf(sampleReceipt());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('000.00.12.H17-261127-0001');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('Giấy chứng sinh do cơ sở y tế cấp');
    expect(text).toContain('Ngày hẹn trả kết quả: 17:00, 02/12/2026');
    expect(text).toContain('Thời gian nhận hồ sơ: 09:05, 27/11/2026');
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain('https://motcua.danang.gov.vn/track/000.00.12.H17-261127-0001');
  });

  it('shows the national ID masked, never whole', async () => {
    const text = await textOf(await renderReceiptPdf(sampleReceipt()));
    expect(text).toContain('********1234');
    expect(text).not.toContain('048190001234');
  });

  it('embeds the QR code as an image', async () => {
    const raw = (await renderReceiptPdf(sampleReceipt())).toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
  });

  it('embeds the DejaVu font rather than a standard font without Vietnamese letters', async () => {
    const raw = (await renderReceiptPdf(sampleReceipt())).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('renders the same bytes for the same view', async () => {
    const [a, b] = await Promise.all([renderReceiptPdf(sampleReceipt()), renderReceiptPdf(sampleReceipt())]);
    expect(a.equals(b)).toBe(true);
  });

  it('flows a long list of documents onto a second page', async () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({ name: `Giấy tờ kèm theo số ${i + 1}`, count: 1 }));
    const pdf = await renderReceiptPdf(sampleReceipt({ documents, channel: 'COUNTER' }));
    const parsed = await pdfParse(pdf);
    expect(parsed.numpages).toBeGreaterThan(1);
    expect(parsed.text).toContain('Giấy tờ kèm theo số 40');
    expect(parsed.text).toContain('Trực tiếp tại Bộ phận Một cửa');
  });

  it('renders without the optional national ID, contact and receiving officer', async () => {
    const text = await textOf(
      await renderReceiptPdf(
        sampleReceipt({ applicant: { fullName: 'Phạm Đức Huy' }, receivedBy: null, documents: [], processingDays: 0 }),
      ),
    );
    expect(text).toContain('Phạm Đức Huy');
    expect(text).toContain('Trong ngày');
    expect(text).not.toContain('Số định danh');
  });
});

describe('apology letter PDF', () => {
  it('renders the title, addressee, code, procedure, original and new dates, reason and signer', async () => {
    const pdf = await renderApologyPdf(sampleApology());
    const text = await textOf(pdf);
    expect(text).toContain('THƯ XIN LỖI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung');
    expect(text).toContain('000.00.12.H17-261127-0001');
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('ngày hẹn trả kết quả là ngày 02/12/2026');
    expect(text).toContain('hẹn trả kết quả giải quyết hồ sơ vào ngày 07/12/2026');
    expect(text).toContain('Cần xác minh thông tin với Sở Tư pháp');
    expect(text).toContain('Số: 15/TXL-UBND');
    expect(text).toContain('Đà Nẵng, ngày 03 tháng 12 năm 2026');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    expect(text).toContain('Lê Văn Cường');
  });

  it('renders the same bytes for the same view', async () => {
    const [a, b] = await Promise.all([renderApologyPdf(sampleApology()), renderApologyPdf(sampleApology())]);
    expect(a.equals(b)).toBe(true);
  });
});
