import { toLocalDate, toLocalParts } from './dossier-clock.js';

/**
 * Dossier codes `{agencyCode}-{yyMMdd}-{seq}` (domain.md, "Dossier code"): the receiving agency's
 * electronic code, the submission date in Asia/Ho_Chi_Minh and a per-agency, per-day sequence.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The calendar day of `at` in Asia/Ho_Chi_Minh, `YYYY-MM-DD`: the key of the per-agency-per-day sequence row. */
export function localDateKey(at: Date): string {
  return toLocalDate(at);
}

/**
 * `000.00.12.H17-261127-0001`. The sequence is at least 4 digits; a 10,000th dossier of one agency
 * in one day gets 5 rather than failing the submission (the code stays unique and parseable).
 */
export function formatDossierCode(agencyCode: string, at: Date, seq: number): string {
  if (!agencyCode) throw new RangeError('Agency code is empty');
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid dossier sequence ${seq}`);
  const { year, month, day } = toLocalParts(at);
  return `${agencyCode}-${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}-${pad(seq, 4)}`;
}

export interface DossierCodeParts {
  agencyCode: string;
  /** The submission day in Asia/Ho_Chi_Minh, `YYYY-MM-DD` (years 2000-2099). */
  dateKey: string;
  seq: number;
}

// Agency codes hold dots (000.00.12.H17), so the date and sequence are read from the right.
const CODE_PATTERN = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4}|[1-9]\d{4,})$/;

/** The parts of a dossier code, or null when it is not one (also for an impossible date). */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const m = CODE_PATTERN.exec(code);
  if (!m) return null;
  const [, agencyCode, yy, mm, dd, seqText] = m;
  const year = 2000 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const seq = Number(seqText);
  if (seq < 1 || !Number.isSafeInteger(seq)) return null;
  return { agencyCode, dateKey: `${year}-${mm}-${dd}`, seq };
}
