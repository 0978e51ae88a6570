import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditResponse } from '@motcua/shared';
import { createUser } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { as, createWorld, dossierIn, type World } from './dossiers.factories.js';

describe('the timeline: hash-chained, append-only, audited', () => {
  let t: TestApp;
  let dataDir: string;
  let w: World;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-audit-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports a valid chain to a manager of the agency and to an admin', async () => {
    const id = await dossierIn(w, 'PENDING_APPROVAL');
    for (const user of [w.staff.MANAGER, w.staff.ADMIN]) {
      const res = await as(t, user).get(`/dossiers/${id}/audit`);
      expect(res.status).toBe(200);
      const body = res.body as AuditResponse;
      expect(body.valid).toBe(true);
      expect(body.firstInvalidIndex).toBeNull();
      expect(body.events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'submit'],
        [2, 'receive'],
        [3, 'assign'],
        [4, 'submit_for_approval'],
      ]);
      expect(body.events[0].prevHash).toBeNull();
      expect(body.events[1].prevHash).toBe(body.events[0].hash);
    }
  });

  it('is for managers and admins only, within scope', async () => {
    const id = await dossierIn(w, 'SUBMITTED');
    expect((await as(t, w.citizen).get(`/dossiers/${id}/audit`)).status).toBe(403);
    expect((await as(t, w.staff.OFFICER).get(`/dossiers/${id}/audit`)).status).toBe(403);
    const otherManager = await createUser(t.ds, { roles: ['MANAGER'], agencyCode: w.otherAgency.code });
    expect((await as(t, otherManager).get(`/dossiers/${id}/audit`)).status).toBe(404);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events to the API’s connection (trigger)', async () => {
    const id = await dossierIn(w, 'RECEIVED');
    await expect(t.ds.query(`UPDATE dossier_event SET note = 'sửa' WHERE dossier_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ds.query(`DELETE FROM dossier_event WHERE dossier_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE dossier_event CASCADE`)).rejects.toThrow(/append-only/);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1`, [id]);
    expect(n).toBe(2);
  });

  it('reports valid:false once one stored event is tampered with by the database owner', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    // The owner can switch the trigger off: done for this one statement, in one transaction.
    await t.ds.transaction(async (m) => {
      await m.query(`ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_no_change`);
      await m.query(`UPDATE dossier_event SET note = 'Đã tiếp nhận đủ hồ sơ' WHERE dossier_id = $1 AND seq = 2`, [id]);
      await m.query(`ALTER TABLE dossier_event ENABLE TRIGGER dossier_event_no_change`);
    });
    const res = await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: false, firstInvalidIndex: 1 });
  });

  it('reports valid:false when the last event is deleted (the dossier keeps the chain’s anchor)', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    await t.ds.transaction(async (m) => {
      await m.query(`ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_no_change`);
      await m.query(`DELETE FROM dossier_event WHERE dossier_id = $1 AND seq = 3`, [id]);
      await m.query(`ALTER TABLE dossier_event ENABLE TRIGGER dossier_event_no_change`);
    });
    const res = await as(t, w.staff.ADMIN).get(`/dossiers/${id}/audit`);
    expect(res.body).toMatchObject({ valid: false, firstInvalidIndex: 2 });
  });
});
