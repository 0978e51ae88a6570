import { isCommonPassword, PasswordService } from './password.service.js';

describe('common passwords', () => {
  it('refuses the top of the ranked list, whatever the case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
  });

  it('accepts a password outside the 10,000 most common', () => {
    expect(isCommonPassword('Sông-Hàn-2026')).toBe(false);
    expect(isCommonPassword('Demo@123456')).toBe(false);
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
    expect(() => passwords.assertAcceptable('basketball', 'newPassword')).toThrow(
      expect.objectContaining({ status: 400, errors: [{ field: 'newPassword', message: expect.any(String) }] }),
    );
  });
});
