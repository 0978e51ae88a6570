import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOrCreateSecret } from './secrets.js';

describe('readOrCreateSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a random secret per data folder, kept in DATA_DIR/secrets with mode 0600, the same on every read', () => {
    const a = readOrCreateSecret(dir, 'audit-key');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(readOrCreateSecret(dir, 'audit-key')).toBe(a);
    expect(statSync(path.join(dir, 'secrets', 'audit-key')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    const other = mkdtempSync(path.join(os.tmpdir(), 'motcua-secrets-'));
    try {
      expect(readOrCreateSecret(other, 'audit-key')).not.toBe(a);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a secret file others may read, and a name that is a path', () => {
    readOrCreateSecret(dir, 'jwt-secret');
    chmodSync(path.join(dir, 'secrets', 'jwt-secret'), 0o644);
    expect(() => readOrCreateSecret(dir, 'jwt-secret')).toThrow(/chmod 600/);
    expect(() => readOrCreateSecret(dir, '../x')).toThrow(/Bad secret name/);
  });
});
