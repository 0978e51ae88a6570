import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDossierCode } from '@motcua/shared';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import {
  as,
  completeDraft,
  createDraft,
  createWorld,
  dossierIn,
  stateOf,
  versionOf,
  type World,
} from './dossiers.factories.js';

jest.setTimeout(120_000);

describe('dossiers under concurrency', () => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-concurrency-'));
    t = await createTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives 50 concurrent submissions at one agency 50 distinct consecutive codes', async () => {
    const w: World = await createWorld(t, { requiredDocuments: [] });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await createDraft(w));
    const answers = await Promise.all(
      ids.map((id) => as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID())),
    );
    expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200));
    const parts = answers.map((r) => parseDossierCode(r.body.code as string)!);
    expect(new Set(parts.map((p) => p.agencyCode))).toEqual(new Set([w.agency.code]));
    expect(new Set(parts.map((p) => p.dateKey))).toEqual(new Set(['2026-11-27']));
    expect(parts.map((p) => p.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const [{ last_seq }] = await t.ds.query(`SELECT last_seq FROM dossier_code_seq WHERE agency_code = $1`, [
      w.agency.code,
    ]);
    expect(last_seq).toBe(50);
  });

  it('starts the sequence again on the next local day', async () => {
    const w = await createWorld(t, { requiredDocuments: [] });
    const before = t.clock.now();
    // 23:59 local on 27/11 and 00:01 local on 28/11.
    t.clock.set('2026-11-27T16:59:00Z');
    const a = await createDraft(w);
    const first = await as(t, w.citizen).post(`/dossiers/${a}/submit`).set('Idempotency-Key', randomUUID());
    t.clock.set('2026-11-27T17:01:00Z');
    const b = await createDraft(w);
    const second = await as(t, w.citizen).post(`/dossiers/${b}/submit`).set('Idempotency-Key', randomUUID());
    t.clock.set(before);
    expect(first.body.code).toBe(`${w.agency.code}-261127-0001`);
    expect(second.body.code).toBe(`${w.agency.code}-261128-0001`);
  });

  it('lets exactly one of 4 concurrent identical actions win, with one timeline event', async () => {
    const w = await createWorld(t);
    const id = await dossierIn(w, 'SUBMITTED');
    const before = await stateOf(w, id);
    const version = await versionOf(w, id);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        as(t, w.staff.RECEPTIONIST).post(`/dossiers/${id}/actions`, { action: 'receive', version }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await stateOf(w, id)).toEqual({
      status: 'RECEIVED',
      version: before.version + 1,
      events: before.events + 1,
    });
  });

  it('lets one of 4 concurrent supplements win and moves the due date once', async () => {
    const w = await createWorld(t);
    const id = await dossierIn(w, 'SUPPLEMENT_REQUESTED');
    const [{ due_at: dueBefore }] = await t.ds.query(`SELECT due_at FROM dossier WHERE id = $1`, [id]);
    t.clock.advance(3 * 24 * 3600_000);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => as(t, w.citizen).post(`/dossiers/${id}/supplement`, { note: 'Đã bổ sung' })),
    );
    t.clock.advance(-3 * 24 * 3600_000);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const [{ due_at: dueAfter, n }] = await t.ds.query(
      `SELECT due_at, (SELECT count(*)::int FROM dossier_event WHERE dossier_id = $1 AND type = 'supplement') AS n
         FROM dossier WHERE id = $1`,
      [id],
    );
    expect(n).toBe(1);
    expect((dueAfter as Date).getTime()).toBeGreaterThan((dueBefore as Date).getTime());
  });

  it('answers the same Idempotency-Key replayed 100 times at once with one submission and identical answers', async () => {
    const w = await createWorld(t);
    const id = await completeDraft(w);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', key)),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await stateOf(w, id)).toMatchObject({ status: 'SUBMITTED', events: 1 });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM dossier WHERE code IS NOT NULL AND agency_code = $1`,
      [w.agency.code],
    );
    expect(n).toBe(1);
    const [{ last_seq }] = await t.ds.query(`SELECT last_seq FROM dossier_code_seq WHERE agency_code = $1`, [
      w.agency.code,
    ]);
    expect(last_seq).toBe(1);
  });
});
