import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

export interface OutboxMessage<P = unknown> {
  id: string;
  type: string;
  payload: P;
  attempts: number;
}

export type OutboxHandler<P = unknown> = (message: OutboxMessage<P>) => Promise<void>;

/** Backoff after a failed attempt: 5 s, 20 s, 80 s… capped at one hour. */
const backoffSeconds = (attempts: number) => Math.min(3600, 5 * 4 ** Math.max(0, attempts - 1));
const MAX_ATTEMPTS = 10;

/**
 * Writes side effects in the caller's transaction and delivers them afterwards.
 * Several API processes share the table: each batch is claimed with
 * FOR UPDATE SKIP LOCKED, so a message goes to one worker at a time.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Modules register what to do with a message type (in onModuleInit). */
  on<P>(type: string, handler: OutboxHandler<P>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as OutboxHandler);
    this.handlers.set(type, list);
  }

  /** Append a message inside the caller's transaction: it exists only if the transaction commits. */
  async enqueue(manager: EntityManager, type: string, payload: unknown): Promise<void> {
    await manager.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2)`, [type, JSON.stringify(payload)]);
  }

  /**
   * Append many messages in one statement inside the caller's transaction (a notification fanned
   * out to a thousand approvers is one INSERT, not a thousand).
   */
  async enqueueMany(manager: EntityManager, messages: { type: string; payload: unknown }[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(`INSERT INTO outbox (type, payload) SELECT * FROM unnest($1::text[], $2::jsonb[])`, [
      messages.map((m) => m.type),
      messages.map((m) => JSON.stringify(m.payload)),
    ]);
  }

  onApplicationBootstrap(): void {
    if (this.config.outboxPollMs > 0) {
      this.timer = setInterval(
        () => void this.drain().catch((e: unknown) => this.logger.error(String(e))),
        this.config.outboxPollMs,
      );
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Deliver every due message now; returns how many were delivered. Tests call it directly. */
  async drain(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.drainAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drainAll(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const n = await this.processBatch(20);
      if (n.claimed === 0) return delivered;
      delivered += n.delivered;
      if (n.claimed < 20) return delivered;
    }
  }

  private async processBatch(limit: number): Promise<{ claimed: number; delivered: number }> {
    return this.ds.transaction(async (m) => {
      const rows: { id: string; type: string; payload: unknown; attempts: number }[] = await m.query(
        `SELECT id, type, payload, attempts FROM outbox
          WHERE processed_at IS NULL AND available_at <= now() AND attempts < $2
          ORDER BY available_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit, MAX_ATTEMPTS],
      );
      let delivered = 0;
      for (const row of rows) {
        try {
          for (const handler of this.handlers.get(row.type) ?? []) await handler(row);
          await m.query(`UPDATE outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
          delivered += 1;
        } catch (e) {
          const attempts = row.attempts + 1;
          this.logger.warn(`Message ${row.id} (${row.type}) failed, attempt ${attempts}: ${String(e)}`);
          await m.query(
            `UPDATE outbox SET attempts = $2, last_error = $3, available_at = now() + make_interval(secs => $4) WHERE id = $1`,
            [row.id, attempts, String(e).slice(0, 2000), backoffSeconds(attempts)],
          );
        }
      }
      return { claimed: rows.length, delivered };
    });
  }
}
