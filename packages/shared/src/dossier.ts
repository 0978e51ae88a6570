import { z } from 'zod';
import { CHANNELS, DOSSIER_STATUSES, ONLINE_LEVELS } from './dossier-status.js';
import type { FormErrorCode } from './form-schema.js';
import { procedureCodeSchema } from './catalog.js';
import { dateOfBirthSchema, nationalIdSchema, phoneSchema } from './identity.js';
import { safeText, UNSAFE_TEXT_MESSAGE, unsafeInputIssues } from './input.js';
import { ROLES } from './roles.js';
import { DOSSIER_ACTIONS, staffDossierActionSchema } from './workflow.js';
import { SLA_STATES } from './dossier-clock.js';
import { checkDelivery, DELIVERY_METHODS, deliveryInputShape, dossierFeeSchema } from './payments.js';

/**
 * The Dossiers and Counter contract of api.md: request bodies (validated by the API, and by the
 * web's forms) and response shapes.
 */

export const DOSSIER_LIST_LIMIT_MAX = 100;
export const DOSSIER_LIST_LIMIT_DEFAULT = 20;
export const NOTE_MAX_LENGTH = 2000;
/** The header POST /dossiers/{id}/submit requires (api.md). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/**
 * Form data as sent: an object of field values; its shape is checked against the procedure's form
 * schema. Whatever the shape, no text in it may hold NUL or a lone surrogate (named by its path,
 * with a form error code as every form-data message).
 */
export const formDataInputSchema = z.record(z.string(), z.unknown()).superRefine((data, ctx) => {
  for (const issue of unsafeInputIssues(data)) {
    const message: FormErrorCode = issue.message === UNSAFE_TEXT_MESSAGE ? 'invalid_characters' : 'invalid_type';
    ctx.addIssue({ code: 'custom', path: issue.path, message });
  }
});

/** A note on an action: trimmed; empty counts as none. */
const noteSchema = safeText().trim().max(NOTE_MAX_LENGTH);
const versionSchema = z.number().int().min(1);

export const createDossierSchema = z
  .strictObject({
    procedureCode: safeText().trim().min(1).max(40),
    /** One of the procedure's agencies; the first when omitted. */
    agencyCode: safeText().trim().min(1).max(40).optional(),
    formData: formDataInputSchema.default({}),
    ...deliveryInputShape,
  })
  .superRefine(checkDelivery);
export type CreateDossierRequest = z.input<typeof createDossierSchema>;

/**
 * PATCH /dossiers/{id}: `formData` is merged into the draft's (a key set to null is removed);
 * `version`, when given, must be the draft's current version (409 otherwise).
 */
export const updateDossierSchema = z
  .strictObject({
    formData: formDataInputSchema.optional(),
    agencyCode: safeText().trim().min(1).max(40).optional(),
    version: versionSchema.optional(),
    ...deliveryInputShape,
  })
  .superRefine(checkDelivery);
export type UpdateDossierRequest = z.input<typeof updateDossierSchema>;

export const submitDossierSchema = z.strictObject({ version: versionSchema.optional() });
export type SubmitDossierRequest = z.input<typeof submitDossierSchema>;

export const dossierActionSchema = z.strictObject({
  action: staffDossierActionSchema,
  version: versionSchema,
  note: noteSchema.optional(),
  assigneeId: z.uuid().optional(),
  /** issue_apology: the new appointment's local day, a working day after dueAt's (api.md, Notifications and apologies). */
  newDueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type DossierActionRequest = z.input<typeof dossierActionSchema>;

/** POST /dossiers/{id}/supplement: the note (what was added) is required; checked with the action's rule. */
export const supplementDossierSchema = z.strictObject({
  note: noteSchema.optional(),
  version: versionSchema.optional(),
});
export type SupplementDossierRequest = z.input<typeof supplementDossierSchema>;

export const withdrawDossierSchema = z.strictObject({
  note: noteSchema.optional(),
  version: versionSchema.optional(),
});
export type WithdrawDossierRequest = z.input<typeof withdrawDossierSchema>;

export const ratingSchema = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: safeText().trim().max(NOTE_MAX_LENGTH).optional(),
});
export type RatingRequest = z.input<typeof ratingSchema>;

