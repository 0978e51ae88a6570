import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import type { AppModuleOptions } from '../app.module.js';
import { createApp } from '../bootstrap.js';
import { FixedClock } from '../common/clock.js';
import { loadConfig, type AppConfig } from '../config/config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  ds: DataSource;
  db: TestDatabase;
  clock: FixedClock;
  config: AppConfig;
  close(): Promise<void>;
}

/** The whole HTTP app on its own fresh database, with a clock the test controls. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Pick<AppModuleOptions, 'slaNotifier'> = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  // Its own data folder unless the test names one: secrets and audit files never land in the repository.
  const ownDataDir = env.DATA_DIR ? null : mkdtempSync(path.join(os.tmpdir(), 'motcua-app-'));
  const config = loadConfig({
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    WEB_DIST: '/nonexistent',
    ...env,
  });
  const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
  const app = await createApp({ config, databaseUrl: db.appUrl, clock, ...options });
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    ds: app.get(DataSource),
    db,
    clock,
    config,
    async close() {
      await app.close();
      await db.drop();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
