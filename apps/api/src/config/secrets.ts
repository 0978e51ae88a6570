import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where development secrets live: beside the database, never in the repository or the database itself. */
export function secretsDir(dataDir: string): string {
  return path.join(dataDir, 'secrets');
}

/**
 * Write a file once, atomically: a private temporary file hard-linked into place. Two processes
 * racing both succeed and the second keeps the first one's file, never a half-written one.
 */
export function writeOnce(file: string, content: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * A random secret (64 hex characters) kept in DATA_DIR/secrets/<name>, mode 0600, created on
 * first use. Outside production this replaces constants in source: each data folder gets its own.
 * Two processes starting together agree: the secret is written to a private temporary file and
 * hard-linked into place (atomic, fails if one is there), so nobody ever reads a half-written one.
 * A file others may read is refused (fail closed) rather than silently trusted.
 */
export function readOrCreateSecret(dataDir: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new Error(`Bad secret name: ${name}`);
  const dir = secretsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, name);
  writeOnce(file, randomBytes(32).toString('hex') + '\n');
  chmodSync(dir, 0o700);
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} may be read by other users: chmod 600 it (or remove it to make a new secret)`);
  }
  const value = readFileSync(file, 'utf8').trim();
  if (value.length < 32) throw new Error(`${file} holds no usable secret (empty or short): remove it`);
  return value;
}
