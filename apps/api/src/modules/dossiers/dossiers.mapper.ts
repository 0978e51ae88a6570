import {
  NATIONAL_STATUS_CODE,
  slaState,
  type AttachmentDto,
  type AuditResponse,
  type DossierAction,
  type DossierDto,
  type DossierSummary,
  type RatingDto,
  type SlaState,
  type TimelineEntry,
  type TrackingDto,
  type WorkingCalendar,
} from '@motcua/shared';
import type {
  AttachmentRow,
  DossierEventRow,
  DossierResultRow,
  DossierRow,
  DossierWithNames,
  RatingRow,
} from './dossiers.types.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The SLA state shown on a dossier: dossierClock's, the same the queue shows (WAITING_CITIZEN while
 * a supplement is awaited, none before receipt or after leaving without a decision).
 */
export function dossierSla(
  d: Pick<DossierRow, 'status' | 'dueAt' | 'completedAt'> & Partial<Pick<DossierRow, 'decidedOutcome'>>,
  now: Date,
  calendar: WorkingCalendar,
): SlaState | null {
  return slaState(d, now, calendar);
}

export function toAttachmentDto(a: AttachmentRow): AttachmentDto {
  return {
    id: a.id,
    documentCode: a.documentCode,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: Number(a.size),
    sha256: a.sha256,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

export function toTimelineEntry(e: DossierEventRow): TimelineEntry {
  return {
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: { fullName: e.actorName, role: e.actorRole },
    note: e.note,
    at: e.at.toISOString(),
  };
}

export function toRatingDto(r: RatingRow): RatingDto {
  return { dossierId: r.dossierId, score: r.score, comment: r.comment, at: r.at.toISOString() };
}

export interface DossierDetailParts {
  dossier: DossierWithNames;
  attachments: AttachmentRow[];
  events: DossierEventRow[];
  rating: RatingRow | null;
  /** Null when there is none, or it is not the caller's to see yet. */
  result: DossierResultRow | null;
  sla: SlaState | null;
  availableActions: DossierAction[];
}

export function toDossierDto(p: DossierDetailParts): DossierDto {
  const d = p.dossier;
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    nationalStatusCode: NATIONAL_STATUS_CODE[d.status],
    channel: d.channel,
    version: d.version,
    procedure: {
      code: d.procedureCode,
      name: d.procedureName,
      onlineLevel: d.onlineLevel,
      version: d.procedureVersion,
      processingDays: d.processingDays,
      fee: d.fee,
      hasResultTemplate: d.hasResultTemplate,
    },
    agency: { code: d.agencyCode, name: d.agencyName },
    applicant: { id: d.applicantId, fullName: d.applicantName },
    formData: d.formData,
    attachments: p.attachments.map(toAttachmentDto),
    createdAt: d.createdAt.toISOString(),
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    supplementRequestedAt: iso(d.supplementRequestedAt),
    completedAt: iso(d.completedAt),
    returnedAt: iso(d.returnedAt),
    appointmentAt: iso(d.appointmentAt),
    assignee: d.assigneeId ? { id: d.assigneeId, fullName: d.assigneeName ?? '' } : null,
    sla: p.sla,
    timeline: p.events.map(toTimelineEntry),
    availableActions: p.availableActions,
    rating: p.rating ? { score: p.rating.score, comment: p.rating.comment, at: p.rating.at.toISOString() } : null,
    fee: {
      amount: d.fee,
      status: d.feeStatus,
      method: d.feeStatus === 'NONE' || d.feePaidOnline === null ? null : d.feePaidOnline ? 'ONLINE' : 'COUNTER',
      paidAt: iso(d.feePaidAt),
      receiptNo: d.feeReceiptNo,
    },
    deliveryMethod: d.deliveryMethod,
    postalAddress: d.postalAddress,
    result: p.result
      ? {
          ...p.result,
          size: Number(p.result.size),
          signedAt: iso(p.result.signedAt),
          revokedAt: iso(p.result.revokedAt),
        }
      : null,
    endToEnd: d.endToEnd,
  };
}

export function toDossierSummary(d: DossierWithNames, sla: SlaState | null): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    nationalStatusCode: NATIONAL_STATUS_CODE[d.status],
    channel: d.channel,
    version: d.version,
    procedure: { code: d.procedureCode, name: d.procedureName },
    agency: { code: d.agencyCode, name: d.agencyName },
    applicant: { id: d.applicantId, fullName: d.applicantName },
    createdAt: d.createdAt.toISOString(),
    submittedAt: iso(d.submittedAt),
    dueAt: iso(d.dueAt),
    completedAt: iso(d.completedAt),
    sla,
  };
}

/**
 * Public tracking: what the dossier is and where it stands, no personal data. With `events` (the
 * receipt's token was shown) the public timeline too: steps and dates only, never a name or a
 * note (notes may name people or documents); the draft's own edits are not steps.
 */
export function toTrackingDto(d: DossierWithNames, events?: DossierEventRow[]): TrackingDto {
  const dto: TrackingDto = {
    code: d.code ?? '',
    procedureName: d.procedureName,
    agencyName: d.agencyName,
    status: d.status,
    submittedAt: iso(d.submittedAt),
    dueAt: iso(d.dueAt),
    completedAt: iso(d.completedAt),
  };
  if (events) {
    dto.timeline = events
      .filter((e) => e.toStatus !== 'DRAFT')
      .map((e) => ({ type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus, at: e.at.toISOString() }));
  }
  return dto;
}

export function toAuditEvents(events: DossierEventRow[]): AuditResponse['events'] {
  return events.map((e) => ({
    seq: e.seq,
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: e.actorId,
    actorRole: e.actorRole,
    actorName: e.actorName,
    note: e.note,
    at: e.at.toISOString(),
    prevHash: e.prevHash,
    hash: e.hash,
  }));
}
