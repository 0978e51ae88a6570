import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  BeforeSealHook,
  DossierBeforeSeal,
  DossierRatingChange,
  DossierRow,
  DossierSnapshot,
  DossierTransitionChange,
  ErasureHook,
  RatingHook,
  TransitionHook,
} from './dossiers.types.js';

/**
 * In-transaction listeners of dossier changes, for modules that keep derived data current in the
 * same transaction (the reports' daily summary rows). Register in onModuleInit:
 *
 *   hooks.register(async (manager, change) => { … manager.query(…) … });
 *
 * A hook runs inside the transaction of the change, after the dossier row and its timeline event
 * are written: it must use `manager`, must not call out to the world, and its error rolls the
 * change back. Hooks run for every transition (submit, withdraw, supplement and counter intake
 * included; counter intake runs `submit` then `receive`) and for every rating.
 */
@Injectable()
export class DossierTransitionHooks {
  private readonly transitionHooks: TransitionHook[] = [];
  private readonly ratingHooks: RatingHook[] = [];
  private readonly beforeSealHooks: BeforeSealHook[] = [];
  private readonly erasureHooks: ErasureHook[] = [];

  register(hook: TransitionHook): void {
    this.transitionHooks.push(hook);
  }

  /**
   * A hook that runs in the transition's transaction before its timeline link is sealed, so what
   * it writes (the signed result of a decision) is sealed with it; its error rolls the change back.
   */
  registerBeforeSeal(hook: BeforeSealHook): void {
    this.beforeSealHooks.push(hook);
  }

  async runBeforeSeal(manager: EntityManager, change: DossierBeforeSeal): Promise<void> {
    for (const hook of this.beforeSealHooks) await hook(manager, change);
  }

  registerRating(hook: RatingHook): void {
    this.ratingHooks.push(hook);
  }

  async runTransition(manager: EntityManager, change: DossierTransitionChange): Promise<void> {
    for (const hook of this.transitionHooks) await hook(manager, change);
  }

  async runRating(manager: EntityManager, change: DossierRatingChange): Promise<void> {
    for (const hook of this.ratingHooks) await hook(manager, change);
  }

  /** Another module's share of a personal-data erasure (retention.service.ts); see ErasureHook. */
  registerErasure(hook: ErasureHook): void {
    this.erasureHooks.push(hook);
  }

  async runErasure(manager: EntityManager, dossierId: string, at: Date): Promise<string[]> {
    const files: string[] = [];
    for (const hook of this.erasureHooks) files.push(...(await hook(manager, dossierId, at)));
    return files;
  }
}

export function snapshotOf(d: DossierRow): DossierSnapshot {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    channel: d.channel,
    agencyCode: d.agencyCode,
    procedureCode: d.procedureCode,
    procedureVersion: d.procedureVersion,
    sectorCode: d.sectorCode,
    onlineLevel: d.onlineLevel,
    processingDays: d.processingDays,
    fee: d.fee,
    feePaidAt: d.feePaidAt,
    feePaidOnline: d.feePaidOnline,
    feeStatus: d.feeStatus,
    applicantId: d.applicantId,
    assigneeId: d.assigneeId,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    completedAt: d.completedAt,
    returnedAt: d.returnedAt,
    supplementRequestedAt: d.supplementRequestedAt,
    pausedWorkingDays: d.pausedWorkingDays,
    decidedOutcome: d.decidedOutcome,
    processingWorkingDays: d.processingWorkingDays,
    endToEnd: d.endToEnd,
    digitised: d.digitised,
    appointmentAt: d.appointmentAt,
  };
}
