import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  /** Built web assets served at `/`. */
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps/web/dist')),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Demo data (catalog, demo accounts) on start; never in production. */
  DEMO_DATA: bool.optional(),
  ADMIN_PASSWORD: z.string().min(8).default('Admin@12345'),
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
  /** Open `/reports/live` streams one API process serves (503 beyond); the per-user cap is 5. */
  REPORTS_LIVE_MAX_STREAMS: z.coerce.number().int().min(1).default(1000),
  /** A burst of changes within this window gives one summary per scope to its live streams. */
  REPORTS_LIVE_DEBOUNCE_MS: z.coerce.number().int().min(0).max(10_000).default(250),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string;
  publicUrl: string;
  demoData: boolean;
  adminPassword: string;
  jwtSecret: string;
  corsOrigins: string[];
  logLevel: Env['LOG_LEVEL'];
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | null;
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxPollMs: number;
  reportsLive: { maxStreams: number; debounceMs: number };
}

export class ConfigError extends Error {}

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
  if (production && !e.JWT_SECRET) throw new ConfigError('Invalid environment:\n  JWT_SECRET: required in production');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    webDist: path.resolve(e.WEB_DIST),
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    demoData: e.DEMO_DATA ?? !production,
    adminPassword: e.ADMIN_PASSWORD,
    // A fixed development secret keeps tokens valid across restarts in the demo; production must set one.
    jwtSecret: e.JWT_SECRET ?? 'motcua-development-secret-not-for-production',
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
    reportsLive: { maxStreams: e.REPORTS_LIVE_MAX_STREAMS, debounceMs: e.REPORTS_LIVE_DEBOUNCE_MS },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
