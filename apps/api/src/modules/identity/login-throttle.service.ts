import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { IdentityError } from './identity.errors.js';
import { LoginFailuresRepository } from './login-failures.repository.js';

/** More than this many failures in the window, for one username or one address, is refused (issue 3). */
export const MAX_LOGIN_FAILURES = 10;
export const LOGIN_FAILURE_WINDOW_MS = 60_000;

export function throttleKeys(username: string, ip: string | null): string[] {
  return ip ? [`user:${username}`, `ip:${ip}`] : [`user:${username}`];
}

/**
 * Login throttling kept in PostgreSQL, so that it holds across API processes.
 * The check and the record are not one atomic step: a burst spread over processes
 * may get a few more attempts through before the refusal, never many.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly failures: LoginFailuresRepository,
    private readonly clock: Clock,
  ) {}

  /** 429 with Retry-After when one key already has MAX_LOGIN_FAILURES in the window. */
  async assertAllowed(keys: string[]): Promise<void> {
    const now = this.clock.now().getTime();
    const counts = await this.failures.countSince(keys, new Date(now - LOGIN_FAILURE_WINDOW_MS), MAX_LOGIN_FAILURES);
    let retryAfter = 0;
    for (const { count, nthLatest } of counts.values()) {
      if (count >= MAX_LOGIN_FAILURES && nthLatest) {
        // Allowed again once the MAX-th latest failure leaves the window.
        const seconds = Math.ceil((nthLatest.getTime() + LOGIN_FAILURE_WINDOW_MS - now) / 1000);
        retryAfter = Math.max(retryAfter, seconds, 1);
      }
    }
    if (retryAfter > 0) throw IdentityError.tooManyAttempts(retryAfter);
  }

  /** Record a failure for each key; returns the keys that this failure has locked. */
  async recordFailure(keys: string[]): Promise<string[]> {
    const now = this.clock.now();
    await this.failures.insert(keys, now);
    // Old rows are of no use: keep the table small.
    await this.failures.deleteBefore(new Date(now.getTime() - 3600_000));
    const counts = await this.failures.countSince(
      keys,
      new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS),
      MAX_LOGIN_FAILURES,
    );
    return keys.filter((k) => counts.get(k)?.count === MAX_LOGIN_FAILURES);
  }

  /** A successful login forgives the username's earlier failures (not the address's). */
  async clearUser(username: string): Promise<void> {
    await this.failures.deleteKey(`user:${username}`);
  }
}
