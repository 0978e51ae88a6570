import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareAppDatabaseUrl } from './database/app-role.js';
import { migrate, seedDemo } from './database/database.js';
import { resolveDatabase } from './database/launcher.js';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  const logger = new Logger('MotCua');
  const config = loadConfig();
  const db = await resolveDatabase(config, (m) => logger.warn(m));
  if (db.embedded) logger.log(`Embedded PostgreSQL on port ${db.embedded.port} (data in ${db.embedded.clusterDir})`);
  const applied = await migrate(db.url);
  if (applied.length) logger.log(`Migrations applied: ${applied.join(', ')}`);
  if (config.demoData) await seedDemo(db.url, (m) => logger.log(m));

  // Migrations and demo data as the owner; the API's pool as the restricted role (no ALTER, no audit rewrites).
  const appUrl = await prepareAppDatabaseUrl(config, db.url, (m) => logger.warn(m));
  const app = await createApp({ config, databaseUrl: appUrl });
  await app.listen(config.port, config.host);
  logger.log(`MotCua is ready on http://localhost:${config.port} (API docs: /api/docs)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
