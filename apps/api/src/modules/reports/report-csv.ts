import type { BreakdownRow } from '@motcua/shared';

/** UTF-8 byte order mark: without it, spreadsheet programs read Vietnamese CSV as Latin-1. */
export const BOM = '\uFEFF';

/** The columns of the CSV breakdown: Vietnamese header with the English in parentheses. */
const COLUMNS: readonly [string, (r: BreakdownRow) => string | number | null][] = [
  ['Mã (Key)', (r) => r.key],
  ['Tên (Name)', (r) => r.label],
  ['Tiếp nhận (Received)', (r) => r.received],
  ['Trực tuyến (Online)', (r) => r.online.count],
  ['Tỷ lệ trực tuyến (Online rate)', (r) => r.online.rate],
  ['Hồ sơ DVC toàn trình (Full-process dossiers)', (r) => r.fullProcess.total],
  ['Toàn trình trực tuyến (Full-process online)', (r) => r.fullProcess.online],
  ['Tỷ lệ toàn trình trực tuyến (Full-process online rate)', (r) => r.fullProcess.rate],
  ['Đã giải quyết (Decided)', (r) => r.decided],
  ['Trước hạn (Early)', (r) => r.early],
  ['Đúng và trước hạn (On time)', (r) => r.onTime.count],
  ['Tỷ lệ đúng hạn (On-time rate)', (r) => r.onTime.rate],
  ['Trễ hạn (Late)', (r) => r.late],
  ['Đang giải quyết (Open)', (r) => r.open.total],
  ['Quá hạn đang giải quyết (Open overdue)', (r) => r.openOverdue],
  ['Chờ công dân bổ sung (Waiting for the citizen)', (r) => r.open.waitingCitizen],
  ['Thời gian giải quyết TB, ngày làm việc (Average processing, working days)', (r) => r.avgProcessingDays],
  ['Lượt đánh giá (Ratings)', (r) => r.satisfaction.ratings],
  ['Hài lòng (Satisfied)', (r) => r.satisfaction.satisfied],
  ['Tỷ lệ hài lòng (Satisfaction rate)', (r) => r.satisfaction.rate],
  ['Đã nộp phí (Fees paid)', (r) => r.payment.paid],
  ['Nộp phí trực tuyến (Paid online)', (r) => r.payment.online],
  ['Tỷ lệ thanh toán trực tuyến (Online payment rate)', (r) => r.payment.rate],
  ['Đã trả kết quả (Returned)', (r) => r.returned],
  ['Trả kết quả DVC toàn trình (Returned, full-process)', (r) => r.endToEnd.total],
  ['Giải quyết toàn trình (End-to-end online)', (r) => r.endToEnd.count],
  ['Tỷ lệ giải quyết toàn trình (End-to-end rate)', (r) => r.endToEnd.rate],
  ['Số hóa (Digitised)', (r) => r.digitised.count],
  ['Tỷ lệ số hóa (Digitised rate)', (r) => r.digitised.rate],
  ['Thư xin lỗi đã gửi (Apology letters issued)', (r) => r.apologies.issued],
  ['Thư xin lỗi tự động (Automatic apology letters)', (r) => r.apologies.automatic],
];

/** A rate as a decimal fraction (a spreadsheet formats it as %); empty when it has no denominator. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e4) / 1e4);
  // A text starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF), with a BOM, of breakdown rows. */
export function breakdownCsv(rows: readonly BreakdownRow[]): string {
  const lines = [COLUMNS.map(([h]) => cell(h)), ...rows.map((r) => COLUMNS.map(([, get]) => cell(get(r))))];
  return BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
