import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventHash, type TimelineEventContent } from './hash-chain.js';
import { appendPublishedHeads, headsLogPath, readPublishedHeads } from './heads-log.js';
import {
  attachmentMac,
  CHAIN_V1,
  CHAIN_V2,
  dossierState,
  keyedLink,
  legacySealMac,
  legacyState,
  verifyDossierChain,
  type DossierFacts,
  type StoredAttachment,
  type StoredEvent,
} from './keyed-chain.js';

const KEY = Buffer.from('k'.repeat(64));
const ID = '7b0f8a0e-3c1d-4f57-9c55-2f1a3e0b9d11';

const ROW: DossierFacts = {
  id: ID,
  code: 'H17-261127-0001',
  status: 'SUBMITTED',
  applicantId: 'c1',
  procedureCode: 'P1',
  procedureVersion: 1,
  agencyCode: 'H17',
  channel: 'ONLINE',
  fee: 0,
  formData: { fullName: 'Nguyễn Văn A', birth: { day: 1 } },
  assigneeId: null,
  submittedAt: new Date('2026-11-27T01:00:00Z'),
  receivedAt: null,
  dueAt: null,
  completedAt: null,
  returnedAt: null,
  supplementRequestedAt: null,
};

const ATT = { id: 'a1', documentCode: 'CMND', fileName: 'cmnd.pdf', mimeType: 'application/pdf', size: 10 };
function attachment(extra: Partial<StoredAttachment> = {}): StoredAttachment {
  const a = {
    ...ATT,
    sha256: 'ab'.repeat(32),
    uploadedBy: 'c1',
    uploadedAt: new Date('2026-11-27T00:00:00Z'),
    ...extra,
  };
  return { ...a, mac: attachmentMac(KEY, ID, a) };
}

function event(seq: number, prev: string | null, state: DossierFacts, atts: StoredAttachment[]): StoredEvent {
  const c: TimelineEventContent = {
    dossierId: ID,
    seq,
    type: `t${seq}`,
    fromStatus: null,
    toStatus: state.status,
    actorId: 'x',
    actorRole: 'CITIZEN',
    note: null,
    at: new Date(Date.UTC(2026, 10, 27, seq)),
  };
  const s = dossierState(state, atts);
  return { ...c, hash: keyedLink(KEY, prev, c, s), chainVersion: CHAIN_V2, state: s };
}

function input(events: StoredEvent[], row: DossierFacts, attachments: StoredAttachment[]) {
  return {
    dossier: { ...row, lastEventSeq: events.length, lastEventHash: events.at(-1)?.hash ?? null },
    events,
    attachments,
    legacySeal: null,
  };
}

