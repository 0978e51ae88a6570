import { createHash } from 'node:crypto';
import {
  canonicalJson,
  eventHash,
  verifyChain,
  type HashedTimelineEvent,
  type TimelineEventContent,
} from './hash-chain.js';

const DOSSIER = '7b0f8a0e-3c1d-4f57-9c55-2f1a3e0b9d11';

const CONTENTS: TimelineEventContent[] = [
  {
    dossierId: DOSSIER,
    seq: 1,
    type: 'SUBMITTED',
    fromStatus: 'DRAFT',
    toStatus: 'SUBMITTED',
    actorId: 'c1',
    actorRole: 'CITIZEN',
    note: null,
    at: new Date('2026-11-27T01:00:00Z'),
  },
  {
    dossierId: DOSSIER,
    seq: 2,
    type: 'RECEIVED',
    fromStatus: 'SUBMITTED',
    toStatus: 'RECEIVED',
    actorId: 'r1',
    actorRole: 'RECEPTIONIST',
    note: null,
    at: new Date('2026-11-27T02:00:00Z'),
  },
  {
    dossierId: DOSSIER,
    seq: 3,
    type: 'ASSIGNED',
    fromStatus: 'RECEIVED',
    toStatus: 'IN_PROCESSING',
    actorId: 'o1',
    actorRole: 'OFFICER',
    note: null,
    at: new Date('2026-11-27T03:00:00Z'),
  },
  {
    dossierId: DOSSIER,
    seq: 4,
    type: 'SUPPLEMENT_REQUESTED',
    fromStatus: 'IN_PROCESSING',
    toStatus: 'SUPPLEMENT_REQUESTED',
    actorId: 'o1',
    actorRole: 'OFFICER',
    note: 'Thiếu bản sao giấy chứng sinh',
    at: new Date('2026-11-28T03:00:00Z'),
  },
  {
    dossierId: DOSSIER,
    seq: 5,
    type: 'SUPPLEMENTED',
    fromStatus: 'SUPPLEMENT_REQUESTED',
    toStatus: 'IN_PROCESSING',
    actorId: 'c1',
    actorRole: 'CITIZEN',
    note: 'Đã bổ sung',
    at: new Date('2026-11-29T03:00:00Z'),
  },
];

/** Hash the events as the dossier module writes them, each on the previous one's hash. */
function chain(contents: TimelineEventContent[]): HashedTimelineEvent[] {
  const out: HashedTimelineEvent[] = [];
  for (const c of contents) out.push({ ...c, hash: eventHash(out.at(-1)?.hash ?? null, c) });
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every level so key order never changes the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[1,{"y":"x","z":null}]},"b":1}',
    );
  });
});

describe('event hash', () => {
  it('is the sha256 of the previous hash followed by the canonical content, at in ISO UTC', () => {
    const c = CONTENTS[0];
    const json =
      '{"actorId":"c1","actorRole":"CITIZEN","at":"2026-11-27T01:00:00.000Z","dossierId":"' +
      DOSSIER +
      '","fromStatus":"DRAFT","note":null,"seq":1,"toStatus":"SUBMITTED","type":"SUBMITTED"}';
    expect(eventHash(null, c)).toBe(createHash('sha256').update(json).digest('hex'));
    expect(eventHash('ab'.repeat(32), c)).toBe(
      createHash('sha256')
        .update('ab'.repeat(32) + json)
        .digest('hex'),
    );
  });

  it('is the same whether `at` is a Date or its ISO text, and ignores extra row fields', () => {
    const c = CONTENTS[1];
    const fromRow = { ...c, at: '2026-11-27T02:00:00.000Z', id: 'row-id', createdAt: 'whenever' };
    expect(eventHash('p', fromRow)).toBe(eventHash('p', c));
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain, and an empty one', () => {
    expect(verifyChain(chain(CONTENTS))).toEqual({ valid: true, firstInvalidIndex: null });
    expect(verifyChain([])).toEqual({ valid: true, firstInvalidIndex: null });
  });

  const fields: [keyof TimelineEventContent, unknown][] = [
    ['dossierId', '00000000-0000-0000-0000-000000000000'],
    ['seq', 9],
    ['type', 'APPROVED'],
    ['fromStatus', 'PENDING_APPROVAL'],
    ['toStatus', 'RETURNED'],
    ['actorId', 'someone-else'],
    ['actorRole', 'APPROVER'],
    ['note', 'Thiếu bản sao giấy chứng sinh.'],
    ['at', new Date('2026-11-28T03:00:00.001Z')],
  ];
  it.each(fields)('detects a change of %s in one stored event', (field, value) => {
    for (let i = 0; i < CONTENTS.length; i++) {
      const events = chain(CONTENTS);
      expect(events[i][field]).not.toEqual(value);
      events[i] = { ...events[i], [field]: value };
      expect(verifyChain(events)).toEqual({ valid: false, firstInvalidIndex: i });
    }
  });

  it('detects a note set where there was none, and removed where there was one', () => {
    const events = chain(CONTENTS);
    expect(verifyChain(events.map((e, i) => (i === 0 ? { ...e, note: '' } : e))).firstInvalidIndex).toBe(0);
    expect(verifyChain(events.map((e, i) => (i === 3 ? { ...e, note: null } : e))).firstInvalidIndex).toBe(3);
  });

  it('detects a tampered event even when its stored hash was recomputed, from the next event on', () => {
    const events = chain(CONTENTS);
    const forged = { ...events[1], actorId: 'r2' };
    events[1] = { ...forged, hash: eventHash(events[0].hash, forged) };
    expect(verifyChain(events)).toEqual({ valid: false, firstInvalidIndex: 2 });
  });

  it('detects two events swapped', () => {
    const events = chain(CONTENTS);
    [events[1], events[2]] = [events[2], events[1]];
    expect(verifyChain(events)).toEqual({ valid: false, firstInvalidIndex: 1 });
  });

  it('detects a deleted first or middle event', () => {
    const events = chain(CONTENTS);
    expect(verifyChain(events.slice(1))).toEqual({ valid: false, firstInvalidIndex: 0 });
    expect(verifyChain([...events.slice(0, 2), ...events.slice(3)])).toEqual({ valid: false, firstInvalidIndex: 2 });
  });

  it('detects deleted last events against the anchor hash kept on the dossier', () => {
    const events = chain(CONTENTS);
    const last = events.at(-1)!.hash;
    expect(verifyChain(events, { lastHash: last })).toEqual({ valid: true, firstInvalidIndex: null });
    expect(verifyChain(events.slice(0, 3), { lastHash: last })).toEqual({ valid: false, firstInvalidIndex: 3 });
    expect(verifyChain([], { lastHash: last })).toEqual({ valid: false, firstInvalidIndex: 0 });
  });

  it('detects an event carried over from another dossier’s chain', () => {
    const other = chain(CONTENTS.map((c) => ({ ...c, dossierId: 'other' })));
    const events = chain(CONTENTS);
    events[2] = { ...other[2], dossierId: DOSSIER };
    expect(verifyChain(events).valid).toBe(false);
  });
});
