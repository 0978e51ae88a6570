import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { passwordPolicyViolation } from '../modules/identity/password-policy.js';
import { KNOWN_JWT_SECRETS } from './known-secrets.js';
import { readOrCreateSecret } from './secrets.js';

/** The repository root, found from this file's place (src/config or dist/config). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every environment variable the API reads, with its default. This module is the
 * only place that reads process.env (style.md); everything else receives AppConfig.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** External PostgreSQL. Unset: an embedded PostgreSQL is started with data in DATA_DIR/pg. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * With DATABASE_URL: the restricted role the API's pool connects as (migrations run as
   * DATABASE_URL's owner). Unset: the role `motcua_app` is created if the owner may.
   */
  DATABASE_APP_URL: z.string().url().optional(),
  /** Key of the audit chain's HMAC (≥ 32 characters), or a file holding it; one is required in production. */
  AUDIT_KEY: z.string().min(32).optional(),
  AUDIT_KEY_FILE: z.string().optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  /** Built web assets served at `/`. */
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps/web/dist')),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Demo data (catalog, demo accounts) on start; refused in production. */
  DEMO_DATA: bool.optional(),
  /** Password of the first `admin`; outside production the demo default. */
  ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Outside production: a random secret kept in DATA_DIR/secrets/jwt-secret when unset. */
  JWT_SECRET: z.string().min(16).optional(),
  /** Comma-separated origins allowed by CORS; empty: CORS off. */
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('MotCua <no-reply@motcua.danang.gov.vn>'),
  /** How often the outbox worker looks for messages; 0 turns it off (tests drain by hand). */
  OUTBOX_POLL_MS: z.coerce.number().int().min(0).default(1000),
  /** Storage quotas of attachments (issue 12): per dossier, and per citizen over all their dossiers. */
  UPLOAD_QUOTA_DOSSIER_MB: z.coerce.number().int().min(1).max(100_000).default(50),
  UPLOAD_QUOTA_USER_MB: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** How often stored files no attachment references (older than a day) are removed; 0 turns it off. */
  FILE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  // api.md, Notifications and apologies: the automatic apology's appointment, in working days after dueAt.
  APOLOGY_APPOINTMENT_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** Open `/reports/live` streams one API process serves (503 beyond); the per-user cap is 5. */
  REPORTS_LIVE_MAX_STREAMS: z.coerce.number().int().min(1).default(1000),
  /** A burst of changes within this window gives one summary per scope to its live streams. */
  REPORTS_LIVE_DEBOUNCE_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** VNPay merchant (api.md, "Fees and online payment"): all three or none; none outside production → the sandbox. */
  VNPAY_TMN_CODE: z
    .string()
    .regex(/^[A-Za-z0-9]{1,20}$/, 'letters and digits (the merchant code VNPay gave)')
    .optional(),
  VNPAY_HASH_SECRET: z.string().min(16).optional(),
  VNPAY_PAY_URL: z.string().url().optional(),
  /** The querydr endpoint of reconciliation; unset: VNPay's, next to the pay URL. */
  VNPAY_API_URL: z.string().url().optional(),
  /**
   * Agency signing certificates: a folder of PKCS#12 files named <agencyCode>.p12 and their
   * passphrase. Required to sign results in production (503 without); elsewhere, unset, a local
   * "MotCua Dev CA" in DATA_DIR/pki issues them.
   */
  SIGNING_P12_DIR: z.string().optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

const MB = 1024 * 1024;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseAppUrl: string | undefined;
  /** Where the audit key comes from; resolved by resolveAuditKey (modules/audit/audit-key.ts). */
  auditKey: { value: string } | { file: string } | null;
  dataDir: string;
  webDist: string;
  publicUrl: string;
  demoData: boolean;
  /** Null only in production without ADMIN_PASSWORD: then an admin must already exist. */
  adminPassword: string | null;
  jwtSecret: string;
  corsOrigins: string[];
  logLevel: Env['LOG_LEVEL'];
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | null;
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxPollMs: number;
  uploadQuota: { dossierBytes: number; userBytes: number };
  fileSweepIntervalMs: number;
  /** The automatic apology's appointment: this many working days after dueAt, at 17:00 local. */
  apologyAppointmentWorkingDays: number;
  reportsLive: { maxStreams: number; debounceMs: number };
  /**
   * The payment gateway: VNPay as configured, the built-in sandbox (outside production with none
   * of the VNPAY_ variables set), or null (production without them: payment routes answer 503).
   */
  vnpay: VnpayConfig | null;
  /** Configured agency certificates; null: the dev PKI outside production, signing refused in it. */
  signing: { p12Dir: string; passphrase: string } | null;
}

export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  payUrl: string;
  /** querydr / refund endpoint. */
  apiUrl: string;
  sandbox: boolean;
}

/** The sandbox gateway's mount (api/v1-relative) and merchant code. */
export const SANDBOX_VNPAY_PATH = '/sandbox/vnpay';
export const SANDBOX_TMN_CODE = 'MOTCUA01';

export class ConfigError extends Error {}

/** The demo's first-admin password: printed at start outside production, refused in production. */
export const DEMO_ADMIN_PASSWORD = 'Admin@12345';
/** The first administrator's username (created from ADMIN_PASSWORD). */
export const FIRST_ADMIN_USERNAME = 'admin';
/** HS256 wants a key at least as long as its 256-bit output (RFC 7518, 3.2). */
export const JWT_SECRET_MIN_BYTES = 32;

