import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { SessionsRepository, type SessionMethod } from './sessions.repository.js';

/** How long a process trusts what it read about a session (issue 12: refused within 1 s on every process). */
export const SESSION_CHECK_CACHE_MS = 1000;
const CACHE_MAX_ENTRIES = 50_000;

export type SessionEndReason = 'logout' | 'password_changed' | 'disabled' | 'token_reuse' | 'identity_takeover';

/**
 * Sessions are rows (one per login); every access token names its session (`sid`) and is refused
 * once the session is revoked: logout, a password change, a disabled account, a stolen refresh
 * token, or the account taken over by the verified holder of its national ID.
 */
@Injectable()
export class SessionsService {
  /** sid → whether it was active, and when (monotonic ms) that was read. */
  private readonly checked = new Map<string, { userId: string; active: boolean; at: number }>();

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  start(userId: string, method: SessionMethod, m?: EntityManager): Promise<string> {
    return this.sessions.insert(userId, method, this.clock.now(), m);
  }

  /** Whether the session is alive and the user's; read from the database at most once a second per process. */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const now = performance.now();
    const hit = this.checked.get(sessionId);
    if (hit && hit.userId === userId && now - hit.at < SESSION_CHECK_CACHE_MS) return hit.active;
    const active = await this.sessions.findActive(sessionId, userId);
    if (this.checked.size >= CACHE_MAX_ENTRIES) this.checked.clear();
    this.checked.set(sessionId, { userId, active, at: now });
    return active;
  }

  async revoke(sessionId: string, reason: SessionEndReason, m?: EntityManager): Promise<void> {
    await this.sessions.revoke({ id: sessionId }, reason, this.clock.now(), m);
    this.checked.delete(sessionId);
  }

  /** End every session of a user (but `exceptId`, the caller's own after a password change). */
  async revokeAllOf(userId: string, reason: SessionEndReason, m?: EntityManager, exceptId?: string): Promise<void> {
    await this.sessions.revoke({ userId, exceptId }, reason, this.clock.now(), m);
    this.forgetUser(userId);
  }

  /**
   * Drop what this process cached about a user's sessions. Call again after the commit of a
   * transaction that revoked them, so that no read made before the commit is served.
   */
  forgetUser(userId: string): void {
    for (const [sid, entry] of this.checked) if (entry.userId === userId) this.checked.delete(sid);
  }
}
