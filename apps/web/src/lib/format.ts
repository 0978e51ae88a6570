// The clock module alone (not the package index, which would pull zod into every page).
import { zoneOffsetMs } from '@motcua/shared/dossier-clock';

// Formatting for the screen: times stored in UTC are shown in dossierClock's zone (style.md, 12),
// by its offset (dossier-clock.ts reads it without Intl since 1975: a zone-aware Intl formatter
// costs tens of milliseconds on a phone before the first date can be shown; format.spec.ts checks
// the output against Intl's en-GB formats, which these functions used to call).

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const two = (n: number) => String(n).padStart(2, '0');

/** The instant's wall clock in Asia/Ho_Chi_Minh, as a Date read with its UTC getters. */
function local(d: Date): Date {
  return new Date(d.getTime() + zoneOffsetMs(d));
}
const dayOf = (l: Date) =>
  `${two(l.getUTCDate())}/${two(l.getUTCMonth() + 1)}/${String(l.getUTCFullYear()).padStart(4, '0')}`;
const timeOf = (l: Date) => `${two(l.getUTCHours())}:${two(l.getUTCMinutes())}`;

function instant(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * dd/MM/yyyy. A calendar date (`YYYY-MM-DD`, e.g. a date of birth) is shown as written;
 * an instant (ISO time or Date) as its day in Asia/Ho_Chi_Minh.
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = instant(value);
  return d ? dayOf(local(d)) : '';
}

/** HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh, the way Vietnamese forms write a time. */
export function formatDateTime(value: string | Date): string {
  const d = instant(value);
  if (!d) return '';
  const l = local(d);
  return `${timeOf(l)} ${dayOf(l)}`;
}

/** HH:mm in Asia/Ho_Chi_Minh (e.g. "Saved at 10:42"), whatever the device's zone. */
export function formatTime(value: string | Date): string {
  const d = instant(value);
  return d ? timeOf(local(d)) : '';
}

/** Whether two instants fall on the same calendar day in Asia/Ho_Chi_Minh. */
export function sameLocalDay(a: Date, b: Date): boolean {
  return dayOf(local(a)) === dayOf(local(b));
}

/** Integer VND as money, e.g. "100.000 ₫" (the same in both languages, as on receipts). */
export function formatVnd(amount: number): string {
  // Written out as Intl's vi-VN currency format writes it ("1.250.000 ₫": dots, no decimals, a
  // no-break space, the đồng sign; format.spec.ts checks the two agree): making that formatter
  // loads the Vietnamese number data, the largest piece of script work on a page listing fees.
  const whole = Math.round(Math.abs(amount));
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 && whole > 0 ? '-' : ''}${digits}\u00a0₫`;
}

/** How a language writes numbers: the group and decimal separators Intl uses for vi-VN and en-GB. */
const SEPARATORS = { vi: { group: '.', point: ',' }, en: { group: ',', point: '.' } } as const;

/**
 * A number as Intl.NumberFormat writes it for vi-VN or en-GB ("1.234,6" / "1,234.6"), with
 * `maxFraction` digits at most (rounded half away from zero on the number's shortest decimal
 * form, as Intl does) and `minFraction` at least; `percent` multiplies by 100 and adds "%".
 * Written out because the first Intl formatter a page makes costs tens of milliseconds on a
 * phone (ICU's start, Lighthouse, issue 16); format.spec.ts checks the output against Intl.
 */
export function formatNumber(
  x: number,
  lang: 'vi' | 'en',
  {
    minFraction = 0,
    maxFraction = 3,
    percent = false,
  }: { minFraction?: number; maxFraction?: number; percent?: boolean } = {},
): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  let [int, frac = ''] = (String(abs).includes('e') ? abs.toFixed(20) : String(abs)).split('.');
  if (percent) {
    frac = frac.padEnd(2, '0');
    int = `${int}${frac.slice(0, 2)}`;
    frac = frac.slice(2);
  }
  const kept = frac.slice(0, maxFraction).padEnd(maxFraction, '0');
  let digits = BigInt(`${int}${kept}`);
  if ((frac[maxFraction] ?? '0') >= '5') digits += 1n;
  const all = digits.toString().padStart(maxFraction + 1, '0');
  const whole = all.slice(0, all.length - maxFraction);
  let fraction = all.slice(all.length - maxFraction);
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const { group, point } = SEPARATORS[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${grouped}${fraction ? `${point}${fraction}` : ''}${percent ? '%' : ''}`;
}
