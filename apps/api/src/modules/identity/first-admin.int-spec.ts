import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../bootstrap.js';
import { loadConfig } from '../../config/config.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  AUDIT_KEY: randomBytes(32).toString('hex'),
};
const BASE = {
  LOG_LEVEL: 'log',
  JOBS_ENABLED: 'false',
  WEB_DIST: '/nonexistent',
  DEMO_DATA: 'false',
  // The audit's files (legacy-seal marker, heads) never land in the repository's data folder.
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-first-admin-')),
};

/** Start the app on `db` with `env`; answers what it wrote to stdout/stderr, or throws its start error. */
async function start(db: TestDatabase, env: Record<string, string>): Promise<string> {
  let output = '';
  const capture = (chunk: string | Uint8Array) => {
    output += chunk.toString();
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    // As the restricted role: production refuses to serve as the database owner.
    const app = await createApp({ config: loadConfig({ ...BASE, ...env }), databaseUrl: db.appUrl });
    try {
      await app.init();
    } finally {
      await app.close();
    }
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return output;
}

describe('the first administrator at start', () => {
  afterAll(() => rmSync(BASE.DATA_DIR, { recursive: true, force: true }));

  let db: TestDatabase;
  beforeEach(async () => (db = await createTestDatabase()));
  afterEach(async () => db.drop());

  it('refuses to start in production without ADMIN_PASSWORD when no administrator exists, naming it', async () => {
    await expect(start(db, PRODUCTION)).rejects.toThrow(/ADMIN_PASSWORD: required on the first start/);
  });

  it('starts in production without ADMIN_PASSWORD once an administrator exists', async () => {
    await start(db, { ...PRODUCTION, ADMIN_PASSWORD: 'Quang-Trung-1788-Phu-Xuan' });
    await expect(start(db, PRODUCTION)).resolves.toBeDefined();
  });

  it('never writes a production password to the log', async () => {
    const output = await start(db, { ...PRODUCTION, ADMIN_PASSWORD: 'Quang-Trung-1788-Phu-Xuan' });
    expect(output).toContain('Admin account created: admin');
    expect(output).not.toContain('Quang-Trung-1788-Phu-Xuan');
  });

  it('prints the password outside production only when it is the public demo default', async () => {
    expect(await start(db, { NODE_ENV: 'test' })).toContain('admin / Admin@12345');
    await db.drop();
    db = await createTestDatabase();
    const output = await start(db, { NODE_ENV: 'test', ADMIN_PASSWORD: 'My-Own-Chosen-2026' });
    expect(output).toContain('Admin account created: admin');
    expect(output).not.toContain('My-Own-Chosen-2026');
  });
});