export const counterApplicantSchema = z.strictObject({
  nationalId: nationalIdSchema,
  fullName: safeText().trim().min(1, { message: 'Required' }).max(200, { message: 'Too long' }),
  dateOfBirth: dateOfBirthSchema.optional(),
  phone: phoneSchema.optional(),
  email: safeText()
    .trim()
    .max(254)
    .pipe(z.email({ message: 'Must be an e-mail address' }))
    .optional(),
});

export const counterDossierSchema = z.strictObject({
  procedureCode: safeText().trim().min(1).max(40),
  applicant: counterApplicantSchema,
  formData: formDataInputSchema.default({}),
});
export type CounterDossierRequest = z.input<typeof counterDossierSchema>;

/** Query strings are not strict: an unknown parameter is ignored. */
export const dossierListQuerySchema = z.object({
  status: z.enum(DOSSIER_STATUSES).optional(),
  /** One procedure's dossiers (the apply flow looks up the citizen's draft of a procedure with it). */
  procedureCode: procedureCodeSchema.optional(),
  cursor: safeText().min(1).max(500).optional(),
  limit: safeText()
    .regex(/^\d{1,9}$/, 'A whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(DOSSIER_LIST_LIMIT_MAX))
    .optional(),
});
export type DossierListQuery = z.output<typeof dossierListQuerySchema>;

// ---- Responses ----

const isoTime = z.string();
const nullableTime = isoTime.nullable();
const slaSchema = z.enum(SLA_STATES).nullable();

export const createDossierResponseSchema = z.object({
  id: z.string(),
  status: z.literal('DRAFT'),
  version: z.number().int(),
});
export type CreateDossierResponse = z.infer<typeof createDossierResponseSchema>;

export const attachmentDtoSchema = z.object({
  id: z.string(),
  documentCode: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: isoTime,
});
export type AttachmentDto = z.infer<typeof attachmentDtoSchema>;

/** The dossier's result document (api.md, Electronic results); signed by the decision. */
export const dossierResultSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  signed: z.boolean(),
  signedAt: nullableTime,
  signer: z.string().nullable(),
  /** The public verification link's key (`/verify/{verificationCode}`); its QR code is on the first page. */
  verificationCode: z.string(),
  /** Our addition (docs/api.md): when and why the agency withdrew it; null while it stands. */
  revokedAt: nullableTime.optional(),
  revokedReason: z.string().nullable().optional(),
});
export type DossierResult = z.infer<typeof dossierResultSchema>;

/** `POST /dossiers/{id}/result/revoke` (our addition, docs/api.md, Electronic results). */
export const revokeResultSchema = z.strictObject({ reason: safeText().trim().min(3).max(500) });
export type RevokeResultRequest = z.input<typeof revokeResultSchema>;

export const timelineEntrySchema = z.object({
  type: z.string(),
  fromStatus: z.enum(DOSSIER_STATUSES).nullable(),
  toStatus: z.enum(DOSSIER_STATUSES).nullable(),
  actor: z.object({ fullName: z.string().nullable(), role: z.enum(ROLES).nullable() }),
  note: z.string().nullable(),
  at: isoTime,
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const dossierDtoSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  status: z.enum(DOSSIER_STATUSES),
  /** The national portal's status code (domain.md), for synchronisation; null for a draft. */
  nationalStatusCode: z.number().int().nullable(),
  channel: z.enum(CHANNELS),
  version: z.number().int(),
  procedure: z.object({
    code: z.string(),
    name: z.string(),
    onlineLevel: z.enum(ONLINE_LEVELS),
    /** The procedure version the dossier was filed under. */
    version: z.number().int(),
    processingDays: z.number().int(),
    fee: z.number().int(),
    /** Our addition (docs/api.md): the version has a result template, so staff may generate the result. */
    hasResultTemplate: z.boolean().optional(),
  }),
  agency: z.object({ code: z.string(), name: z.string() }),
  applicant: z.object({ id: z.string(), fullName: z.string() }),
  formData: z.record(z.string(), z.unknown()),
  attachments: z.array(attachmentDtoSchema),
  createdAt: isoTime,
  submittedAt: nullableTime,
  receivedAt: nullableTime,
  dueAt: nullableTime,
  /** When the clock stopped for a supplement; null when it runs. */
  supplementRequestedAt: nullableTime,
  completedAt: nullableTime,
  returnedAt: nullableTime,
  /** The new appointment of the last apology letter (17:00 local); dueAt stays. Null: none issued. */
  appointmentAt: nullableTime,
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  sla: slaSchema,
  timeline: z.array(timelineEntrySchema),
  availableActions: z.array(z.enum(DOSSIER_ACTIONS)),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable(), at: isoTime }).nullable(),
  /** api.md, "Fees and online payment". */
  fee: dossierFeeSchema,
  deliveryMethod: z.enum(DELIVERY_METHODS),
  postalAddress: z.string().nullable(),
  /** Staff: any time once uploaded; the applicant: once returned. */
  result: dossierResultSchema.nullable(),
  /** api.md, "End-to-end figures": fixed at return_result; null before. */
  endToEnd: z.boolean().nullable(),
});
export type DossierDto = z.infer<typeof dossierDtoSchema>;

