/**
 * The queue's opaque keyset cursor: the last row's sort time (microseconds, as PostgreSQL keeps
 * it) and id, base64url JSON. Null when it is not one of ours (the caller answers 400).
 */
export interface QueueCursor {
  sortAt: string;
  id: string;
}

const SORT_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.sortAt, c.id])).toString('base64url');
}

export function decodeQueueCursor(text: string): QueueCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [sortAt, id] = value as unknown[];
    if (typeof sortAt !== 'string' || !SORT_AT.test(sortAt) || Number.isNaN(Date.parse(sortAt))) return null;
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    return { sortAt, id };
  } catch {
    return null;
  }
}
