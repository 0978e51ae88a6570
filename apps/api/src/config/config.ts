import { createHmac, randomBytes } from 'node:crypto';
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
  /**
   * Run the job queue (pg-boss, docs/architecture.md "Jobs") in this process: workers and cron
   * schedules. false: jobs are only defined, nothing is sent or run (tests run handlers by hand).
   */
  JOBS_ENABLED: bool.default(true),
  /** How often an idle worker asks for a job. */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** How often one process (of all) fails the jobs of a dead process (expired) so they are retried. */
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How often the cron schedules are checked (a scheduled job still runs once per tick). */
  JOBS_CRON_SECONDS: z.coerce.number().int().min(1).max(45).default(30),
  /** Test-only probe jobs appending to this file (the cluster test); refused in production. */
  JOBS_TEST_PROBE_LOG: z.string().optional(),
  /**
   * Which proxies' X-Forwarded-For is believed (Express "trust proxy": the client address of the
   * rate limits and the login audit). Compose's proxy is on a private network: `loopback, uniquelocal`.
   */
  TRUST_PROXY: z.string().default('loopback'),
  /** SIGTERM: how long in-flight requests and running jobs get to finish (docs/architecture.md). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Storage quotas of attachments (issue 12): per dossier, and per citizen over all their dossiers. */
  UPLOAD_QUOTA_DOSSIER_MB: z.coerce.number().int().min(1).max(100_000).default(50),
  UPLOAD_QUOTA_USER_MB: z.coerce.number().int().min(1).max(1_000_000).default(500),
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
  /**
   * The SMS brandname gateway (modules/notifications/sms-gateway.ts): all three or none; none
   * outside production → the built-in stand-in at /api/v1/sandbox/sms; none in production → SMS off.
   */
  SMS_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().min(8).optional(),
  SMS_BRANDNAME: z.string().min(1).max(11).optional(),
  /** Whether the gateway sends Unicode (UCS-2) SMS: Vietnamese keeps its diacritics when it fits one segment. */
  SMS_UNICODE: bool.default(true),
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
  jobs: JobsConfig;
  shutdownGraceMs: number;
  /** Express "trust proxy" subnets or names (loopback, uniquelocal, 10.0.0.0/8…). */
  trustProxy: string[];
  uploadQuota: { dossierBytes: number; userBytes: number };
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
  /** The SMS gateway: as configured, the stand-in (outside production, none set), or null (SMS off). */
  sms: SmsConfig | null;
}

export interface JobsConfig {
  enabled: boolean;
  pollSeconds: number;
  maintenanceSeconds: number;
  cronSeconds: number;
  probeLog: string | null;
}

export interface SmsConfig {
  url: string;
  apiKey: string;
  brandname: string;
  unicode: boolean;
  sandbox: boolean;
}

/** The stand-in SMS gateway's mount (api/v1-relative). */
export const SANDBOX_SMS_PATH = '/sandbox/sms';

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
    if (e.JOBS_TEST_PROBE_LOG) problems.push('  JOBS_TEST_PROBE_LOG: test probes are refused in production');
    if (problems.length) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const vnpaySet = [e.VNPAY_TMN_CODE, e.VNPAY_HASH_SECRET, e.VNPAY_PAY_URL].filter((v) => v !== undefined).length;
  if (vnpaySet !== 0 && vnpaySet !== 3) {
    throw new ConfigError(
      'Invalid environment:\n  VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_PAY_URL: set all three or none',
    );
  }
  const smsSet = [e.SMS_URL, e.SMS_API_KEY, e.SMS_BRANDNAME].filter((v) => v !== undefined).length;
  if (smsSet !== 0 && smsSet !== 3) {
    throw new ConfigError('Invalid environment:\n  SMS_URL, SMS_API_KEY, SMS_BRANDNAME: set all three or none');
  }
  const publicUrl = e.PUBLIC_URL.replace(/\/$/, '');
  // Tests without a secret get one per process: they write nothing into DATA_DIR.
  const jwtSecret =
    e.JWT_SECRET ??
    (e.NODE_ENV === 'test' ? randomBytes(48).toString('base64url') : dataDirSecret(dataDir, 'jwt-secret'));
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
    jwtSecret,
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
    jobs: {
      enabled: e.JOBS_ENABLED,
      pollSeconds: e.JOBS_POLL_SECONDS,
      maintenanceSeconds: e.JOBS_MAINTENANCE_SECONDS,
      cronSeconds: e.JOBS_CRON_SECONDS,
      probeLog: e.JOBS_TEST_PROBE_LOG ? path.resolve(e.JOBS_TEST_PROBE_LOG) : null,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    trustProxy: e.TRUST_PROXY.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    uploadQuota: { dossierBytes: e.UPLOAD_QUOTA_DOSSIER_MB * MB, userBytes: e.UPLOAD_QUOTA_USER_MB * MB },
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
              // Shared by the API processes of one data folder (a payment made through one may be
              // reconciled or notified through another); tests keep theirs in memory.
              hashSecret:
                e.NODE_ENV === 'test'
                  ? randomBytes(32).toString('hex')
                  : dataDirSecret(dataDir, 'vnpay-sandbox-secret'),
              payUrl: `${publicUrl}/api/v1${SANDBOX_VNPAY_PATH}/pay`,
              apiUrl: `${publicUrl}/api/v1${SANDBOX_VNPAY_PATH}/querydr`,
              sandbox: true,
            },
    signing: e.SIGNING_P12_DIR
      ? { p12Dir: path.resolve(e.SIGNING_P12_DIR), passphrase: e.SIGNING_P12_PASSWORD ?? '' }
      : null,
    sms:
      smsSet === 3
        ? {
            url: e.SMS_URL!,
            apiKey: e.SMS_API_KEY!,
            brandname: e.SMS_BRANDNAME!,
            unicode: e.SMS_UNICODE,
            sandbox: false,
          }
        : production
          ? null
          : {
              url: `${publicUrl}/api/v1${SANDBOX_SMS_PATH}/send`,
              // Derived, not random: every API process of one install (start:cluster) accepts the others' calls.
              apiKey: createHmac('sha256', jwtSecret).update('sms-sandbox-key').digest('hex'),
              brandname: 'MOTCUA',
              unicode: e.SMS_UNICODE,
              sandbox: true,
            },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