/** Why a production JWT_SECRET is refused, or null when it is acceptable. */
export function jwtSecretProblem(secret: string | undefined): string | null {
  if (!secret) return 'required in production (e.g. `openssl rand -base64 48`)';
  if (Buffer.byteLength(secret, 'utf8') < JWT_SECRET_MIN_BYTES) {
    return `must be at least ${JWT_SECRET_MIN_BYTES} bytes of random (e.g. \`openssl rand -base64 48\`)`;
  }
  if (KNOWN_JWT_SECRETS.some((k) => k.toLowerCase() === secret.toLowerCase())) {
    return 'is a published value (a default or an example): generate a new one';
  }
  // 'x' * 32 and its like are long but guessable.
  if (new Set(secret).size < 8) return 'is not random (too few distinct characters)';
  return null;
}

/** Why a production ADMIN_PASSWORD is refused (the password policy of identity), or null. */
export function adminPasswordProblem(password: string): string | null {
  if (password === DEMO_ADMIN_PASSWORD) return 'is the public demo default';
  switch (passwordPolicyViolation(password, { username: FIRST_ADMIN_USERNAME })) {
    case null:
      return null;
    case 'TOO_SHORT':
      return 'is too short (at least 12 characters)';
    case 'TOO_LONG':
      return 'is too long';
    case 'COMMON':
      return 'is a common password';
    case 'PERSONAL_DATA':
      return `must not contain the username "${FIRST_ADMIN_USERNAME}"`;
  }
}

/**
 * The development signing secret of a data folder: random, made on first start and kept
 * beside the database (0600), so tokens survive restarts and no two installs share one.
 */
export function dataDirSecret(dataDir: string, name: string): string {
  let secret: string;
  try {
    secret = readOrCreateSecret(dataDir, name);
  } catch (e) {
    throw new ConfigError(`Invalid secret file: ${(e as Error).message}`);
  }
  if (Buffer.byteLength(secret) < JWT_SECRET_MIN_BYTES) {
    throw new ConfigError(`Invalid secret file ${name}: shorter than ${JWT_SECRET_MIN_BYTES} bytes; delete it`);
  }
  return secret;
}

/** Parse and check the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  if (production) {
    // Production fails closed: no default, published or demo value may reach a real install.
    const problems: string[] = [];
    const secretProblem = jwtSecretProblem(e.JWT_SECRET);
    if (secretProblem) problems.push(`  JWT_SECRET: ${secretProblem}`);
    if (e.DEMO_DATA) problems.push('  DEMO_DATA: demo data and demo accounts are refused in production');
    const adminProblem = e.ADMIN_PASSWORD === undefined ? null : adminPasswordProblem(e.ADMIN_PASSWORD);
    if (adminProblem) problems.push(`  ADMIN_PASSWORD: ${adminProblem}`);
    // The audit key must live outside the database; a generated one in DATA_DIR is for development only.
    if (!e.AUDIT_KEY && !e.AUDIT_KEY_FILE) problems.push('  AUDIT_KEY: required in production (or AUDIT_KEY_FILE)');
    if (problems.length) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const vnpaySet = [e.VNPAY_TMN_CODE, e.VNPAY_HASH_SECRET, e.VNPAY_PAY_URL].filter((v) => v !== undefined).length;
  if (vnpaySet !== 0 && vnpaySet !== 3) {
    throw new ConfigError(
      'Invalid environment:\n  VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_PAY_URL: set all three or none',
    );
  }
  const publicUrl = e.PUBLIC_URL.replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAppUrl: e.DATABASE_APP_URL,
    auditKey: e.AUDIT_KEY ? { value: e.AUDIT_KEY } : e.AUDIT_KEY_FILE ? { file: path.resolve(e.AUDIT_KEY_FILE) } : null,
    dataDir,
    webDist: path.resolve(e.WEB_DIST),
    publicUrl,
    demoData: e.DEMO_DATA ?? !production,
    adminPassword: e.ADMIN_PASSWORD ?? (production ? null : DEMO_ADMIN_PASSWORD),
    // Tests without a secret get one per process: they write nothing into DATA_DIR.
    jwtSecret:
      e.JWT_SECRET ??
      (e.NODE_ENV === 'test' ? randomBytes(48).toString('base64url') : dataDirSecret(dataDir, 'jwt-secret')),
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
        : null,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxPollMs: e.OUTBOX_POLL_MS,
    uploadQuota: { dossierBytes: e.UPLOAD_QUOTA_DOSSIER_MB * MB, userBytes: e.UPLOAD_QUOTA_USER_MB * MB },
    fileSweepIntervalMs: e.FILE_SWEEP_INTERVAL_MS,
    apologyAppointmentWorkingDays: e.APOLOGY_APPOINTMENT_WORKING_DAYS,
    reportsLive: { maxStreams: e.REPORTS_LIVE_MAX_STREAMS, debounceMs: e.REPORTS_LIVE_DEBOUNCE_MS },
    vnpay:
      vnpaySet === 3
        ? {
            tmnCode: e.VNPAY_TMN_CODE!,
            hashSecret: e.VNPAY_HASH_SECRET!,
            payUrl: e.VNPAY_PAY_URL!,
            apiUrl: e.VNPAY_API_URL ?? new URL('/merchant_webapi/api/transaction', e.VNPAY_PAY_URL).toString(),
            sandbox: false,
          }
        : production
          ? null
          : {
              tmnCode: SANDBOX_TMN_CODE,
              // The sandbox is in this process: its secret never leaves it.
              hashSecret: randomBytes(32).toString('hex'),
              payUrl: `${publicUrl}/api/v1${SANDBOX_VNPAY_PATH}/pay`,
              apiUrl: `${publicUrl}/api/v1${SANDBOX_VNPAY_PATH}/querydr`,
              sandbox: true,
            },
    signing: e.SIGNING_P12_DIR
      ? { p12Dir: path.resolve(e.SIGNING_P12_DIR), passphrase: e.SIGNING_P12_PASSWORD ?? '' }
      : null,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