describe('the keyed chain', () => {
  const atts = [attachment()];
  const e1 = event(1, null, ROW, atts);
  const supplement = { ...ROW, status: 'SUPPLEMENT_REQUESTED' };
  const e2 = event(2, e1.hash, supplement, atts);

  it('verifies a chain whose last link sealed the current row and attachments', () => {
    expect(verifyDossierChain(KEY, input([e1, e2], supplement, atts))).toMatchObject({ valid: true });
  });

  it('fails under another key, naming the first link', () => {
    const other = verifyDossierChain(Buffer.from('x'.repeat(64)), input([e1, e2], supplement, atts));
    expect(other).toMatchObject({ valid: false, firstInvalidIndex: 0, seq: 1 });
  });

  it('lets the applicant add a MAC-ed attachment while a supplement is awaited, not an unsealed one', () => {
    const added = attachment({ id: 'a2', sha256: 'cd'.repeat(32) });
    expect(verifyDossierChain(KEY, input([e1, e2], supplement, [...atts, added])).valid).toBe(true);
    const check = verifyDossierChain(KEY, input([e1, e2], supplement, [...atts, { ...added, mac: null }]));
    expect(check).toMatchObject({ valid: false, reason: 'attachment a2 has no MAC' });
    // After the supplement is sent the set is sealed again: an extra one is named.
    expect(verifyDossierChain(KEY, input([e1], ROW, [...atts, added])).reason).toMatch(/attachment a2 added/);
  });

  it('names the row fields that differ from the sealed state', () => {
    const check = verifyDossierChain(KEY, input([e1, e2], { ...supplement, assigneeId: 'o9', fee: 5 }, atts));
    expect(check).toMatchObject({ valid: false, firstInvalidIndex: 1, seq: 2 });
    expect(check.reason).toBe('dossier differs from the sealed state: fee, assigneeId');
  });

  // Issue 13: the decision's time facts are sealed; links sealed before they existed still verify.
  it('seals the time facts: a forged decided outcome or processing time is named', () => {
    const decided = {
      ...ROW,
      status: 'APPROVED',
      completedAt: new Date('2026-11-28T03:00:00Z'),
      decidedOutcome: 'LATE',
      processingWorkingDays: 6,
    };
    const e3 = event(3, e2.hash, decided, atts);
    expect(verifyDossierChain(KEY, input([e1, e2, e3], decided, atts)).valid).toBe(true);
    const forged = { ...decided, decidedOutcome: 'ON_TIME', processingWorkingDays: 2 };
    expect(verifyDossierChain(KEY, input([e1, e2, e3], forged, atts)).reason).toBe(
      'dossier differs from the sealed state: timeFacts',
    );
  });

  // Issue 15: an apology letter's new appointment is sealed from then on.
  it('seals the appointment: one moved without a sealed event is named, and an older link still verifies', () => {
    const apologised = { ...supplement, appointmentAt: new Date('2026-12-10T10:00:00Z') };
    const e3 = event(3, e2.hash, apologised, atts);
    expect(e3.state).toHaveProperty('appointmentAt', '2026-12-10T10:00:00.000Z');
    expect(verifyDossierChain(KEY, input([e1, e2, e3], apologised, atts)).valid).toBe(true);
    const moved = { ...apologised, appointmentAt: new Date('2026-12-20T10:00:00Z') };
    expect(verifyDossierChain(KEY, input([e1, e2, e3], moved, atts)).reason).toBe(
      'dossier differs from the sealed state: appointmentAt',
    );
    // Set where a link sealed none: named too, once a link seals the field (null).
    const none = event(3, e2.hash, { ...supplement, appointmentAt: null }, atts);
    expect(verifyDossierChain(KEY, input([e1, e2, none], apologised, atts)).reason).toBe(
      'dossier differs from the sealed state: appointmentAt',
    );
    // e2 was sealed by a caller that did not read the field: whatever the row holds, it verifies.
    expect(e2.state).not.toHaveProperty('appointmentAt');
    expect(verifyDossierChain(KEY, input([e1, e2], moved, atts)).valid).toBe(true);
    expect(legacyState(moved, atts)).not.toHaveProperty('appointmentAt');
  });

  it('still verifies a link sealed before the time facts, whatever the row now holds in them', () => {
    const { timeFacts: _dropped, ...old } = e2.state!;
    const c = { ...e2, dossierId: ID };
    const e2old: StoredEvent = { ...e2, hash: keyedLink(KEY, e1.hash, c, old), state: old };
    const row = { ...supplement, pausedWorkingDays: 3, decidedOutcome: null, processingWorkingDays: null };
    expect(verifyDossierChain(KEY, input([e1, e2old], row, atts)).valid).toBe(true);
    // The legacy seal's state never has them (its MACs were written before).
    expect(legacyState(row, atts)).not.toHaveProperty('timeFacts');
  });

  describe('legacy (v1) links', () => {
    const v1: StoredEvent = {
      dossierId: ID,
      seq: 1,
      type: 'submit',
      fromStatus: 'DRAFT',
      toStatus: 'SUBMITTED',
      actorId: 'c1',
      actorRole: 'CITIZEN',
      note: null,
      at: new Date('2026-11-01T00:00:00Z'),
      hash: '',
      chainVersion: CHAIN_V1,
      state: null,
    };
    v1.hash = eventHash(null, v1);
    // Attachments from before the key have no MAC: the legacy seal covers them.
    const old = [{ ...atts[0], mac: null }];
    const seal = { seq: 1, hash: v1.hash, mac: legacySealMac(KEY, ID, 1, v1.hash, legacyState(ROW, old)) };

    it('are trusted up to the sealed head, with the row as sealed', () => {
      expect(verifyDossierChain(KEY, { ...input([v1], ROW, old), legacySeal: seal }).valid).toBe(true);
      // A later upload carries its MAC; the next (keyed) link seals the whole set.
      const added = attachment({ id: 'a2', sha256: 'cd'.repeat(32) });
      expect(verifyDossierChain(KEY, { ...input([v1], ROW, [...old, added]), legacySeal: seal }).valid).toBe(true);
      const next = event(2, v1.hash, ROW, old);
      expect(verifyDossierChain(KEY, { ...input([v1, next], ROW, old), legacySeal: seal }).valid).toBe(true);
    });

    it('are refused without a seal, after a keyed link, or past the sealed head', () => {
      expect(verifyDossierChain(KEY, input([v1], ROW, old))).toMatchObject({
        valid: false,
        seq: 1,
        reason: 'v1 link not in the keyed legacy seal',
      });
      const late: StoredEvent = { ...v1, seq: 2, hash: eventHash(e1.hash, { ...v1, seq: 2 }) };
      expect(
        verifyDossierChain(KEY, { ...input([e1, late], ROW, atts), legacySeal: { ...seal, seq: 2, hash: late.hash } })
          .reason,
      ).toBe('unkeyed (v1) link after a keyed one');
      const extra: StoredEvent = { ...v1, seq: 2, hash: eventHash(v1.hash, { ...v1, seq: 2 }) };
      expect(verifyDossierChain(KEY, { ...input([v1, extra], ROW, old), legacySeal: seal }).seq).toBe(2);
    });

    it('show an edit of a legacy dossier’s row or attachments, and a seal row forged without the key', () => {
      const edited = verifyDossierChain(KEY, {
        ...input([v1], { ...ROW, status: 'APPROVED' }, atts),
        legacySeal: seal,
      });
      expect(edited.reason).toMatch(/differs from the state sealed with its legacy chain/);
      const renamed = [{ ...atts[0], fileName: 'khac.pdf' }];
      expect(verifyDossierChain(KEY, { ...input([v1], ROW, renamed), legacySeal: seal }).valid).toBe(false);
      const forged = { ...seal, mac: legacySealMac(Buffer.from('guess'), ID, 1, v1.hash, legacyState(ROW, atts)) };
      expect(verifyDossierChain(KEY, { ...input([v1], ROW, atts), legacySeal: forged }).valid).toBe(false);
    });
  });

  it('reports a published head the chain no longer holds', () => {
    const check = verifyDossierChain(KEY, {
      ...input([e1], ROW, atts),
      publishedHead: { seq: 2, link: e2.hash, date: '2026-11-28' },
    });
    expect(check).toMatchObject({ valid: false, seq: 2 });
    expect(check.reason).toMatch(/published on 2026-11-28/);
  });
});

