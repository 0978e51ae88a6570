import { createHash, randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read off paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 symbols of 5 bits: 60 random bits (issue 12 asks for 40 at least). */
export const CLAIM_CODE_LENGTH = 12;

/** A new claim code, printed as XXXX-XXXX-XXXX. */
export function newClaimCode(): string {
  const symbols = Array.from({ length: CLAIM_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return symbols.replace(/(.{4})(?=.)/g, '$1-');
}

/** The code as typed back (any case, spaces or dashes, O for 0, I or L for 1), or null when it cannot be one. */
export function normalizeClaimCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== CLAIM_CODE_LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s;
}

/** Only this is stored: 60 random bits make a plain sha256 safe from guessing, and the lookup exact. */
export function hashClaimCode(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}
