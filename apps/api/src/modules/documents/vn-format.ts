import { toLocalParts } from '@motcua/shared';

/** Times are stored in UTC and shown in Asia/Ho_Chi_Minh (style.md), as dossierClock reads them. */
const two = (n: number) => String(n).padStart(2, '0');

/** `27/11/2026`. */
export function formatVnDate(at: Date): string {
  const p = toLocalParts(at);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** `09:05, 27/11/2026`. */
export function formatVnDateTime(at: Date): string {
  const p = toLocalParts(at);
  return `${two(p.hour)}:${two(p.minute)}, ${formatVnDate(at)}`;
}

/**
 * The place-and-date line of an official document, `Đà Nẵng, ngày 05 tháng 02 năm 2026`:
 * Decree 30/2020/NĐ-CP writes a leading zero for days below 10 and for months 1 and 2 only.
 */
export function vnPlaceDateLine(place: string, at: Date): string {
  const p = toLocalParts(at);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `${place}, ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/**
 * A national ID shown with its last 4 digits only: enough for the holder to recognise it as theirs,
 * while a lost or photographed slip (it carries a public tracking QR code) does not give it away
 * (Decree 13/2023/NĐ-CP: process no more personal data than the purpose needs).
 */
export function maskNationalId(nationalId: string): string {
  const visible = 4;
  if (nationalId.length <= visible) return '*'.repeat(nationalId.length);
  return '*'.repeat(nationalId.length - visible) + nationalId.slice(-visible);
}
