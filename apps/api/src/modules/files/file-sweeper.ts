import { Injectable, Logger } from '@nestjs/common';
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
 * removes nothing (it cannot know). The job queue runs `sweepOrphans(now)` hourly (files.module.ts).
 */
@Injectable()
export class FileSweeper {
  private readonly logger = new Logger('FileSweeper');
  private readonly checks: ReferenceCheck[] = [];

  constructor(private readonly storage: FileStorage) {}

  registerReferences(check: ReferenceCheck): void {
    this.checks.push(check);
  }

  /**
   * Remove these contents now unless something still references them (the retention sweep, after
   * its commit). Same grace as the orphan sweep: a content uploaded again within the day is kept.
   */
  async removeUnreferenced(sha256s: readonly string[], now: Date): Promise<number> {
    const unique = [...new Set(sha256s)];
    if (!unique.length || this.checks.length === 0) return 0;
    const cutoff = new Date(now.getTime() - ORPHAN_GRACE_MS);
    const referenced = new Set<string>();
    for (const check of this.checks) for (const sha of await check(unique)) referenced.add(sha);
    let removed = 0;
    for (const sha of unique) {
      if (!referenced.has(sha) && (await this.storage.removeIfOlderThan(sha, cutoff))) removed++;
    }
    return removed;
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
}
