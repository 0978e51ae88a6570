import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EXIT } from '../common/shutdown/graceful-shutdown.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { prepareDatabase } from '../serve.js';

/**
 * What the cluster's primary does before forking, as a one-shot command (compose's `migrate`
 * service runs it before the API replicas start): migrations, the job queue's schema, demo data
 * when enabled, the development secrets and the restricted role. Exits 0 when done.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db } = await prepareDatabase(config, new Logger('MotCua prepare'));
  await db.embedded?.stop();
}

main().then(
  () => process.exit(EXIT.CLEAN),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(EXIT.FAILED);
  },
);
