import type {
  Channel,
  DecidedOutcome,
  DeliveryMethod,
  DossierAction,
  DossierStatus,
  FeeStatus,
  OnlineLevel,
  Role,
} from '@motcua/shared';

export type { DeliveryMethod } from '@motcua/shared';
import type { EntityManager } from 'typeorm';

/** A dossier row as the repository reads it. */
export interface DossierRow {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  applicantId: string;
  channel: Channel;
  status: DossierStatus;
  version: number;
  formData: Record<string, unknown>;
  onlineLevel: OnlineLevel;
  sectorCode: string;
  processingDays: number;
  fee: number;
  feePaidAt: Date | null;
  feePaidOnline: boolean | null;
  feeStatus: FeeStatus;
  feeReceiptNo: string | null;
  deliveryMethod: DeliveryMethod;
  postalAddress: string | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  returnedAt: Date | null;
  supplementRequestedAt: Date | null;
  /** Time facts written by each transition from dossierClock (the clock paused since is supplementRequestedAt). */
  pausedWorkingDays: number;
  decidedOutcome: DecidedOutcome | null;
  processingWorkingDays: number | null;
  /** Fixed at return_result (metrics.ts isEndToEnd / isDigitised); null before. */
  endToEnd: boolean | null;
  digitised: boolean | null;
  /** The new appointment of the last apology letter; null when none was issued (dueAt never moves for it). */
  appointmentAt: Date | null;
  assigneeId: string | null;
  lastEventSeq: number;
  lastEventHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A dossier with the names its views show (procedure, agency, applicant, assignee). */
export interface DossierWithNames extends DossierRow {
  procedureName: string;
  agencyName: string;
  agencyLevel: string;
  agencyParentName: string | null;
  applicantName: string;
  applicantEmail: string | null;
  applicantNationalId: string | null;
  applicantPhone: string | null;
  assigneeName: string | null;
  /** The procedure version has a result template (issue 14). */
  hasResultTemplate: boolean;
}

/** The columns a transition may set besides status, version and the chain anchor. */
export interface DossierChange {
  code?: string;
  submittedAt?: Date;
  receivedAt?: Date;
  dueAt?: Date;
  completedAt?: Date;
  returnedAt?: Date;
  supplementRequestedAt?: Date | null;
  pausedWorkingDays?: number;
  decidedOutcome?: DecidedOutcome;
  processingWorkingDays?: number;
  endToEnd?: boolean;
  digitised?: boolean;
  appointmentAt?: Date;
  assigneeId?: string | null;
}

export interface DossierEventRow {
  seq: number;
  type: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  actorId: string | null;
  actorRole: Role | null;
  actorName: string | null;
  note: string | null;
  at: Date;
  prevHash: string | null;
  hash: string;
}

export interface AttachmentRow {
  id: string;
  dossierId: string;
  documentCode: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface RatingRow {
  dossierId: string;
  score: number;
  comment: string | null;
  at: Date;
}

/** Who acts: the caller, or the system acting for them (counter intake). */
export interface Actor {
  id: string;
  fullName: string;
  roles: Role[];
  agencyCode: string | null;
}

/** The facts of a dossier that reports and queues count, before and after a change. */
export interface DossierSnapshot {
  id: string;
  code: string | null;
  status: DossierStatus;
  channel: Channel;
  agencyCode: string;
  procedureCode: string;
  procedureVersion: number;
  sectorCode: string;
  onlineLevel: OnlineLevel;
  processingDays: number;
  fee: number;
  feePaidAt: Date | null;
  feePaidOnline: boolean | null;
  feeStatus: FeeStatus;
  applicantId: string;
  assigneeId: string | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  returnedAt: Date | null;
  supplementRequestedAt: Date | null;
  pausedWorkingDays: number;
  decidedOutcome: DecidedOutcome | null;
  processingWorkingDays: number | null;
  endToEnd: boolean | null;
  digitised: boolean | null;
  appointmentAt: Date | null;
}

/** A dossier_result row as the dossier's detail shows it. */
export interface DossierResultRow {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  signed: boolean;
  signedAt: Date | null;
  signer: string | null;
  verificationCode: string;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** One status change, handed to the hooks inside its transaction. */
export interface DossierTransitionChange {
  action: DossierAction;
  at: Date;
  /** id null: the system (the automatic apology of the SLA sweep). */
  actor: { id: string | null; role: Role | null };
  /** The transition's note (an apology's reason). */
  note: string | null;
  /** The dossier before the change. */
  before: DossierSnapshot;
  after: DossierSnapshot;
}

export interface DossierRatingChange {
  dossier: DossierSnapshot;
  score: number;
  at: Date;
}

/** A transition about to be sealed (DossierTransitionHooks.registerBeforeSeal). */
export interface DossierBeforeSeal {
  action: DossierAction;
  at: Date;
  before: DossierSnapshot;
  toStatus: DossierStatus;
}

export type BeforeSealHook = (manager: EntityManager, change: DossierBeforeSeal) => Promise<void>;
export type TransitionHook = (manager: EntityManager, change: DossierTransitionChange) => Promise<void>;
export type RatingHook = (manager: EntityManager, change: DossierRatingChange) => Promise<void>;
/**
 * Erases a module's personal data of a dossier whose retention is over, in the erasure's
 * transaction, before its timeline link seals the result; answers the file contents (sha256) its
 * deleted rows referenced, removed after commit unless something else still references them.
 * `at` is the erasure's time (the sweep's clock).
 */
export type ErasureHook = (manager: EntityManager, dossierId: string, at: Date) => Promise<string[]>;
