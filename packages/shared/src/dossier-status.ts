import { z } from 'zod';

/** Life-cycle states of a dossier (domain.md, "Dossier life cycle"). */
export const DOSSIER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'NOT_ACCEPTED',
  'RECEIVED',
  'WITHDRAWN',
  'IN_PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'RETURNED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const dossierStatusSchema = z.enum(DOSSIER_STATUSES);

/**
 * The national portal's status code for each status, for synchronisation.
 * DRAFT is never sent (null). Code 6 ("awaiting a fee") has no status of ours yet.
 */
export const NATIONAL_STATUS_CODE = {
  DRAFT: null,
  SUBMITTED: 1,
  RECEIVED: 2,
  NOT_ACCEPTED: 3,
  IN_PROCESSING: 4,
  PENDING_APPROVAL: 4,
  SUPPLEMENT_REQUESTED: 5,
  WITHDRAWN: 7,
  APPROVED: 9,
  REJECTED: 9,
  RETURNED: 10,
} as const satisfies Record<DossierStatus, number | null>;

/** Statuses in which a dossier is with the administration and its clock may run. */
export const OPEN_STATUSES = [
  'SUBMITTED',
  'RECEIVED',
  'IN_PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PENDING_APPROVAL',
] as const satisfies readonly DossierStatus[];

export const CHANNELS = ['ONLINE', 'COUNTER', 'POSTAL'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ONLINE_LEVELS = ['FULL', 'PARTIAL'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export const onlineLevelSchema = z.enum(ONLINE_LEVELS);
