import { readFileSync } from 'node:fs';
import type { AppConfig } from '../../config/config.js';
import { ConfigError } from '../../config/config.js';
import { readOrCreateSecret } from '../../config/secrets.js';

/** Injection token of the audit key (a Buffer). */
export const AUDIT_KEY = Symbol('AUDIT_KEY');

/**
 * The audit chain's HMAC key, never stored in the database: AUDIT_KEY, or the file AUDIT_KEY_FILE
 * names (production requires one, config.ts); outside production a random key kept in
 * DATA_DIR/secrets/audit-key (mode 0600) beside the database.
 */
export function resolveAuditKey(config: AppConfig): Buffer {
  if (config.auditKey && 'value' in config.auditKey) return Buffer.from(config.auditKey.value, 'utf8');
  if (config.auditKey && 'file' in config.auditKey) {
    let text: string;
    try {
      text = readFileSync(config.auditKey.file, 'utf8').trim();
    } catch (e) {
      throw new ConfigError(`AUDIT_KEY_FILE: cannot read ${config.auditKey.file} (${(e as Error).message})`);
    }
    if (text.length < 32)
      throw new ConfigError(`AUDIT_KEY_FILE: ${config.auditKey.file} holds fewer than 32 characters`);
    return Buffer.from(text, 'utf8');
  }
  if (config.env === 'production') throw new ConfigError('AUDIT_KEY: required in production (or AUDIT_KEY_FILE)');
  return Buffer.from(readOrCreateSecret(config.dataDir, 'audit-key'), 'utf8');
}
