import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuditResponse } from '@motcua/shared';
import { loadConfig } from '../../config/config.js';
import { FixedClock } from '../../common/clock.js';
import { rolePrivileges } from '../../database/app-role.js';
import { resolveAuditKey } from '../audit/audit-key.js';
import { formatReport } from '../audit/audit-report.js';
import { AuditService } from '../audit/audit.service.js';
import { readPublishedHeads } from '../audit/heads-log.js';
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

  it('runs the API as a role that may not rewrite the timeline, drop its guard or leave replication mode', async () => {
    const id = await dossierIn(w, 'RECEIVED');
    const [role] = await t.ds.query<{ name: string; superuser: boolean; owner: boolean }[]>(
      `SELECT current_user AS name, r.rolsuper AS superuser,
              pg_has_role(current_user, c.relowner, 'USAGE') AS owner
         FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'dossier_event'::regclass`,
    );
    expect(role).toMatchObject({ superuser: false, owner: false });
    const denied = /permission denied/;
    await expect(t.ds.query(`UPDATE dossier_event SET note = 'sửa' WHERE dossier_id = $1`, [id])).rejects.toThrow(
      denied,
    );
    await expect(t.ds.query(`DELETE FROM dossier_event WHERE dossier_id = $1`, [id])).rejects.toThrow(denied);
    await expect(t.ds.query(`TRUNCATE dossier_event CASCADE`)).rejects.toThrow(denied);
    await expect(t.ds.query(`UPDATE attachment SET sha256 = 'x' WHERE dossier_id = $1`, [id])).rejects.toThrow(denied);
    await expect(t.ds.query(`DELETE FROM attachment WHERE dossier_id = $1`, [id])).rejects.toThrow(denied);
    await expect(t.ds.query(`ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_no_change`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(t.ds.query(`ALTER TABLE dossier_event DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(t.ds.query(`SET session_replication_role = replica`)).rejects.toThrow(denied);
    await expect(t.ds.query(`DROP TRIGGER dossier_event_no_change ON dossier_event`)).rejects.toThrow(/must be owner/);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1`, [id]);
    expect(n).toBe(2);
  });

  it('still refuses UPDATE and DELETE of events to the owner through the trigger', async () => {
    const id = await dossierIn(w, 'RECEIVED');
    const owner = new pg.Client({ connectionString: t.db.url });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE dossier_event SET note = 'sửa' WHERE dossier_id = $1`, [id])).rejects.toThrow(
        /append-only/,
      );
      await expect(owner.query(`DELETE FROM dossier_event WHERE dossier_id = $1`, [id])).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('names the first broken link: an edited note at seq 2 (the superuser cases are in security/tamper.int-spec.ts)', async () => {
    const id = await dossierIn(w, 'IN_PROCESSING');
    const owner = new pg.Client({ connectionString: t.db.url });
    await owner.connect();
    try {
      await owner.query(`SET session_replication_role = replica`);
      await owner.query(`UPDATE dossier_event SET note = 'Đã tiếp nhận đủ hồ sơ' WHERE dossier_id = $1 AND seq = 2`, [
        id,
      ]);
    } finally {
      await owner.end();
    }
    const res = await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: false, firstInvalidIndex: 1 });
    expect((res.body as AuditResponse).reason).toMatch(/keyed link/);
  });

  it('publishes the heads to heads.log: the first line every dossier, the next only those that changed', async () => {
    const audit = t.app.get(AuditService);
    const first = await audit.publishHead(t.clock.now());
    const [{ n }] = await t.ds.query<{ n: number }[]>(`SELECT count(DISTINCT dossier_id)::int AS n FROM dossier_event`);
    expect(first).toMatchObject({ n: 1, deltaCount: n, prev: null });
    const id = await dossierIn(w, 'SUBMITTED');
    t.clock.advance(24 * 3600_000);
    const second = await audit.publishHead(t.clock.now());
    expect(second.prev).toBe(first.mac);
    const heads = readPublishedHeads(resolveAuditKey(t.config), dataDir);
    expect(heads.problems).toEqual([]);
    expect(heads.index.get(id)).toMatchObject({ seq: 1, date: second.date });
    // The dossiers of the first line are carried in it, plus the new one and any the margin re-read.
    expect(second.deltaCount).toBeGreaterThanOrEqual(1);
    const report = await audit.verifyAll();
    // Only the dossier an earlier test tampered with is named, by code and seq.
    expect(report).toMatchObject({ publications: 2, fileProblems: [] });
    expect(report.breaks).toEqual([
      expect.objectContaining({ seq: 2, reason: 'keyed link does not match the event or its sealed state' }),
    ]);
    expect(formatReport(report)).toMatch(
      /BROKEN dossier \S+ \[.+\] at event seq 2: keyed link[^\n]*\n1 break\(s\) found\.$/,
    );
  });

  it('refuses to start in production when connected as the owner (a superuser here)', async () => {
    const ownerDs = new DataSource({ type: 'postgres', url: t.db.url });
    await ownerDs.initialize();
    try {
      expect(await rolePrivileges((sql) => ownerDs.query(sql))).toMatchObject({ superuser: true, ownsAudit: true });
      expect(await rolePrivileges((sql) => t.ds.query(sql))).toMatchObject({
        superuser: false,
        ownsAudit: false,
        mayRewriteAudit: false,
      });
      const production = { ...loadConfig({ NODE_ENV: 'test' }), env: 'production' as const, dataDir };
      const service = new AuditService(ownerDs, production, Buffer.from('k'.repeat(32)), new FixedClock(new Date()));
      await expect(service.onModuleInit()).rejects.toThrow(/is a superuser/);
    } finally {
      await ownerDs.destroy();
    }
  });
});
