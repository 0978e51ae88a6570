import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, REPO_ROOT } from './config.js';
import { KNOWN_JWT_SECRETS } from './known-secrets.js';

const SECRET = randomBytes(48).toString('base64url');
/** A production environment that starts; each case spoils one variable. */
const PROD = {
  NODE_ENV: 'production',
  JWT_SECRET: SECRET,
  ADMIN_PASSWORD: 'Quang-Trung-1788-Phu-Xuan',
  AUDIT_KEY: randomBytes(32).toString('hex'),
};

function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-config-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives every variable its documented default outside production', () => {
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoData).toBe(true);
    expect(c.adminPassword).toBe('Admin@12345');
    expect(c.corsOrigins).toEqual([]);
    expect(loadConfig({}).dataDir).toMatch(/\.data$/);
  });

  it('names each invalid variable', () => {
    const message = refusal({ PORT: 'abc', DATABASE_URL: 'not a url' });
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
  });

  describe('outside production, the signing secret', () => {
    it('is random per data folder, made on first start in DATA_DIR/secrets (0600) and kept', () => {
      const first = loadConfig({ DATA_DIR: dataDir }).jwtSecret;
      const file = path.join(dataDir, 'secrets', 'jwt-secret');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
      expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first);
      const other = mkdtempSync(path.join(os.tmpdir(), 'motcua-config-'));
      try {
        expect(loadConfig({ DATA_DIR: other }).jwtSecret).not.toBe(first);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });

    it('is never a constant of the source: tests without one get a random one and write nothing', () => {
      const a = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }).jwtSecret;
      expect(a).not.toBe(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }).jwtSecret);
      expect(readdirSync(dataDir)).toEqual([]);
      expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'secret-given-by-the-test' }).jwtSecret).toBe(
        'secret-given-by-the-test',
      );
    });
  });

  describe('in production (fails closed)', () => {
    it('starts with a long random secret and a policy-passing admin password; demo data off', () => {
      const c = loadConfig(PROD);
      expect(c.jwtSecret).toBe(SECRET);
      expect(c.demoData).toBe(false);
      expect(c.adminPassword).toBe(PROD.ADMIN_PASSWORD);
    });

    it('refuses a missing JWT_SECRET', () => {
      expect(refusal({ ...PROD, JWT_SECRET: undefined })).toMatch(/JWT_SECRET: required/);
    });

    it('refuses a JWT_SECRET shorter than 32 bytes', () => {
      expect(refusal({ ...PROD, JWT_SECRET: randomBytes(15).toString('hex') })).toMatch(/JWT_SECRET: .*32 bytes/);
    });

    it.each(KNOWN_JWT_SECRETS.filter((s) => s.length >= 16))('refuses the published JWT_SECRET %s', (secret) => {
      expect(refusal({ ...PROD, JWT_SECRET: secret })).toMatch(/JWT_SECRET/);
    });

    it('refuses a long JWT_SECRET that is not random', () => {
      expect(refusal({ ...PROD, JWT_SECRET: 'x'.repeat(64) })).toMatch(/JWT_SECRET: is not random/);
    });

    it('refuses every JWT_SECRET value a file of the repository shows', () => {
      const shown = secretsShownInRepository();
      expect(shown.length).toBeGreaterThan(0);
      for (const secret of shown) expect(refusal({ ...PROD, JWT_SECRET: secret })).toMatch(/JWT_SECRET/);
    });

    it('refuses DEMO_DATA on', () => {
      for (const on of ['true', '1', 'yes']) {
        expect(refusal({ ...PROD, DEMO_DATA: on })).toMatch(/DEMO_DATA: .*refused in production/);
      }
      expect(loadConfig({ ...PROD, DEMO_DATA: 'false' }).demoData).toBe(false);
    });

    it('has no default ADMIN_PASSWORD (the first start then refuses, see first-admin.int-spec.ts)', () => {
      expect(loadConfig({ ...PROD, ADMIN_PASSWORD: undefined }).adminPassword).toBeNull();
    });

    it.each([
      ['too short', 'Xk9#mQ2v'],
      ['common', 'qwerty123456'],
      ['the demo default', 'Admin@12345'],
      ['containing the username', 'Superadmin-Da-Nang-2026'],
    ])('refuses an ADMIN_PASSWORD %s', (_why, password) => {
      expect(refusal({ ...PROD, ADMIN_PASSWORD: password })).toMatch(/ADMIN_PASSWORD: /);
    });

    it('names every refused variable at once', () => {
      const message = refusal({ NODE_ENV: 'production', DEMO_DATA: 'true', ADMIN_PASSWORD: 'Admin@12345' });
      for (const name of ['JWT_SECRET', 'DEMO_DATA', 'ADMIN_PASSWORD']) expect(message).toContain(name);
    });
  });

  it('refuses production without an audit key; reads the restricted role’s URL', () => {
    expect(refusal({ ...PROD, AUDIT_KEY: undefined })).toMatch(/AUDIT_KEY: required in production/);
    expect(loadConfig({ ...PROD, AUDIT_KEY: undefined, AUDIT_KEY_FILE: '/run/secrets/audit' }).auditKey).toEqual({
      file: '/run/secrets/audit',
    });
    const external = { ...PROD, DATABASE_URL: 'postgres://owner:pw@db/motcua' };
    expect(loadConfig(external).databaseAppUrl).toBeUndefined();
    expect(loadConfig({ ...external, DATABASE_APP_URL: 'postgres://app:pw@db/motcua' }).databaseAppUrl).toBe(
      'postgres://app:pw@db/motcua',
    );
  });
  it('payments: production without VNPAY_* has no gateway (routes 503), outside production the sandbox; all three or none', () => {
    expect(loadConfig(PROD).vnpay).toBeNull();
    const sandbox = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:5173/' }).vnpay;
    expect(sandbox).toMatchObject({
      sandbox: true,
      payUrl: 'http://localhost:5173/api/v1/sandbox/vnpay/pay',
    });
    expect(sandbox!.hashSecret.length).toBeGreaterThanOrEqual(32);
    const vnpay = {
      VNPAY_TMN_CODE: 'DNG0001',
      VNPAY_HASH_SECRET: randomBytes(24).toString('hex'),
      VNPAY_PAY_URL: 'https://pay.vnpay.vn/vpcpay.html',
    };
    expect(loadConfig({ ...PROD, ...vnpay }).vnpay).toMatchObject({ tmnCode: 'DNG0001', sandbox: false });
    expect(refusal({ ...PROD, VNPAY_TMN_CODE: 'DNG0001' })).toMatch(/set all three or none/);
    expect(refusal({ DATA_DIR: dataDir, ...vnpay, VNPAY_PAY_URL: undefined })).toMatch(/set all three or none/);
  });

  it('payments: the sandbox secret is one per data folder, so that every API process of a cluster agrees', () => {
    const a = loadConfig({ DATA_DIR: dataDir }).vnpay!.hashSecret;
    expect(loadConfig({ DATA_DIR: dataDir }).vnpay!.hashSecret).toBe(a);
    expect(readFileSync(path.join(dataDir, 'secrets', 'vnpay-sandbox-secret'), 'utf8').trim()).toBe(a);
  });

  it('jobs and shutdown: on by default, test probes refused in production, proxies as listed', () => {
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c.jobs).toEqual({ enabled: true, pollSeconds: 2, maintenanceSeconds: 60, cronSeconds: 30, probeLog: null });
    expect(c.shutdownGraceMs).toBe(10_000);
    expect(c.trustProxy).toEqual(['loopback']);
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'loopback, uniquelocal' }).trustProxy).toEqual([
      'loopback',
      'uniquelocal',
    ]);
    expect(loadConfig({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' }).jobs.enabled).toBe(false);
    expect(refusal({ ...PROD, JOBS_TEST_PROBE_LOG: '/tmp/probes.log' })).toMatch(/JOBS_TEST_PROBE_LOG: .*refused/);
    expect(refusal({ DATA_DIR: dataDir, JOBS_CRON_SECONDS: '60' })).toContain('JOBS_CRON_SECONDS');
  });
});

/** JWT_SECRET values written in the repository's files (compose, docs, scripts, tests). */
function secretsShownInRepository(): string[] {
  const found = new Set<string>();
  const skip = new Set(['node_modules', 'dist', '.git', '.data', '.turbo', 'coverage']);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs|cjs|js|json|ya?ml|md|env|example)$|^Dockerfile$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(/JWT_SECRET["']?\s*(?::-|[:=])\s*["']?([A-Za-z0-9_\-+/=.]{8,})/g))
          found.add(m[1]);
      }
    }
  };
  walk(REPO_ROOT);
  return [...found].filter((s) => !s.startsWith('$'));
}
