// The clock module alone (not the package index, which would pull zod into every page).
import { TIME_ZONE } from '@motcua/shared/dossier-clock';

// Formatting for the screen: times stored in UTC are shown in dossierClock's zone (style.md, 12).

// Made on first use, not when the module loads: the first formatter with a time zone loads the
// zone data, tens of milliseconds on a phone before the page can paint (Lighthouse, issue 16).
const lazy = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const dateFormat = lazy(
  () => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }),
);
const timeFormat = lazy(
  () => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
);
const vnd = lazy(() => new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }));

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * dd/MM/yyyy. A calendar date (`YYYY-MM-DD`, e.g. a date of birth) is shown as written;
 * an instant (ISO time or Date) as its day in Asia/Ho_Chi_Minh.
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat().format(d);
}

/** HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh, the way Vietnamese forms write a time. */
export function formatDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return `${timeFormat().format(d)} ${dateFormat().format(d)}`;
}

/** HH:mm in Asia/Ho_Chi_Minh (e.g. "Saved at 10:42"), whatever the device's zone. */
export function formatTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return timeFormat().format(d);
}

/** Whether two instants fall on the same calendar day in Asia/Ho_Chi_Minh. */
export function sameLocalDay(a: Date, b: Date): boolean {
  return dateFormat().format(a) === dateFormat().format(b);
}

/** Integer VND as money, e.g. "100.000 ₫" (the same in both languages, as on receipts). */
export function formatVnd(amount: number): string {
  return vnd().format(amount);
}
