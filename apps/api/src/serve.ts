import { Logger } from '@nestjs/common';
import type { AppConfig } from './config/config.js';
import { EXIT, gracefulShutdown } from './common/shutdown/graceful-shutdown.js';
import { prepareAppDatabaseUrl } from './database/app-role.js';
import { migrate, seedDemo } from './database/database.js';
import { resolveDatabase, type ResolvedDatabase } from './database/launcher.js';
import { resolveAuditKey } from './modules/audit/audit-key.js';
import { createApp } from './bootstrap.js';

/**
 * What is done once per database before any API process serves (main.ts for one process, the
 * cluster's primary for all): start the embedded PostgreSQL (this process owns it and stops it),
 * migrate (and install the job queue's schema), demo data, the development secrets, and the
 * restricted role's grants. Returns the database and the URL the API's pools use.
 */
export async function prepareDatabase(
  config: AppConfig,
  logger: Logger,
): Promise<{ db: ResolvedDatabase; appUrl: string }> {
  const db = await resolveDatabase(config, (m) => logger.warn(m));
  if (db.embedded) logger.log(`Embedded PostgreSQL on port ${db.embedded.port} (data in ${db.embedded.clusterDir})`);
  const applied = await migrate(db.url);
  if (applied.length) logger.log(`Migrations applied: ${applied.join(', ')}`);
  if (config.demoData) await seedDemo(db.url, (m) => logger.log(m));
  // Created here, before any worker starts, so that they all read the same files.
  resolveAuditKey(config);
  // Migrations and demo data as the owner; the API's pool as the restricted role (no ALTER, no audit rewrites).
  const appUrl = await prepareAppDatabaseUrl(config, db.url, (m) => logger.warn(m));
  return { db, appUrl };
}

/**
 * Serve the API on `appUrl` until SIGTERM or SIGINT, then shut down gracefully and exit:
 * 0 when every request and job finished, 1 when the grace period cut something (docs/architecture.md
 * "Graceful shutdown"). `afterClose` runs last (main.ts stops the embedded PostgreSQL there).
 */
export async function serveApi(
  config: AppConfig,
  appUrl: string,
  logger: Logger,
  afterClose: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const app = await createApp({ config, databaseUrl: appUrl });
  await app.listen(config.port, config.host);
  logger.log(`MotCua is ready on http://localhost:${config.port} (API docs: /api/docs) [pid ${process.pid}]`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests and jobs (at most ${config.shutdownGraceMs} ms)`);
    // A shutdown that hangs (a stuck close) must still end the process.
    const force = setTimeout(() => process.exit(EXIT.FAILED), config.shutdownGraceMs + 15_000);
    force.unref();
    let clean = false;
    try {
      clean = await gracefulShutdown(app, config.shutdownGraceMs, (m) => logger.warn(m));
    } catch (e) {
      logger.error(`Shutdown failed: ${String(e)}`);
    }
    await afterClose().catch((e: unknown) => logger.error(`Shutdown failed: ${String(e)}`));
    logger.log(clean ? 'Stopped' : 'Stopped, with work cut by the grace period');
    process.exit(clean ? EXIT.CLEAN : EXIT.FAILED);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
