import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { toLocalDate, type ReportQuery, type ReportSummary } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { ShutdownHooks } from '../../common/shutdown/shutdown-hooks.js';
import { OPEN_CAPS } from '../../common/rate-limit/rate-limit.rules.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { LiveStreamsRepository } from './live-streams.repository.js';
import { ReportsError } from './reports.errors.js';
import type { ReportFilter } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import { ALL_AGENCIES, REPORTS_CHANNEL } from './summary-rebuild.js';

/** Where a live feed writes: one Server-Sent Events response. */
export interface SseSink {
  event(name: string, data: unknown): void;
  comment(text: string): void;
  /** End the stream; with `retryMs`, tell the client when to reconnect (graceful shutdown). */
  end(retryMs?: number): void;
  onClose(listener: () => void): void;
}

interface Subscriber {
  sink: SseSink;
  /** Its report_live_stream row. */
  streamId: string;
}

/**
 * The subscribers that see the same summary (same agencies, sector, procedure and period as
 * asked): it is computed once per burst of changes and sent to all of them.
 */
interface ScopeGroup {
  key: string;
  filter: ReportFilter;
  query: ReportQuery;
  /** The agencies whose changes concern it; null: all. */
  agencies: Set<string> | null;
  subscribers: Set<Subscriber>;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  /** A change arrived while the summary was being read: read again (after the debounce). */
  dirty: boolean;
  /** The last summary sent and the local day it was read on, for a subscriber joining between changes. */
  last: { summary: ReportSummary; day: string } | null;
}

/** A comment line every 15 s keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** A stream row whose process has not refreshed it for three heartbeats belongs to a dead process. */
export const STREAM_STALE_MS = 3 * HEARTBEAT_MS;
/** What a refused stream is told to wait before trying again. */
const RETRY_AFTER_SECONDS = Math.ceil(HEARTBEAT_MS / 1000);

/**
 * GET /reports/live: a `summary` event on connect and after changes in the subscriber's scope.
 * Changes arrive by PostgreSQL LISTEN/NOTIFY (the summary upkeep NOTIFYs in the change's
 * transaction, delivered at commit), so every API process pushes whichever process made the
 * change. One LISTEN connection per process, opened with the first subscriber.
 *
 * Bounded (issue 12, 500 streams made a submit 45× slower): a burst of changes gives one summary
 * read per scope, shared by its subscribers; at most OPEN_CAPS.reportsLivePerUser streams per user
 * over all processes (rows in report_live_stream, 429 beyond), and a configured number per
 * process (503 beyond).
 */
