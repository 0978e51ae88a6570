import { isCommonPassword } from './password-policy.js';
import { PasswordService } from './password.service.js';

describe('common passwords', () => {
  it('refuses the top of the ranked list, whatever the case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
  });

  it('accepts a password outside the list of breached passwords', () => {
    expect(isCommonPassword('Sông-Hàn-2026')).toBe(false);
    expect(isCommonPassword('Correct-Horse-42')).toBe(false);
  });

  it('refuses a breached word padded with digits and symbols, and a near-repetition of one character', () => {
    expect(isCommonPassword('Password1234!')).toBe(true);
    expect(isCommonPassword('@@dragon2024')).toBe(true);
    expect(isCommonPassword('aaaaaaaaaaa1')).toBe(true);
  });
});

describe('PasswordService', () => {
  const passwords = new PasswordService();

  it('hashes with argon2id and verifies', async () => {
    const hash = await passwords.hash('Sông-Hàn-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwords.verify(hash, 'Sông-Hàn-2026')).toBe(true);
    expect(await passwords.verify(hash, 'sông-hàn-2026')).toBe(false);
  });

  it('fails, after the same work, when there is no hash to check', async () => {
    expect(await passwords.verify(null, 'anything-at-all')).toBe(false);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    expect(await passwords.verify('not-a-hash', 'anything-at-all')).toBe(false);
  });

  it('names the field of a common password', () => {
    expect(() => passwords.assertAcceptable('basketball12345', {}, 'newPassword')).toThrow(
      expect.objectContaining({ status: 400, errors: [{ field: 'newPassword', message: expect.any(String) }] }),
    );
  });
});
