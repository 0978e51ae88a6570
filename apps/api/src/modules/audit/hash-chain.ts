import { createHash } from 'node:crypto';

/** What a timeline event's hash covers: everything that says who did what, when, to which dossier. */
export interface TimelineEventContent {
  dossierId: string;
  /** Position of the event in its dossier's timeline, from 1. */
  seq: number;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: string | null;
  actorRole: string | null;
  note: string | null;
  at: Date | string;
}

export interface HashedTimelineEvent extends TimelineEventContent {
  /** The hash stored with the event when it was written. */
  hash: string;
}

export interface ChainCheck {
  valid: boolean;
  /** Index (in the order given) of the first event whose stored hash does not match; null when valid. */
  firstInvalidIndex: number | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hashed content of an event, with only the known fields (a stored row may carry more) and `at` as ISO UTC. */
export function eventContentJson(e: TimelineEventContent): string {
  return canonicalJson({
    dossierId: e.dossierId,
    seq: e.seq,
    type: e.type,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    actorId: e.actorId ?? null,
    actorRole: e.actorRole ?? null,
    note: e.note ?? null,
    at: new Date(e.at).toISOString(),
  });
}

/** sha256 hex of the previous event's hash (empty for the first) followed by this event's canonical JSON. */
export function eventHash(prevHash: string | null, content: TimelineEventContent): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update(eventContentJson(content))
    .digest('hex');
}

/**
 * Recompute the chain of one dossier's events, in timeline order (seq 1, 2, 3…). A changed field,
 * a swapped or a deleted event changes the hash at that position, which no longer matches the
 * stored one. Only an anchor kept outside the events can show that the LAST events were removed:
 * pass `lastHash` (e.g. the dossier row's hash of its latest event); when it does not match,
 * firstInvalidIndex is `events.length`, the place of the first missing event.
 */
export function verifyChain(
  events: readonly HashedTimelineEvent[],
  options: { lastHash?: string | null } = {},
): ChainCheck {
  let prev: string | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.seq !== i + 1 || eventHash(prev, e) !== e.hash) return { valid: false, firstInvalidIndex: i };
    prev = e.hash;
  }
  if (options.lastHash !== undefined && options.lastHash !== prev) {
    return { valid: false, firstInvalidIndex: events.length };
  }
  return { valid: true, firstInvalidIndex: null };
}