@Injectable()
export class ReportsLiveService implements OnModuleDestroy {
  private readonly logger = new Logger('ReportsLive');
  private readonly groups = new Map<string, ScopeGroup>();
  /** Streams of this process, opened or being opened (the per-process cap counts both). */
  private streams = 0;
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;
  readonly processId = `${hostname()}:${process.pid}:${randomUUID()}`;
  /** Rows of closed streams being deleted; a new stream waits for them, so a slot just freed counts as free. */
  private readonly releasing = new Set<Promise<void>>();
  /** Summary reads since start (tests and metrics: shared reads, not one per subscriber). */
  recomputations = 0;
  /** Change notifications received since start. */
  changes = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly rows: LiveStreamsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    shutdown: ShutdownHooks,
  ) {
    shutdown.onDrain((retryMs) => this.endStreams(retryMs));
  }

  /**
   * Graceful shutdown: refuse new streams (503 with Retry-After) and end the open ones with a
   * `retry:` hint, so that their clients reconnect to a process that stays.
   */
  endStreams(retryMs: number): void {
    this.closed = true;
    for (const g of this.groups.values()) for (const sub of g.subscribers) sub.sink.end(retryMs);
  }

  /**
   * Check the request (its 400, 404, 429 or 503 is thrown before any byte is written), take a
   * stream slot and start listening; returns the function that attaches the response once its
   * headers are out.
   */
  async open(user: AuthUser, query: ReportQuery): Promise<(sink: SseSink) => void> {
    if (this.closed || this.streams >= this.config.reportsLive.maxStreams) {
      throw ReportsError.liveStreamsBusy(RETRY_AFTER_SECONDS);
    }
    this.streams += 1;
    let streamId: string | null = null;
    try {
      const filter = await this.reports.filterFor(user, query);
      await Promise.all(this.releasing);
      const now = this.clock.now();
      streamId = await this.rows.claim(
        user.id,
        this.processId,
        OPEN_CAPS.reportsLivePerUser,
        now,
        new Date(now.getTime() - STREAM_STALE_MS),
      );
      if (!streamId) throw ReportsError.tooManyLiveStreams(OPEN_CAPS.reportsLivePerUser, RETRY_AFTER_SECONDS);
      // Listen before the first summary is read, so no change falls between the two.
      await this.ensureListening();
      const group = this.groupOf(filter, query);
      const id = streamId;
      return (sink) => {
        const sub: Subscriber = { sink, streamId: id };
        group.subscribers.add(sub);
        sink.onClose(() => this.leave(group, sub));
        this.startHeartbeat();
        this.greet(group, sub);
      };
    } catch (e) {
      this.streams -= 1;
      if (streamId) await this.rows.release(streamId).catch(() => undefined);
      throw e;
    }
  }

  /** Subscribers now (tests, metrics). */
  get size(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.subscribers.size;
    return n;
  }

  /** A summary read is pending or running for some scope (tests wait for quiet before counting). */
  get busy(): boolean {
    for (const g of this.groups.values()) if (g.running || g.timer) return true;
    return false;
  }

  /** Send the heartbeat comment to every subscriber and refresh this process's stream rows. */
  beat(): void {
    for (const g of this.groups.values()) for (const sub of g.subscribers) sub.sink.comment('heartbeat');
    if (this.streams > 0) {
      this.rows
        .heartbeat(this.processId, this.clock.now())
        .catch((e: unknown) => this.logger.warn(`Live stream heartbeat failed: ${String(e)}`));
    }
    // A LISTEN connection lost (database restart) is reopened on the next beat.
    if (this.groups.size > 0 && !this.listener) void this.ensureListening().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const g of this.groups.values()) {
      clearTimeout(g.timer);
      for (const sub of g.subscribers) sub.sink.end();
      g.subscribers.clear();
    }
    this.groups.clear();
    await this.rows.releaseProcess(this.processId).catch((e: unknown) => {
      this.logger.warn(`Releasing live streams failed: ${String(e)}`);
    });
    await this.connecting?.catch(() => undefined);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private groupOf(filter: ReportFilter, query: ReportQuery): ScopeGroup {
    const agencies = filter.agencyCodes ? [...filter.agencyCodes].sort() : null;
    const key = JSON.stringify([
      agencies,
      filter.sectorCode ?? null,
      filter.procedureCode ?? null,
      query.from ?? null,
      query.to ?? null,
    ]);
    let g = this.groups.get(key);
    if (!g) {
      g = {
        key,
        filter,
        query,
        agencies: agencies ? new Set(agencies) : null,
        subscribers: new Set(),
        timer: undefined,
        running: false,
        dirty: false,
        last: null,
      };
      this.groups.set(key, g);
    }
    return g;
  }

  /** The first summary of a new subscriber: the group's last when nothing changed since, else the next read. */
  private greet(g: ScopeGroup, sub: Subscriber): void {
    if (g.running || g.timer) return;
    if (g.last && g.last.day === toLocalDate(this.clock.now())) sub.sink.event('summary', g.last.summary);
    else void this.compute(g);
  }

  private leave(g: ScopeGroup, sub: Subscriber): void {
    if (!g.subscribers.delete(sub)) return;
    this.streams -= 1;
    const released = this.rows
      .release(sub.streamId)
      .catch((e: unknown) => this.logger.warn(`Releasing a stream failed: ${String(e)}`))
      .finally(() => this.releasing.delete(released));
    this.releasing.add(released);
    if (g.subscribers.size === 0 && this.groups.get(g.key) === g) {
      clearTimeout(g.timer);
      this.groups.delete(g.key);
    }
  }

  /** A NOTIFY payload is the agency whose summaries changed, or '*' after a rebuild. */
  private onChange(agencyCode: string): void {
    this.changes += 1;
    for (const g of this.groups.values()) {
      if (agencyCode === ALL_AGENCIES || !g.agencies || g.agencies.has(agencyCode)) this.schedule(g);
    }
  }

  /** One read per debounce window however many changes fall in it; the window starts at the first. */
  private schedule(g: ScopeGroup): void {
    g.last = null;
    if (g.running) {
      g.dirty = true;
      return;
    }
    if (g.timer) return;
    g.timer = setTimeout(() => {
      g.timer = undefined;
      void this.compute(g);
    }, this.config.reportsLive.debounceMs);
    g.timer.unref();
  }

  /** Read the group's summary once and send it to every subscriber of the group. */
  private async compute(g: ScopeGroup): Promise<void> {
    if (g.running) {
      g.dirty = true;
      return;
    }
    g.running = true;
    g.dirty = false;
    try {
      this.recomputations += 1;
      const filter = this.reports.liveFilter(g.filter, g.query);
      const summary = await this.reports.summaryOf(filter);
      if (!g.dirty) g.last = { summary, day: toLocalDate(filter.now) };
      for (const sub of g.subscribers) sub.sink.event('summary', summary);
    } catch (e) {
      this.logger.warn(`Live summary failed: ${String(e)}`);
    } finally {
      g.running = false;
    }
    if (g.dirty && g.subscribers.size > 0 && !this.closed) {
      g.dirty = false;
      this.schedule(g);
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
