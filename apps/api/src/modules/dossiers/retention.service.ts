import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_RETENTION_YEARS, retentionCutoff } from '@motcua/shared';
import { FileSweeper } from '../files/file-sweeper.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { DossierTransitionHooks } from './dossier-transition-hooks.js';
import { DossierWorkflowService } from './dossier-workflow.service.js';
import { RetentionRepository } from './retention.repository.js';

/** The timeline event that seals an erasure (keyed-chain.ts: the state it seals is the erased row). */
export const PERSONAL_DATA_ERASED_EVENT = 'personal_data_erased';

export interface RetentionLimits {
  /** Dossiers read per index range scan. */
  batch: number;
  /** Dossiers erased per run at most: a backlog (the first run on old data) is spread over nights. */
  max: number;
}

export const RETENTION_LIMITS: RetentionLimits = { batch: 100, max: 5000 };

export interface RetentionSweepResult {
  erased: number;
  filesRemoved: number;
  /** Dossiers whose erasure failed (logged; retried at the next run). */
  failed: number;
  /** True when the run stopped at `max` with more still due. */
  more: boolean;
}

/**
 * Erases the personal data of dossiers closed more than DATA_RETENTION_YEARS ago (domain.md,
 * "Personal data"; architecture.md, "Retention"). One transaction per dossier: the row's form and
 * contact, its attachments, the applicant's name on the timeline, the other modules' shares
 * (ErasureHook: the result document, the apology letters' files), the inbox rows about it, the
 * rating's comment, and a `personal_data_erased` event whose keyed link seals the erased state, so
 * the chain still verifies and an unsealed change still shows. Files go after the commit (or by the
 * orphan sweep). The figures (counts, dates, procedure, agency, on-time) stay on the row.
 * Idempotent: an erased dossier is marked and leaves the index the batch reads.
 */
@Injectable()
export class RetentionService {
  private readonly log = new Logger('Retention');

  constructor(
    private readonly ds: DataSource,
    private readonly retention: RetentionRepository,
    private readonly workflow: DossierWorkflowService,
    private readonly hooks: DossierTransitionHooks,
    private readonly sweeper: FileSweeper,
    private readonly notifications: NotificationsService,
  ) {}

  async sweep(now: Date, limits: RetentionLimits = RETENTION_LIMITS): Promise<RetentionSweepResult> {
    const cutoff = retentionCutoff(now, DATA_RETENTION_YEARS);
    const result: RetentionSweepResult = { erased: 0, filesRemoved: 0, failed: 0, more: false };
    const failed = new Set<string>();
    while (result.erased < limits.max) {
      const ids = (await this.retention.findDueIds(cutoff, limits.batch + failed.size)).filter((id) => !failed.has(id));
      if (!ids.length) return result;
      for (const id of ids.slice(0, limits.max - result.erased)) {
        try {
          const files = await this.eraseOne(id, cutoff, now);
          if (files === null) continue;
          result.erased++;
          result.filesRemoved += await this.sweeper.removeUnreferenced(files, now);
        } catch (e) {
          // One bad dossier must not hold back the others; it stays due and is tried again next run.
          failed.add(id);
          result.failed++;
          this.log.error(`Erasing the personal data of dossier ${id} failed: ${String(e)}`);
        }
      }
    }
    result.more = (await this.retention.findDueIds(cutoff, failed.size + 1)).some((id) => !failed.has(id));
    return result;
  }

  /** One dossier, all or nothing; the contents its deleted rows referenced, or null if no longer due. */
  private eraseOne(id: string, cutoff: Date, now: Date): Promise<string[] | null> {
    return this.ds.transaction(async (m) => {
      if (!(await this.retention.lockIfDue(id, cutoff, m))) return null;
      await this.retention.eraseDossierRow(id, now, m);
      const files = await this.retention.eraseAttachmentsAndNames(id, m);
      files.push(...(await this.hooks.runErasure(m, id, now)));
      await this.retention.clearRatingComment(id, m);
      await this.notifications.forgetDossier(m, id);
      // Last: the link seals the row and attachments as erased (audit.service.ts, sealTransition).
      await this.workflow.recordEvent(m, id, PERSONAL_DATA_ERASED_EVENT, null, null, now);
      return files;
    });
  }
}
