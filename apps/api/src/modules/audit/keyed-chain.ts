import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, eventHash, type HashedTimelineEvent, type TimelineEventContent } from './hash-chain.js';

/**
 * Chain version 1: plain sha256 links (hash-chain.ts), written before the audit key existed;
 * anyone can recompute them, so they are trusted only when listed in the keyed legacy seal.
 * Version 2: HMAC-SHA256 links under a key kept outside the database, covering the event and
 * the dossier's decisive state (row fields and every attachment) right after it.
 */
export const CHAIN_V1 = 1;
export const CHAIN_V2 = 2;

/** Statuses in which the applicant may add attachments after the last event (api.md). */
const UPLOAD_STATUSES = new Set(['DRAFT', 'SUPPLEMENT_REQUESTED']);

type Time = Date | string | null;

/** The dossier row fields a link covers (a stored row may carry more). */
export interface DossierFacts {
  id: string;
  code: string | null;
  status: string;
  applicantId: string;
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  channel: string;
  fee: number;
  formData: Record<string, unknown>;
  assigneeId: string | null;
  submittedAt: Time;
  receivedAt: Time;
  dueAt: Time;
  completedAt: Time;
  returnedAt: Time;
  supplementRequestedAt: Time;
  /** The time facts (issue 13); absent on rows read by a caller that does not seal them. */
  pausedWorkingDays?: number;
  decidedOutcome?: string | null;
  processingWorkingDays?: number | null;
  /** Fixed at return_result (issue 14); absent or null before. */
  endToEnd?: boolean | null;
  digitised?: boolean | null;
  /** The new appointment of the last apology letter (issue 15); absent on rows read by a caller that does not seal it. */
  appointmentAt?: Time;
}

/** The time facts a link seals since they became columns: a forged outcome or processing time shows. */
export interface TimeFactsState {
  pausedWorkingDays: number;
  decidedOutcome: string | null;
  processingWorkingDays: number | null;
}

export interface AttachmentFacts {
  id: string;
  documentCode: string;
  fileName: string;
  mimeType: string;
  size: number | string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date | string;
}

/** What a v2 link seals besides the event: the dossier as the event left it. */
export interface DossierState {
  code: string | null;
  status: string;
  applicantId: string;
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  channel: string;
  fee: number;
  /** sha256 of the form data's canonical JSON. */
  formDataSha256: string;
  assigneeId: string | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  returnedAt: string | null;
  supplementRequestedAt: string | null;
  /**
   * Sealed from the time-facts migration on. Links sealed before have no such key, and the check
   * compares only the keys a sealed state has, so they still verify; the legacy seal never has it.
   */
  timeFacts?: TimeFactsState;
  /** Every attachment at that moment, by id. */
  attachments: AttachmentState[];
  /**
   * The signed result document (issue 14), present only once signed: states sealed before it
   * (or before results existed) lack the key and so compare as before.
   */
  result?: ResultState;
  /**
   * The end-to-end and digitised facts (issue 14), present only once fixed at return_result: every
   * earlier state lacks the key and so compares as before; a forged flag on a returned dossier shows.
   */
  figures?: FiguresState;
  /**
   * The appointment an apology letter set (issue 15), null before any: sealed by every link since
   * it was added, so a moved appointment that no event sealed shows; links sealed before lack the
   * key and compare as before.
   */
  appointmentAt?: string | null;
}

export interface FiguresState {
  endToEnd: boolean;
  digitised: boolean | null;
}

export interface ResultState {
  sha256: string;
  signedAt: string | null;
  signer: string | null;
}

/** A dossier_result row, as far as the chain covers it. */
export interface ResultFacts {
  sha256: string;
  signed: boolean;
  signedAt: Time;
  signer: string | null;
}

