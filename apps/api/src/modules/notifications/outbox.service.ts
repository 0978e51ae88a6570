import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { JobsService } from '../../jobs/jobs.service.js';

export interface OutboxMessage<P = unknown> {
  id: string;
  type: string;
  payload: P;
  attempts: number;
}

export type OutboxHandler<P = unknown> = (message: OutboxMessage<P>) => Promise<void>;

/** The job that delivers one message (sent in the enqueuing transaction). */
export const OUTBOX_DELIVER = 'outbox.deliver';
/** The same for the messages of one fan-out (one job, each message still delivered on its own). */
export const OUTBOX_DELIVER_MANY = 'outbox.deliver-many';
/** Every minute: whatever no job delivered (sent while the queue was off, or given up by the queue). */
export const OUTBOX_SWEEP = 'outbox.sweep';

/** Backoff after a failed attempt: 5 s, 20 s, 80 s… capped at one hour. */
const backoffSeconds = (attempts: number) => Math.min(3600, 5 * 4 ** Math.max(0, attempts - 1));
const MAX_ATTEMPTS = 10;

/**
 * Writes side effects in the caller's transaction and delivers them afterwards, at least once:
 * the same transaction sends an `outbox.deliver` job (the job queue retries it with back-off), and
 * a minute's sweep drains whatever is left. A message is claimed with FOR UPDATE SKIP LOCKED and
 * marked processed in the claiming transaction, so it goes to one worker at a time and a message
 * already processed is skipped (idempotent by outbox id).
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler[]>();
  private running: Promise<number> | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ id: string }>({
      name: OUTBOX_DELIVER,
      // MAX_ATTEMPTS in all; the sweep does not take a message back after that (last_error says why).
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: 120,
      concurrency: 2,
      handler: ({ id }) => this.deliver(id),
    });
    this.jobs.define<{ ids: string[] }>({
      name: OUTBOX_DELIVER_MANY,
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: 600,
      // A retry skips what was delivered (deliver() is idempotent) and tries the rest again.
      handler: async ({ ids }) => {
        const failed: unknown[] = [];
        for (const id of ids) await this.deliver(id).catch((e: unknown) => failed.push(e));
        if (failed.length > 0)
          throw new Error(`${failed.length} of ${ids.length} messages failed: ${String(failed[0])}`);
      },
    });
    this.jobs.define({
      name: OUTBOX_SWEEP,
      cron: '* * * * *',
      retryLimit: 0,
      expireInSeconds: 600,
      handler: () => this.drain(60),
    });
  }

  /** Modules register what to do with a message type (in onModuleInit). */
  on<P>(type: string, handler: OutboxHandler<P>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as OutboxHandler);
    this.handlers.set(type, list);
  }

  /**
   * Append a message inside the caller's transaction, with the job that delivers it: both exist
   * only if the transaction commits.
   */
  async enqueue(manager: EntityManager, type: string, payload: unknown): Promise<void> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id`,
      [type, JSON.stringify(payload)],
    );
    await this.jobs.send(OUTBOX_DELIVER, { id: String(id) }, { manager });
  }

  /**
   * Append many messages in one statement inside the caller's transaction (a notification fanned
   * out to a thousand approvers is one INSERT, not a thousand), with one job that delivers them all.
   */
  async enqueueMany(manager: EntityManager, messages: { type: string; payload: unknown }[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO outbox (type, payload) SELECT * FROM unnest($1::text[], $2::jsonb[]) RETURNING id`,
      [messages.map((m) => m.type), messages.map((m) => JSON.stringify(m.payload))],
    );
    await this.jobs.send(OUTBOX_DELIVER_MANY, { ids: rows.map((r) => String(r.id)) }, { manager });
  }

  /**
   * The `outbox.deliver` job: deliver message `id` unless it is processed already. A failure is
   * recorded on the row (attempts, last_error, when the sweep may try again) and thrown, so that
   * the job queue retries it with its own back-off.
   */
  async deliver(id: string): Promise<'delivered' | 'skipped'> {
    const outcome = await this.ds.transaction(async (m): Promise<'delivered' | 'skipped' | Error> => {
      // FOR UPDATE waits for a sweep holding the row, then sees it processed: no spurious failure.
      const rows: (OutboxMessage & { processed: boolean })[] = await m.query(
        `SELECT id, type, payload, attempts, processed_at IS NOT NULL AS processed FROM outbox WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      if (!row || row.processed) return 'skipped';
      return (await this.attempt(m, row)) ?? 'delivered';
    });
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * Deliver every due message now; returns how many were delivered. The sweep job leaves alone
   * messages younger than `settleSeconds` (their own job is about to deliver them); tests drain all.
   */
  async drain(settleSeconds = 0): Promise<number> {
    if (this.running) return this.running;
    this.running = this.drainAll(settleSeconds).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drainAll(settleSeconds: number): Promise<number> {
    let delivered = 0;
    for (;;) {
      const n = await this.processBatch(20, settleSeconds);
      if (n.claimed === 0) return delivered;
      delivered += n.delivered;
      if (n.claimed < 20) return delivered;
    }
  }

  private async processBatch(limit: number, settleSeconds: number): Promise<{ claimed: number; delivered: number }> {
    return this.ds.transaction(async (m) => {
      const rows: { id: string; type: string; payload: unknown; attempts: number }[] = await m.query(
        `SELECT id, type, payload, attempts FROM outbox
          WHERE processed_at IS NULL AND available_at <= now() - make_interval(secs => $3) AND attempts < $2
          ORDER BY available_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit, MAX_ATTEMPTS, settleSeconds],
      );
      let delivered = 0;
      for (const row of rows) if ((await this.attempt(m, row)) === undefined) delivered += 1;
      return { claimed: rows.length, delivered };
    });
  }

  /** Run the handlers of one claimed message; its error (recorded on the row) or undefined. */
  private async attempt(m: EntityManager, row: OutboxMessage): Promise<Error | undefined> {
    try {
      for (const handler of this.handlers.get(row.type) ?? []) await handler(row);
      await m.query(`UPDATE outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
      return undefined;
    } catch (e) {
      const attempts = row.attempts + 1;
      this.logger.warn(`Message ${row.id} (${row.type}) failed, attempt ${attempts}: ${String(e)}`);
      await m.query(
        `UPDATE outbox SET attempts = $2, last_error = $3, available_at = now() + make_interval(secs => $4) WHERE id = $1`,
        [row.id, attempts, String(e).slice(0, 2000), backoffSeconds(attempts)],
      );
      return e instanceof Error ? e : new Error(String(e));
    }
  }
}