/**
 * `POST /counter/dossiers` answers the dossier and, this once, the claim code printed on its
 * receipt (only its hash is kept): the citizen brings the dossier into their account with it.
 */
export const counterIntakeResponseSchema = dossierDtoSchema.extend({ claimCode: z.string() });
export type CounterIntakeResponse = z.infer<typeof counterIntakeResponseSchema>;

export const dossierSummarySchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  status: z.enum(DOSSIER_STATUSES),
  nationalStatusCode: z.number().int().nullable(),
  channel: z.enum(CHANNELS),
  version: z.number().int(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  agency: z.object({ code: z.string(), name: z.string() }),
  applicant: z.object({ id: z.string(), fullName: z.string() }),
  createdAt: isoTime,
  submittedAt: nullableTime,
  dueAt: nullableTime,
  completedAt: nullableTime,
  sla: slaSchema,
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const dossierListResponseSchema = z.object({
  items: z.array(dossierSummarySchema),
  nextCursor: z.string().nullable(),
});
export type DossierListResponse = z.infer<typeof dossierListResponseSchema>;

export const submitDossierResponseSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.literal('SUBMITTED'),
  submittedAt: isoTime,
  version: z.number().int(),
});
export type SubmitDossierResponse = z.infer<typeof submitDossierResponseSchema>;

export const ratingDtoSchema = z.object({
  dossierId: z.string(),
  score: z.number().int(),
  comment: z.string().nullable(),
  at: isoTime,
});
export type RatingDto = z.infer<typeof ratingDtoSchema>;

/** The longest tracking token accepted in `?t=` (the receipt's carries 64 hex characters). */
export const TRACKING_TOKEN_MAX_LENGTH = 128;

/** GET /tracking/{code}?t=: the receipt's QR code carries the token that opens the public timeline. */
export const trackingQuerySchema = z.object({
  t: z.string().max(TRACKING_TOKEN_MAX_LENGTH).optional(),
});
export type TrackingQuery = z.output<typeof trackingQuerySchema>;

/** A step of the public timeline: what happened and when, no names and no notes. */
export const publicTimelineEntrySchema = z.object({
  type: z.string(),
  fromStatus: z.enum(DOSSIER_STATUSES).nullable(),
  toStatus: z.enum(DOSSIER_STATUSES).nullable(),
  at: isoTime,
});
export type PublicTimelineEntry = z.infer<typeof publicTimelineEntrySchema>;

export const trackingDtoSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  submittedAt: nullableTime,
  dueAt: nullableTime,
  completedAt: nullableTime,
  /** Only with the receipt's token (`?t=`); a wrong token gets the answer without it. */
  timeline: z.array(publicTimelineEntrySchema).optional(),
});
export type TrackingDto = z.infer<typeof trackingDtoSchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: isoTime,
  prevHash: z.string().nullable(),
  hash: z.string(),
});
export const auditResponseSchema = z.object({
  valid: z.boolean(),
  /** Index in `events` of the first event whose hash does not match; null when valid. */
  firstInvalidIndex: z.number().int().nullable(),
  /** What differs at the first broken link (field names, a missing event, a published head); null when valid. */
  reason: z.string().nullable().optional(),
  events: z.array(auditEventSchema),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;