export interface AttachmentState {
  id: string;
  documentCode: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

const iso = (t: Time): string | null => (t === null || t === undefined ? null : new Date(t).toISOString());

type Json = Parameters<typeof canonicalJson>[0];

export function attachmentState(a: AttachmentFacts): AttachmentState {
  return {
    id: a.id,
    documentCode: a.documentCode,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: Number(a.size),
    sha256: a.sha256,
  };
}

export function dossierState(
  d: DossierFacts,
  attachments: readonly AttachmentFacts[],
  result: ResultFacts | null = null,
): DossierState {
  const state: DossierState = {
    ...coreState(d, attachments),
    timeFacts: {
      pausedWorkingDays: Number(d.pausedWorkingDays ?? 0),
      decidedOutcome: d.decidedOutcome ?? null,
      processingWorkingDays: d.processingWorkingDays ?? null,
    },
  };
  if (result?.signed) state.result = { sha256: result.sha256, signedAt: iso(result.signedAt), signer: result.signer };
  if (d.endToEnd !== undefined && d.endToEnd !== null)
    state.figures = { endToEnd: d.endToEnd, digitised: d.digitised ?? null };
  if (d.appointmentAt !== undefined) state.appointmentAt = iso(d.appointmentAt);
  return state;
}

/** The state as sealed before the time facts (the legacy seal's shape, which must never change). */
function coreState(d: DossierFacts, attachments: readonly AttachmentFacts[]): DossierState {
  return {
    code: d.code ?? null,
    status: d.status,
    applicantId: d.applicantId,
    procedureCode: d.procedureCode,
    procedureVersion: d.procedureVersion,
    agencyCode: d.agencyCode,
    channel: d.channel,
    fee: Number(d.fee),
    formDataSha256: createHash('sha256')
      .update(canonicalJson(d.formData as Json))
      .digest('hex'),
    assigneeId: d.assigneeId ?? null,
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    completedAt: iso(d.completedAt),
    returnedAt: iso(d.returnedAt),
    supplementRequestedAt: iso(d.supplementRequestedAt),
    attachments: attachments.map(attachmentState).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

function hmac(key: Buffer, domain: string, ...parts: string[]): string {
  const h = createHmac('sha256', key).update(`motcua/${domain}\n`);
  for (const p of parts) h.update(p).update('\n');
  return h.digest('hex');
}

function contentJson(c: TimelineEventContent, state: DossierState): string {
  return canonicalJson({
    dossierId: c.dossierId,
    seq: c.seq,
    type: c.type,
    fromStatus: c.fromStatus ?? null,
    toStatus: c.toStatus ?? null,
    actorId: c.actorId ?? null,
    actorRole: c.actorRole ?? null,
    note: c.note ?? null,
    at: new Date(c.at).toISOString(),
    state: state as unknown as Json,
  });
}

/** The v2 link of an event: HMAC over the previous link, the event and the state it left. */
export function keyedLink(key: Buffer, prev: string | null, c: TimelineEventContent, state: DossierState): string {
  return hmac(key, 'chain/v2', prev ?? '', contentJson(c, state));
}

/** The MAC stored with an attachment row, so an edit of its hash, size or name shows even between events. */
export function attachmentMac(key: Buffer, dossierId: string, a: AttachmentFacts): string {
  return hmac(
    key,
    'attachment/v1',
    canonicalJson({ dossierId, ...attachmentState(a), uploadedBy: a.uploadedBy, uploadedAt: iso(a.uploadedAt) }),
  );
}

/**
 * The state a legacy seal covers: the row and the attachments written before the key (no MAC).
 * Later uploads carry their own MAC; so a legacy dossier awaiting a supplement may still get some.
 */
export function legacyState(
  d: DossierFacts,
  attachments: readonly (AttachmentFacts & { mac?: string | null })[],
): DossierState {
  return coreState(
    d,
    attachments.filter((a) => !a.mac),
  );
}

/** MAC of a legacy seal row (legacy-seal.ts): the dossier's last v1 link and its state when sealed. */
export function legacySealMac(key: Buffer, dossierId: string, seq: number, hash: string, state: DossierState): string {
  return hmac(key, 'legacy-seal/v1', dossierId, String(seq), hash, canonicalJson(state as unknown as Json));
}

/** Keyed digest of anything else the audit keeps (the legacy seal, published heads). */
export function keyedDigest(key: Buffer, domain: string, ...parts: string[]): string {
  return hmac(key, domain, ...parts);
}

export function sameMac(a: string | null | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface StoredEvent extends HashedTimelineEvent {
  chainVersion: number;
  /** The sealed state (v2); null on v1 events. */
  state: DossierState | null;
}

export interface StoredAttachment extends AttachmentFacts {
  /** Null on attachments written before the keyed chain. */
  mac: string | null;
}

export interface DossierChainInput {
  dossier: DossierFacts & { lastEventSeq: number; lastEventHash: string | null };
  /** In seq order. */
  events: readonly StoredEvent[];
  attachments: readonly StoredAttachment[];
  /** The dossier's result document, if any (a signed one is sealed). */
  result?: ResultFacts | null;
  /** The dossier's row in audit_legacy_seal (legacy-seal.ts); null when not sealed. */
  legacySeal: { seq: number; hash: string; mac: string } | null;
  /** The latest head published for this dossier (heads.log), if any. */
  publishedHead?: { seq: number; link: string; date: string } | null;
}

export interface DossierChainCheck {
  valid: boolean;
  /** Index in the events of the first broken link; events.length when events are missing at the end. */
  firstInvalidIndex: number | null;
  /** The seq of that link (null when it is not an event's). */
  seq: number | null;
  /** What differs, in words an auditor can act on. */
  reason: string | null;
}

const OK: DossierChainCheck = { valid: true, firstInvalidIndex: null, seq: null, reason: null };

function broken(index: number, seq: number | null, reason: string): DossierChainCheck {
  return { valid: false, firstInvalidIndex: index, seq, reason };
}

/** Field names whose values differ between two states (attachments compared one by one). */
export function stateDifferences(sealed: DossierState, now: DossierState, allowNewAttachments: boolean): string[] {
  const out: string[] = [];
  for (const k of Object.keys(sealed) as (keyof DossierState)[]) {
    if (k === 'attachments') continue;
    // Only the keys the sealed state has: an older link, sealed before a field was added, still verifies.
    if (canonicalJson((sealed[k] ?? null) as Json) !== canonicalJson((now[k] ?? null) as Json)) out.push(k);
  }
  const current = new Map(now.attachments.map((a) => [a.id, a]));
  for (const a of sealed.attachments) {
    const c = current.get(a.id);
    if (!c) out.push(`attachment ${a.id} missing`);
    else {
      for (const f of Object.keys(a) as (keyof AttachmentState)[]) {
        if (a[f] !== c[f]) out.push(`attachment ${a.id} ${f}`);
      }
    }
    current.delete(a.id);
  }
  if (!allowNewAttachments) for (const id of current.keys()) out.push(`attachment ${id} added`);
  return out;
}

/**
 * Check one dossier's chain with the key: every link in order, the legacy links against the
 * seal, the anchor on the dossier row, every attachment's MAC, the current row and attachments
 * against the state the last link sealed, and the last published head. First break wins.
 */
export function verifyDossierChain(key: Buffer, input: DossierChainInput): DossierChainCheck {
  const { dossier, events, attachments } = input;
  let prev: string | null = null;
  let lastState: DossierState | null = null;
  let sawV2 = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.seq !== i + 1)
      return broken(i, e.seq, `event seq ${e.seq} found at position ${i + 1} (missing or reordered)`);
    if (e.chainVersion === CHAIN_V2) {
      if (!e.state) return broken(i, e.seq, 'sealed state missing');
      if (!sameMac(e.hash, keyedLink(key, prev, { ...e, dossierId: dossier.id }, e.state))) {
        return broken(i, e.seq, 'keyed link does not match the event or its sealed state');
      }
      sawV2 = true;
      lastState = e.state;
    } else if (e.chainVersion === CHAIN_V1) {
      if (sawV2) return broken(i, e.seq, 'unkeyed (v1) link after a keyed one');
      if (eventHash(prev, { ...e, dossierId: dossier.id }) !== e.hash) {
        return broken(i, e.seq, 'v1 hash does not match the event');
      }
      const seal = input.legacySeal;
      if (!seal || e.seq > seal.seq) return broken(i, e.seq, 'v1 link not in the keyed legacy seal');
      if (e.seq === seal.seq && e.hash !== seal.hash) return broken(i, e.seq, 'v1 link differs from the legacy seal');
    } else {
      return broken(i, e.seq, `unknown chain version ${e.chainVersion}`);
    }
    prev = e.hash;
  }
  if (input.legacySeal && events.length < input.legacySeal.seq) {
    return broken(events.length, events.length + 1, `sealed legacy events missing after seq ${events.length}`);
  }
  if (dossier.lastEventSeq !== events.length || (dossier.lastEventHash ?? null) !== prev) {
    return broken(events.length, null, `dossier anchor (seq ${dossier.lastEventSeq}) differs from the timeline's end`);
  }
  const last = events.length - 1;
  // A chain still ending in v1 links: the seal's MAC pins that end and the row (and attachments) as sealed.
  if (events.length && !sawV2) {
    const seal = input.legacySeal!;
    const now = legacyState(dossier, attachments);
    if (!sameMac(seal.mac, legacySealMac(key, dossier.id, seal.seq, seal.hash, now))) {
      return broken(
        last,
        events[last].seq,
        'dossier differs from the state sealed with its legacy chain (or the seal was forged)',
      );
    }
  }
  const sealedIds = new Set(lastState?.attachments.map((a) => a.id) ?? []);
  for (const a of attachments) {
    if (a.mac === null) {
      // Written before the keyed chain: trusted only as part of a sealed state, or on a legacy-only dossier.
      if (sawV2 && !sealedIds.has(a.id))
        return broken(last, events[last]?.seq ?? null, `attachment ${a.id} has no MAC`);
    } else if (!sameMac(a.mac, attachmentMac(key, dossier.id, a))) {
      return broken(
        Math.max(last, 0),
        events[last]?.seq ?? null,
        `attachment ${a.id} (${a.fileName}) differs from its MAC`,
      );
    }
  }
  if (lastState) {
    const diff = stateDifferences(
      lastState,
      dossierState(dossier, attachments, input.result ?? null),
      UPLOAD_STATUSES.has(dossier.status),
    );
    if (diff.length) return broken(last, events[last].seq, `dossier differs from the sealed state: ${diff.join(', ')}`);
  }
  const head = input.publishedHead;
  if (head && (events.length < head.seq || events[head.seq - 1].hash !== head.link)) {
    const at = Math.min(head.seq - 1, events.length);
    return broken(at, head.seq, `head published on ${head.date} (seq ${head.seq}) is no longer in the chain`);
  }
  return OK;
}
