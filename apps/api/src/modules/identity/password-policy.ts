import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  foldText,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordPersonalDataFound,
  type PasswordPersonalData,
} from '@motcua/shared';
import { IdentityError } from './identity.errors.js';

/**
 * The password policy of the contract (api.md, Identity), in one place: registration, password
 * changes, staff accounts and a production ADMIN_PASSWORD all call it. Seeded demo accounts are
 * the only passwords that bypass it (demo data is never on in production).
 */
export type PasswordPolicyViolation = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'PERSONAL_DATA';

let breached: Set<string> | undefined;

/** zxcvbn's ranked list of 49,000 passwords seen in breaches, lowercase, loaded once. */
function breachedPasswords(): Set<string> {
  if (!breached) {
    const file = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
    breached = new Set((JSON.parse(readFileSync(file, 'utf8')) as string[]).map((p) => p.toLowerCase()));
  }
  return breached;
}

/**
 * Common or known-breached: on the list as typed, or once the digits and symbols people pad a
 * known word with are taken off its ends ("Password1234!", "@@dragon2024"), or nearly one
 * repeated character ("aaaaaaaaaaaa1").
 */
export function isCommonPassword(password: string): boolean {
  const list = breachedPasswords();
  const lower = foldText(password);
  if (list.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 3 && list.has(core)) return true;
  return new Set(lower).size < 4;
}

export function passwordPolicyViolation(
  password: string,
  data: PasswordPersonalData = {},
): PasswordPolicyViolation | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (password.length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (isCommonPassword(password)) return 'COMMON';
  if (passwordPersonalDataFound(password, data)) return 'PERSONAL_DATA';
  return null;
}

/** Throw the 400 naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, data: PasswordPersonalData = {}, field = 'password'): void {
  switch (passwordPolicyViolation(password, data)) {
    case null:
      return;
    case 'TOO_SHORT':
      throw IdentityError.weakPassword(field, `At least ${PASSWORD_MIN_LENGTH} characters`);
    case 'TOO_LONG':
      throw IdentityError.weakPassword(field, `At most ${PASSWORD_MAX_LENGTH} characters`);
    case 'COMMON':
      throw IdentityError.commonPassword(field);
    case 'PERSONAL_DATA':
      throw IdentityError.personalDataPassword(field);
  }
}
