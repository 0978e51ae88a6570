import { z } from 'zod';
import { cleanSearchText, procedureCodeSchema } from './catalog.js';
import { CHANNELS, DOSSIER_STATUSES, type DossierStatus } from './dossier-status.js';
import { SLA_STATES } from './dossier-clock.js';
import { safeText } from './input.js';

/** The staff queue (api.md, "Counter and queues"): GET /queue parameters and rows. */

export const QUEUE_LIMIT_MAX = 100;
export const QUEUE_LIMIT_DEFAULT = 20;

/** Statuses a queue may show: any but DRAFT (a draft is the citizen's alone). */
export const QUEUE_STATUSES = DOSSIER_STATUSES.filter((s): s is Exclude<DossierStatus, 'DRAFT'> => s !== 'DRAFT');

/**
 * The default queue: dossiers still waiting for the administration, the open ones plus APPROVED
 * and REJECTED, whose result is still to be returned.
 */
export const QUEUE_DEFAULT_STATUSES = [
  'SUBMITTED',
  'RECEIVED',
  'IN_PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
] as const satisfies readonly DossierStatus[];

export type QueueStatus = Exclude<DossierStatus, 'DRAFT'>;

/** Query strings are not strict: an unknown parameter is ignored. `status` may list several, comma-separated. */
export const queueQuerySchema = z.object({
  status: safeText()
    .max(300)
    .transform((s, ctx) => {
      const list = [...new Set(s.split(',').map((x) => x.trim().toUpperCase()))].filter(Boolean);
      const unknown = list.filter((x) => !(QUEUE_STATUSES as string[]).includes(x));
      if (list.length === 0 || unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `One or more of ${QUEUE_STATUSES.join(', ')}` });
        return z.NEVER;
      }
      return list as QueueStatus[];
    })
    .optional(),
  sla: z.enum(SLA_STATES).optional(),
  procedureCode: procedureCodeSchema.optional(),
  assignee: z.enum(['me', 'none']).optional(),
  /** A dossier code (or part of it) or the applicant's name, with or without diacritics. */
  q: safeText().transform(cleanSearchText).optional(),
  cursor: safeText().min(1).max(500).optional(),
  limit: safeText()
    .regex(/^\d{1,9}$/, 'A whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(QUEUE_LIMIT_MAX))
    .optional(),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export const queueItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  channel: z.enum(CHANNELS),
  submittedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  sla: z.enum(SLA_STATES).nullable(),
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof queuePageSchema>;
