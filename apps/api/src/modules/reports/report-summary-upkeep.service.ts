import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DossierTransitionHooks } from '../dossiers/dossier-transition-hooks.js';
import type { DossierRatingChange, DossierTransitionChange } from '../dossiers/dossiers.types.js';
import { ReportsRepository } from './reports.repository.js';
import { SummaryDelta } from './summary-contribution.js';

/**
 * Keeps the summary tables current in the transaction of each dossier change: the change's
 * contribution after, minus before, applied in one statement. A failure rolls the change back,
 * so the summaries never miss a committed change (rebuildSummaries repairs them after bulk
 * loads or restores).
 */
@Injectable()
export class ReportSummaryUpkeep implements OnModuleInit {
  constructor(
    private readonly hooks: DossierTransitionHooks,
    private readonly repo: ReportsRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, change) => this.onTransition(m, change));
    this.hooks.registerRating((m, change) => this.onRating(m, change));
  }

  async onTransition(m: EntityManager, change: DossierTransitionChange): Promise<void> {
    // The decision's time facts are on the snapshots: no calendar read here.
    const delta = new SummaryDelta().addDossier(change.before, -1).addDossier(change.after, 1);
    if (change.action === 'issue_apology') delta.addApology(change.after, change.at, change.actor.id === null);
    if (delta.isEmpty()) return;
    await this.repo.applyDelta(m, delta, change.after.agencyCode);
  }

  /**
   * A change of a dossier's counted facts that is not a transition (a fee paid online or at the
   * desk): `write` runs in the caller's transaction between two reads of the dossier's report facts,
   * and their contribution after minus before is applied there, so the counters never miss a payment.
   */
  async withDossierChange<T>(m: EntityManager, dossierId: string, write: () => Promise<T>): Promise<T> {
    const before = await this.repo.findCountedFacts(m, dossierId);
    const out = await write();
    const after = await this.repo.findCountedFacts(m, dossierId);
    if (!before || !after) return out;
    const delta = new SummaryDelta().addDossier(before, -1).addDossier(after, 1);
    if (!delta.isEmpty()) await this.repo.applyDelta(m, delta, after.agencyCode);
    return out;
  }

  async onRating(m: EntityManager, change: DossierRatingChange): Promise<void> {
    const delta = new SummaryDelta().addRating(change.dossier, change.score);
    if (delta.isEmpty()) return;
    await this.repo.applyDelta(m, delta, change.dossier.agencyCode);
  }
}
