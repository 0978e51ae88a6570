import pg from 'pg';
import { runDemoSeeds } from '../../database/seeds/demo-seed.js';
import { generateHistory } from '../../database/seeds/history.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { AuditService } from './audit.service.js';

/**
 * Chains from before the key (v1, plain sha256, as the history generator and earlier releases
 * write them): sealed once with the key, then an edit of such a dossier, or a forged v1 chain, is
 * detected although anyone can recompute a v1 link.
 */
describe('the legacy seal', () => {
  let t: TestApp;
  let audit: AuditService;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
    await audit.whenLegacySealed();
    await runDemoSeeds(t.ds, () => undefined);
    const now = new Date('2026-11-27T04:00:00Z');
    await generateHistory(t.ds, { count: 40, to: '2026-11-27', seed: 'legacy', now, skipRebuild: true });
    ids = (await t.ds.query<{ id: string }[]>(`SELECT id FROM dossier ORDER BY id`)).map((r) => r.id);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('seals on the first start only: chains loaded later stay unsealed (reported) until an operator seals them', async () => {
    expect(await audit.sealLegacy(false)).toBe(0);
    const before = await audit.verifyAll();
    expect(before.breaks).toHaveLength(40);
    expect(before.breaks[0].reason).toBe('v1 link not in the keyed legacy seal');
    expect(await audit.sealLegacy(true)).toBe(40);
    const after = await audit.verifyAll();
    expect(after).toMatchObject({ dossiers: 40, breaks: [] });
  });

  it('detects a superuser’s edit of a sealed legacy dossier, a rewritten v1 chain and a deleted seal row', async () => {
    const su = new pg.Client({ connectionString: t.db.url });
    await su.connect();
    try {
      await su.query(`SET session_replication_role = replica`);
      await su.query(`UPDATE dossier SET due_at = due_at + interval '3 days' WHERE id = $1`, [ids[0]]);
      await su.query(`UPDATE dossier_event SET note = 'sửa' WHERE dossier_id = $1 AND seq = 1`, [ids[1]]);
      await su.query(`DELETE FROM audit_legacy_seal WHERE dossier_id = $1`, [ids[2]]);
    } finally {
      await su.end();
    }
    const report = await audit.verifyAll();
    expect(report.breaks.map((b) => b.dossierId).sort()).toEqual(ids.slice(0, 3).sort());
    const byId = new Map(report.breaks.map((b) => [b.dossierId, b]));
    expect(byId.get(ids[0])!.reason).toMatch(/state sealed with its legacy chain/);
    expect(byId.get(ids[1])).toMatchObject({ seq: 1, reason: 'v1 hash does not match the event' });
    expect(byId.get(ids[2])!.reason).toBe('v1 link not in the keyed legacy seal');
    expect(byId.get(ids[0])!.code).toMatch(/-\d{6}-\d{4,}$/);
  });
});
