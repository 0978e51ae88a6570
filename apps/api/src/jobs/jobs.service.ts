import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JOBS_SCHEMA } from './job-schema.js';
import { registerTestProbes } from './test-probes.js';

export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');
/** Advisory lock key of queue creation (database.ts uses 7142001-7142002). */
const QUEUE_SETUP_LOCK = 7142015;

/** What a handler is told besides its data. */
export interface JobContext {
  /** The injected clock's now (common/clock.ts; tests set it), never the wall clock. */
  now: Date;
  jobId: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** When the job was created (a cron job: when its tick was sent). */
  createdOn: Date;
}

export type JobHandler<D> = (data: D, ctx: JobContext) => Promise<unknown>;

/**
 * A job kind. Handlers must be idempotent: a job runs at least once (a process killed mid-job
 * leaves it to be retried by another after `expireInSeconds`).
 */
export interface JobDefinition<D extends object = Record<string, never>> {
  /** Queue name: letters, digits, `.`, `-`, `_`; by convention `<module>.<what>` (e.g. `payments.reconcile`). */
  name: string;
  handler: JobHandler<D>;
  /** 5-field cron (UTC): the job is also sent at every tick, once across all API processes. */
  cron?: string;
  /** Retries after the first failure (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry (default 10). */
  retryDelaySeconds?: number;
  /** Double the delay at each retry (default true). */
  retryBackoff?: boolean;
  /** A run longer than this is failed (and retried): also how long a dead process holds a job (default 300). */
  expireInSeconds?: number;
  /** Jobs of this kind one process runs at once (default 1). */
  concurrency?: number;
}

export interface SendOptions {
  /** Send in the caller's transaction: the job exists only if it commits. */
  manager?: EntityManager;
  /** A second job with the same key is not created while the first is queued or running. */
  singletonKey?: string;
  startAfterSeconds?: number;
}

type AnyDefinition = JobDefinition<object> & { handler: JobHandler<object> };

/**
 * The job queue (pg-boss on the app's database, schema `pgboss`; docs/architecture.md "Jobs").
 * Modules call `define()` in their onModuleInit; at application bootstrap this service creates
 * the queues, starts one worker per kind and registers the cron schedules. With JOBS_ENABLED=false
 * (tests) nothing is sent or run: tests call `run()` to execute a handler directly.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, AnyDefinition>();
  private boss: PgBoss | null = null;
  /** Kept after stop(): a request finishing during shutdown still sends in its own transaction. */
  private inTransactionSender: PgBoss | null = null;
  private started = false;
  /** Handlers running in this process now. */
  private running = 0;

  constructor(
    @Inject(JOBS_DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Register a job kind. Call from a module's onModuleInit (before the queue starts). */
  define<D extends object>(definition: JobDefinition<D>): void {
    if (this.started) throw new Error(`Job ${definition.name} defined after the queue started (use onModuleInit)`);
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    if (!/^[A-Za-z0-9_.-]+$/.test(definition.name)) throw new Error(`Bad job name ${definition.name}`);
    this.definitions.set(definition.name, definition as unknown as AnyDefinition);
  }

  /** The names defined so far (sorted). */
  names(): string[] {
    return [...this.definitions.keys()].sort();
  }

  /**
   * Queue one job; returns its id, or null when not created (a singleton already queued, or the
   * queue is off: JOBS_ENABLED=false).
   */
  async send<D extends object>(name: string, data: D, options: SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
    const { manager } = options;
    const boss = this.boss ?? (manager ? this.inTransactionSender : null);
    if (!boss) return null;
    return boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(manager ? { db: { executeSql: async (text, values) => ({ rows: await manager.query(text, values) }) } } : {}),
    });
  }

  /** Run a handler here and now, outside the queue (tests, and the demo command). */
  async run<D extends object>(name: string, data: D): Promise<unknown> {
    const def = this.definitions.get(name);
    if (!def) throw new Error(`Unknown job ${name}`);
    const now = this.clock.now();
    return def.handler(data, { now, jobId: 'direct', attempt: 1, createdOn: now });
  }

  onModuleInit(): void {
    if (this.config.jobs.probeLog) registerTestProbes(this, this.config.jobs.probeLog);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    if (!this.config.jobs.enabled) return;
    const { pollSeconds, maintenanceSeconds, cronSeconds } = this.config.jobs;
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'motcua-jobs',
      max: 4,
      // The schema is installed by the owner at migrate time (job-schema.ts): this role only uses it.
      migrate: false,
      maintenanceIntervalSeconds: maintenanceSeconds,
      cronMonitorIntervalSeconds: cronSeconds,
      cronWorkerIntervalSeconds: Math.min(cronSeconds, 5),
    });
    boss.on('error', (e: Error) => this.logger.error(`Job queue: ${e.message}`));
    await this.oneAtATime(async () => {
      await boss.start(); // creates pg-boss's own cron queue
      await this.createQueues(boss);
    });
    this.boss = boss;
    this.inTransactionSender = boss;
    for (const def of this.definitions.values()) await this.startKind(boss, def, pollSeconds);
  }

  /**
   * Run `work` while no other API process sets its queues up: creating a queue attaches a
   * partition to pgboss.job, and two processes doing it at once on a fresh database deadlock.
   */
  private async oneAtATime(work: () => Promise<void>): Promise<void> {
    const lock = new pg.Client({ connectionString: this.databaseUrl, application_name: 'motcua-jobs-setup' });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
      await work();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]).catch(() => undefined);
      await lock.end();
    }
  }

  /** Create every queue, or apply its definition's settings to it. */
  private async createQueues(boss: PgBoss): Promise<void> {
    for (const def of this.definitions.values()) {
      const queue = {
        name: def.name,
        policy: 'standard' as const,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: def.retryBackoff ?? true,
        expireInSeconds: def.expireInSeconds ?? 300,
      };
      if (!(await boss.getQueue(def.name))) await boss.createQueue(def.name, queue);
      // An existing queue keeps its settings in createQueue: a changed definition is applied here.
      else await boss.updateQueue(def.name, queue);
    }
  }

  private async startKind(boss: PgBoss, def: AnyDefinition, pollSeconds: number): Promise<void> {
    for (let i = 0; i < (def.concurrency ?? 1); i++) {
      await boss.work<object>(
        def.name,
        { pollingIntervalSeconds: pollSeconds, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          this.running += 1;
          try {
            return await def.handler(job.data ?? {}, {
              now: this.clock.now(),
              jobId: job.id,
              attempt: job.retryCount + 1,
              createdOn: new Date(job.createdOn),
            });
          } catch (e) {
            this.logger.warn(`Job ${def.name} ${job.id} failed (attempt ${job.retryCount + 1}): ${String(e)}`);
            throw e;
          } finally {
            this.running -= 1;
          }
        },
      );
    }
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
  }

  /**
   * Stop fetching, let running jobs finish within `graceMs`, then fail what still runs (another
   * process retries it) and close the queue's pool. Nest calls it on app.close(). Resolves true
   * when no job was still running at the end.
   */
  async stop(graceMs = this.config.shutdownGraceMs): Promise<boolean> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, close: true, timeout: Math.max(1000, graceMs) });
    return this.running === 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}
