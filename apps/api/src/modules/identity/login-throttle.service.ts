import { Injectable } from '@nestjs/common';
import { RATE_LIMITS, type RateLimitRule } from '../../common/rate-limit/rate-limit.rules.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { IdentityError } from './identity.errors.js';

/** The account's tiers, shortest first: each further lockout waits about twice as long, up to 15 minutes. */
export const LOGIN_ACCOUNT_RULES: readonly RateLimitRule[] = [
  RATE_LIMITS.loginByAccount,
  RATE_LIMITS.loginByAccount2m,
  RATE_LIMITS.loginByAccount4m,
  RATE_LIMITS.loginByAccount8m,
  RATE_LIMITS.loginByAccount15m,
];

/** One login attempt's reserved place in each budget, given back or forgiven once its outcome is known. */
export interface LoginReservation {
  /** The username tried (known or not, so that the answer does not tell). */
  account: string;
  address: string | null;
  held: { rule: RateLimitRule; key: string; windowStart: number }[];
  /** This attempt took the last place of an account tier: if it fails, the account is locked. */
  locksOnFailure: boolean;
}

/**
 * Login throttling (api.md, Identity), on the shared PostgreSQL rate limiter: every attempt
 * reserves its place atomically BEFORE the password is evaluated, so parallel attempts on any
 * number of processes cannot all be evaluated. Failures stay counted; a success forgives the
 * account and gives the address its place back.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limits: RateLimitService) {}

  /** Reserve an evaluation for this username and address, or throw 429 with Retry-After. */
  async reserve(username: string, ip: string | null): Promise<LoginReservation> {
    const r: LoginReservation = { account: username, address: ip, held: [], locksOnFailure: false };
    const budgets: [RateLimitRule, string][] = [
      ...(ip ? ([[RATE_LIMITS.loginByAddress, ip]] as [RateLimitRule, string][]) : []),
      ...LOGIN_ACCOUNT_RULES.map((rule): [RateLimitRule, string] => [rule, username]),
    ];
    for (const [rule, key] of budgets) {
      const v = await this.limits.consume(rule, key);
      const held = { rule, key, windowStart: v.windowStart ?? 0 };
      if (!v.allowed) {
        // Not evaluated: the refused hit and the places already taken are given back.
        await this.release([...r.held, held]);
        throw IdentityError.tooManyAttempts(v.retryAfter);
      }
      r.held.push(held);
      if (rule !== RATE_LIMITS.loginByAddress && v.hits >= rule.limit) r.locksOnFailure = true;
    }
    return r;
  }

  /** A successful login: the account's failures are forgiven and the address's place given back. */
  async succeeded(r: LoginReservation): Promise<void> {
    for (const rule of LOGIN_ACCOUNT_RULES) await this.limits.reset(rule, r.account);
    await this.release(r.held.filter((h) => h.rule === RATE_LIMITS.loginByAddress));
  }

  private async release(held: LoginReservation['held']): Promise<void> {
    for (const h of held) await this.limits.refund(h.rule, h.key, h.windowStart);
  }
}
