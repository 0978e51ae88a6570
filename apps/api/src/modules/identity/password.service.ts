import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { IdentityError } from './identity.errors.js';

/** How many of the ranked common passwords are refused (issue 3). */
const COMMON_PASSWORD_COUNT = 10_000;

let commonPasswords: Set<string> | undefined;

/** The 10,000 most common passwords (zxcvbn's ranked list), loaded once, lowercase. */
export function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    const file = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
    const ranked = JSON.parse(readFileSync(file, 'utf8')) as string[];
    commonPasswords = new Set(ranked.slice(0, COMMON_PASSWORD_COUNT).map((p) => p.toLowerCase()));
  }
  return commonPasswords.has(password.toLowerCase());
}

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum
 * recommendation), which keep a login near 50 ms.
 */
@Injectable()
export class PasswordService {
  /** A hash of nothing anyone knows, verified when the user is unknown so both answers take as long. */
  private dummyHash: Promise<string> | undefined;

  /** Refuse a common password with a 400 naming the field. */
  assertAcceptable(password: string, field = 'password'): void {
    if (isCommonPassword(password)) throw IdentityError.commonPassword(field);
  }

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** True when the password matches; a missing hash (no password account) burns the same time and fails. */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.dummyHash ??= hash(`no-such-user-${Math.random()}`);
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
