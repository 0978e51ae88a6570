import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EXIT } from './common/shutdown/graceful-shutdown.js';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareDatabase, serveApi } from './serve.js';

/** One API process (`npm start`); `npm run start:cluster` runs several (cluster.ts). */
async function main(): Promise<void> {
  const logger = new Logger('MotCua');
  const config = loadConfig();
  const { db, appUrl } = await prepareDatabase(config, logger);
  await serveApi(config, appUrl, logger, async () => {
    await db.embedded?.stop();
  });
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(EXIT.FAILED);
});
