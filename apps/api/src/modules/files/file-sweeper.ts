import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FileStorage } from './file-storage.js';

/** Of the given contents, those something still references (an attachment, later a result). */
export type ReferenceCheck = (sha256s: string[]) => Promise<Set<string>>;

export interface SweepResult {
  /** Stored contents older than the grace period that were looked at. */
  checked: number;
  removed: number;
  /** Partial uploads (crashes mid-upload) removed. */
  partials: number;
}

/** An upload in flight, or one whose attachment row is about to be written, is younger than this. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Removes stored files no one references once they are a day old (issue 12: upload/submit races
 * left orphans). The modules that reference files register a check; with none registered it
 * removes nothing (it cannot know). `sweepOrphans(now)` is a plain method so scheduled work can
 * move onto the job queue; until then a process-local, unref'd interval runs it.
 */
@Injectable()
export class FileSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('FileSweeper');
  private readonly checks: ReferenceCheck[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  registerReferences(check: ReferenceCheck): void {
    this.checks.push(check);
  }

  async sweepOrphans(now: Date): Promise<SweepResult> {
    const result: SweepResult = { checked: 0, removed: 0, partials: 0 };
    const cutoff = new Date(now.getTime() - ORPHAN_GRACE_MS);
    result.partials = await this.storage.removePartialsOlderThan(cutoff);
    if (this.checks.length === 0) {
      this.logger.warn('No file reference check registered: nothing swept');
      return result;
    }
    let batch: string[] = [];
    const flush = async () => {
      result.checked += batch.length;
      const referenced = new Set<string>();
      for (const check of this.checks) for (const sha of await check(batch)) referenced.add(sha);
      for (const sha of batch) {
        if (!referenced.has(sha) && (await this.storage.removeIfOlderThan(sha, cutoff))) result.removed++;
      }
      batch = [];
    };
    for await (const sha of this.storage.listOlderThan(cutoff)) {
      batch.push(sha);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    return result;
  }

  onApplicationBootstrap(): void {
    if (this.config.fileSweepIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.fileSweepIntervalMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const r = await this.sweepOrphans(this.clock.now());
      if (r.removed || r.partials)
        this.logger.log(`Removed ${r.removed} orphaned files and ${r.partials} partial uploads`);
    } catch (e) {
      this.logger.error(`File sweep failed: ${String(e)}`);
    } finally {
      this.running = false;
    }
  }
}
