import { Injectable, Logger } from '@nestjs/common';

/** What a draining process tells clients of long-lived streams to wait before reconnecting (elsewhere). */
export const RECONNECT_RETRY_MS = 1000;

/**
 * Graceful shutdown's first step (docs/architecture.md "Graceful shutdown"): long-lived responses
 * (Server-Sent Events) never finish on their own, so their owners register here to end them with
 * a `retry:` hint; the client reconnects, through the load balancer, to a process that stays.
 */
@Injectable()
export class ShutdownHooks {
  private readonly logger = new Logger('Shutdown');
  private readonly drains: ((retryMs: number) => void | Promise<void>)[] = [];
  private draining = false;

  /** Register in a constructor or onModuleInit. */
  onDrain(drain: (retryMs: number) => void | Promise<void>): void {
    this.drains.push(drain);
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async drain(retryMs = RECONNECT_RETRY_MS): Promise<void> {
    this.draining = true;
    await Promise.all(
      this.drains.map(async (d) => {
        try {
          await d(retryMs);
        } catch (e) {
          this.logger.warn(`A drain hook failed: ${String(e)}`);
        }
      }),
    );
  }
}
