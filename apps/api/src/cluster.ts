import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { EXIT } from './common/shutdown/graceful-shutdown.js';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareDatabase, serveApi } from './serve.js';

/** API processes `npm run start:cluster` runs on one port (docs/architecture.md "Several API processes"). */
const WORKERS = 2;
/** A worker dying more often than this (per minute) is not restarted again: something is wrong. */
const MAX_RESTARTS_PER_MINUTE = 5;

/** Worker → primary once it listens for messages (one sent earlier would be lost), primary → worker. */
interface HelloMessage {
  motcua: 'hello';
}
interface StartMessage {
  motcua: 'start';
  appUrl: string;
}

/**
 * The primary prepares the database once (embedded PostgreSQL, which it alone owns and stops
 * last; migrations; the development secrets in DATA_DIR/secrets; the restricted role), then
 * forks the workers; each worker serves the API on the same port (Node's cluster module shares
 * it) and is told the pool's URL by message, not by environment.
 */
async function primary(): Promise<void> {
  const logger = new Logger('MotCua cluster');
  const config = loadConfig();
  const { db, appUrl } = await prepareDatabase(config, logger);
  let stopping = false;
  const restarts: number[] = [];
  const exits = new Map<number, number>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: HelloMessage | null) => {
      if (m?.motcua === 'hello') worker.send({ motcua: 'start', appUrl } satisfies StartMessage);
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    exits.set(worker.process.pid ?? 0, code ?? 1);
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    logger.warn(`Worker ${worker.process.pid} exited (${signal ?? code})`);
    if (restarts.length <= MAX_RESTARTS_PER_MINUTE) fork();
    else logger.error('Workers keep dying: not restarting them');
  });
  for (let i = 0; i < WORKERS; i++) fork();

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping the workers, then the database`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await db.embedded?.stop();
    const failed = [...exits.values()].some((code) => code !== EXIT.CLEAN);
    process.exit(failed ? EXIT.FAILED : EXIT.CLEAN);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function worker(): Promise<void> {
  const logger = new Logger('MotCua');
  const config = loadConfig();
  const { appUrl } = await new Promise<StartMessage>((resolve) => {
    const onMessage = (m: unknown) => {
      if ((m as StartMessage | null)?.motcua !== 'start') return;
      process.off('message', onMessage);
      resolve(m as StartMessage);
    };
    process.on('message', onMessage);
    process.send?.({ motcua: 'hello' } satisfies HelloMessage);
  });
  await serveApi(config, appUrl, logger);
}

(cluster.isPrimary ? primary() : worker()).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(EXIT.FAILED);
});
