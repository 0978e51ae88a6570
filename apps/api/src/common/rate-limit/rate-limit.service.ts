import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../app-error.js';
import { Clock } from '../clock.js';
import type { RateLimitRule } from './rate-limit.rules.js';

export interface RateLimitVerdict {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  hits: number;
  /** Seconds until a refused caller may try again (0 when allowed). */
  retryAfter: number;
  /** The start (ms) of the fixed window the hit was counted in, for refund(). */
  windowStart?: number;
}

export function windowStartOf(nowMs: number, windowSeconds: number): number {
  const w = windowSeconds * 1000;
  return Math.floor(nowMs / w) * w;
}

/**
 * The weighted estimate of a sliding window from two fixed ones: all of the current window's
 * hits plus the share of the previous window's that still lies within `windowSeconds` of now.
 */
export function slidingEstimate(currentHits: number, previousHits: number, nowMs: number, windowSeconds: number) {
  const w = windowSeconds * 1000;
  const elapsed = (nowMs - windowStartOf(nowMs, windowSeconds)) / w;
  return currentHits + previousHits * (1 - elapsed);
}

/**
 * Rate limits kept in PostgreSQL (issue 12, resource limits): one atomic upsert counts the hit,
 * so parallel requests on any number of processes never all slip through. Fails closed: when the
 * database cannot count, the request is refused by the error that reaches the caller.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private lastPrune = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Count `cost` hits for `key` under `rule` and say whether the caller is within the limit. */
  async consume(rule: RateLimitRule, key: string, cost = 1): Promise<RateLimitVerdict> {
    const nowMs = this.clock.now().getTime();
    const start = windowStartOf(nowMs, rule.windowSeconds);
    const previous = start - rule.windowSeconds * 1000;
    const rows: { hits: number; prev: number }[] = await this.ds.query(
      `WITH up AS (
         INSERT INTO rate_limit_counter (rule, key, window_start, hits) VALUES ($1, $2, $3, $5)
         ON CONFLICT (rule, key, window_start) DO UPDATE SET hits = rate_limit_counter.hits + EXCLUDED.hits
         RETURNING hits)
       SELECT up.hits,
              COALESCE((SELECT hits FROM rate_limit_counter WHERE rule = $1 AND key = $2 AND window_start = $4), 0)::int AS prev
         FROM up`,
      [rule.name, key, new Date(start), new Date(previous), cost],
    );
    const { hits, prev } = rows[0];
    const estimate = slidingEstimate(hits, prev, nowMs, rule.windowSeconds);
    this.maybePrune(nowMs);
    if (estimate <= rule.limit) return { allowed: true, hits, retryAfter: 0, windowStart: start };
    return { allowed: false, hits, retryAfter: this.retryAfter(rule, hits, prev, nowMs), windowStart: start };
  }

  /** Like consume, but throws the 429 problem (with Retry-After) when the caller is over the limit. */
  async enforce(rule: RateLimitRule, key: string, cost = 1): Promise<void> {
    const v = await this.consume(rule, key, cost);
    if (!v.allowed) throw rateLimited(v.retryAfter);
  }

  /** Whether `key` is currently over the limit, without counting a hit. */
  async peek(rule: RateLimitRule, key: string): Promise<RateLimitVerdict> {
    const nowMs = this.clock.now().getTime();
    const start = windowStartOf(nowMs, rule.windowSeconds);
    const rows: { window_start: Date; hits: number }[] = await this.ds.query(
      `SELECT window_start, hits FROM rate_limit_counter WHERE rule = $1 AND key = $2 AND window_start >= $3`,
      [rule.name, key, new Date(start - rule.windowSeconds * 1000)],
    );
    const hits = rows.find((r) => r.window_start.getTime() === start)?.hits ?? 0;
    const prev = rows.find((r) => r.window_start.getTime() !== start)?.hits ?? 0;
    const estimate = slidingEstimate(hits, prev, nowMs, rule.windowSeconds);
    if (estimate < rule.limit) return { allowed: true, hits, retryAfter: 0 };
    return { allowed: false, hits, retryAfter: this.retryAfter(rule, hits + 1, prev, nowMs) };
  }

  /**
   * Give back `cost` hits counted by consume() in the window that started at `windowStart` (a
   * refused login attempt that was never evaluated, a success that should not use the budget).
   */
  async refund(rule: RateLimitRule, key: string, windowStart: number, cost = 1): Promise<void> {
    await this.ds.query(
      `UPDATE rate_limit_counter SET hits = greatest(hits - $4, 0) WHERE rule = $1 AND key = $2 AND window_start = $3`,
      [rule.name, key, new Date(windowStart), cost],
    );
  }

  /** Forget a key's hits (a successful login forgives the account's failures, say). */
  async reset(rule: RateLimitRule, key: string): Promise<void> {
    await this.ds.query(`DELETE FROM rate_limit_counter WHERE rule = $1 AND key = $2`, [rule.name, key]);
  }

  /** Seconds until the estimate falls back to the limit, at least 1, at most one window. */
  private retryAfter(rule: RateLimitRule, hits: number, prev: number, nowMs: number): number {
    const w = rule.windowSeconds * 1000;
    const start = windowStartOf(nowMs, rule.windowSeconds);
    if (hits > rule.limit) {
      // Next window, this one's hits weigh in while they slide away: back once 1 + hits·(1 − e) ≤ limit.
      const e = Math.min(1, Math.max(0, 1 - (rule.limit - 1) / hits));
      return Math.max(1, Math.ceil((start + w + e * w - nowMs) / 1000));
    }
    // Only the previous window's weight keeps the caller out: wait until enough of it has slid away.
    const needed = prev > 0 ? 1 - (rule.limit - hits) / prev : 0;
    const at = start + Math.min(1, Math.max(0, needed)) * w;
    return Math.max(1, Math.ceil((at - nowMs) / 1000));
  }

  /** Drop windows no rule still reads; at most once a minute per process. */
  private maybePrune(nowMs: number): void {
    if (nowMs - this.lastPrune < 60_000) return;
    this.lastPrune = nowMs;
    // The longest window in use is a day; two of them cover every sliding estimate.
    this.ds
      .query(`DELETE FROM rate_limit_counter WHERE window_start < $1`, [new Date(nowMs - 2 * 86_400_000)])
      .catch((e: unknown) => this.logger.warn(`Pruning rate-limit counters failed: ${String(e)}`));
  }

  onModuleDestroy(): void {
    this.lastPrune = Number.MAX_SAFE_INTEGER;
  }
}

/** The 429 problem every limit answers with; the filter turns `retryAfter` into the header. */
export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', 429, 'Too many requests; try again later', undefined, {
    retryAfter: retryAfterSeconds,
  });
}