describe('published heads and the legacy seal (files outside the database)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-heads-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends keyed, chained lines of the changed heads, and reads back each dossier’s latest', () => {
    const first = appendPublishedHeads(KEY, dir, [{ id: 'd1', seq: 1, link: 'l0' }], {
      date: '2026-12-01',
      at: new Date(),
      events: 1,
      maxEventId: '1',
    });
    const second = appendPublishedHeads(
      KEY,
      dir,
      [
        { id: 'd1', seq: 1, link: 'l1' },
        { id: 'd2', seq: 3, link: 'l3' },
      ],
      { date: '2026-12-02', at: new Date(), events: 4, maxEventId: '4' },
    );
    expect(second).toMatchObject({ n: 2, prev: first.mac, deltaCount: 2, maxEventId: '4' });
    const read = readPublishedHeads(KEY, dir);
    expect(read.problems).toEqual([]);
    expect(read.index.get('d1')).toEqual({ seq: 1, link: 'l1', date: '2026-12-02' });
    expect(read.index.get('d2')).toEqual({ seq: 3, link: 'l3', date: '2026-12-02' });
  });

  it('detects an edited line, a removed line and an edited delta file', () => {
    for (let i = 1; i <= 3; i++) {
      appendPublishedHeads(KEY, dir, [{ id: `d${i}`, seq: i, link: `l${i}` }], {
        date: `2026-12-0${i}`,
        at: new Date(),
        events: i,
        maxEventId: String(i),
      });
    }
    const file = headsLogPath(dir);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    writeFileSync(file, [lines[0], lines[1].replace('"events":2', '"events":9'), lines[2]].join('\n') + '\n');
    expect(readPublishedHeads(KEY, dir).problems).toEqual(['heads.log line 2 (2026-12-02): MAC does not verify']);
    writeFileSync(file, [lines[0], lines[2]].join('\n') + '\n');
    expect(readPublishedHeads(KEY, dir).problems.join()).toMatch(/line 2 .*not chained/);
    writeFileSync(file, lines.join('\n') + '\n');
    writeFileSync(path.join(dir, 'audit', 'heads', '1.txt'), 'd1 1 forged\n');
    expect(readPublishedHeads(KEY, dir).problems.join()).toMatch(/line 1 .*delta file/);
  });
});
