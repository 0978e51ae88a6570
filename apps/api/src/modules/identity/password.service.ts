import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordPersonalData } from '@motcua/shared';
import { assertPasswordPolicy } from './password-policy.js';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum
 * recommendation), which keep a login near 50 ms.
 */
@Injectable()
export class PasswordService {
  /** A hash of nothing anyone knows, verified when the user is unknown so both answers take as long. */
  private dummyHash: Promise<string> | undefined;

  /** The contract's policy (password-policy.ts): a 400 naming the field when broken. */
  assertAcceptable(password: string, data: PasswordPersonalData = {}, field = 'password'): void {
    assertPasswordPolicy(password, data, field);
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
