import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { ReportQuery } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ReportsService } from './reports.service.js';
import { ALL_AGENCIES, REPORTS_CHANNEL } from './summary-rebuild.js';

/** Where a live feed writes: one Server-Sent Events response. */
export interface SseSink {
  event(name: string, data: unknown): void;
  comment(text: string): void;
  end(): void;
  onClose(listener: () => void): void;
}

interface Subscriber {
  user: AuthUser;
  query: ReportQuery;
  /** The agencies whose changes concern it; null: all. */
  agencies: Set<string> | null;
  sink: SseSink;
  running: boolean;
  dirty: boolean;
}

/** A comment line every 15 s keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * GET /reports/live: a `summary` event on connect and after every change in the subscriber's
 * scope. Changes arrive by PostgreSQL LISTEN/NOTIFY (the summary upkeep NOTIFYs in the change's
 * transaction, delivered at commit), so every API process pushes whichever process made the
 * change. One LISTEN connection per process, opened with the first subscriber.
 */
@Injectable()
export class ReportsLiveService implements OnModuleDestroy {
  private readonly logger = new Logger('ReportsLive');
  private readonly subscribers = new Set<Subscriber>();
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
  ) {}

  /**
   * Check the request (its 400 or 404 is thrown before any byte is written) and start listening;
   * returns the function that attaches the response once its headers are out.
   */
  async open(user: AuthUser, query: ReportQuery): Promise<(sink: SseSink) => void> {
    const filter = await this.reports.filterFor(user, query);
    // Listen before the first summary is read, so no change falls between the two.
    await this.ensureListening();
    const agencies = filter.agencyCodes ? new Set(filter.agencyCodes) : null;
    return (sink) => {
      const sub: Subscriber = { user, query, agencies, sink, running: false, dirty: false };
      this.subscribers.add(sub);
      sink.onClose(() => this.subscribers.delete(sub));
      this.startHeartbeat();
      void this.refresh(sub);
    };
  }

  /** Subscribers now (tests, metrics). */
  get size(): number {
    return this.subscribers.size;
  }

  /** Send the heartbeat comment to every subscriber (the timer calls it every HEARTBEAT_MS). */
  beat(): void {
    for (const sub of this.subscribers) sub.sink.comment('heartbeat');
    // A LISTEN connection lost (database restart) is reopened on the next beat.
    if (this.subscribers.size > 0 && !this.listener) void this.ensureListening().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const sub of this.subscribers) sub.sink.end();
    this.subscribers.clear();
    await this.connecting?.catch(() => undefined);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** A NOTIFY payload is the agency whose summaries changed, or '*' after a rebuild. */
  private onChange(agencyCode: string): void {
    for (const sub of this.subscribers) {
      if (agencyCode === ALL_AGENCIES || !sub.agencies || sub.agencies.has(agencyCode)) void this.refresh(sub);
    }
  }

  /** Read and send the subscriber's summary; changes arriving meanwhile cause one more read, not one each. */
  private async refresh(sub: Subscriber): Promise<void> {
    if (sub.running) {
      sub.dirty = true;
      return;
    }
    sub.running = true;
    try {
      do {
        sub.dirty = false;
        // Re-resolved each time: a period without `to` moves with the days.
        const summary = await this.reports.summaryOf(await this.reports.filterFor(sub.user, sub.query));
        if (this.subscribers.has(sub)) sub.sink.event('summary', summary);
      } while (sub.dirty && this.subscribers.has(sub));
    } catch (e) {
      this.logger.warn(`Live summary failed: ${String(e)}`);
    } finally {
      sub.running = false;
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private ensureListening(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.connecting ??= this.listen().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async listen(): Promise<void> {
    const { url } = this.ds.options as { url?: string };
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel === REPORTS_CHANNEL) this.onChange(n.payload ?? ALL_AGENCIES);
    });
    const lost = (e?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      if (!this.closed) this.logger.warn(`LISTEN connection lost${e ? `: ${e.message}` : ''}`);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${REPORTS_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
  }
}
