import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { AuditResponse } from '@motcua/shared';
import { AuditService, type AuditReport } from '../modules/audit/audit.service.js';
import { eventHash } from '../modules/audit/hash-chain.js';
import { as, createWorld, dossierIn, type World } from '../modules/dossiers/dossiers.factories.js';
import { createUser } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

/**
 * Tamper evidence against the database's owner (issue 12, item 11): 26 kinds of edit, each made
 * by a SUPERUSER that has no audit key, with `session_replication_role = replica` so no trigger
 * (the append-only guard, foreign keys) stands in the way. Each must be detected both by
 * `npm run audit:verify` (AuditService.verifyAll) and by GET /dossiers/{id}/audit.
 */

type Sql = (text: string, params?: unknown[]) => Promise<pg.QueryResult>;

interface EventRow {
  id: string;
  seq: number;
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: string | null;
  actor_role: string | null;
  note: string | null;
  at: Date;
  hash: string;
}

/** Recompute plain sha256 links (the old chain's rule) from `fromSeq` on, and the dossier's anchor. */
async function rehashPlain(sql: Sql, dossierId: string, options: { downgrade?: boolean } = {}): Promise<void> {
  const { rows } = await sql(`SELECT * FROM dossier_event WHERE dossier_id = $1 ORDER BY seq`, [dossierId]);
  let prev: string | null = null;
  for (const e of rows as EventRow[]) {
    const hash = eventHash(prev, {
      dossierId,
      seq: e.seq,
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorId: e.actor_id,
      actorRole: e.actor_role,
      note: e.note,
      at: e.at,
    });
    await sql(
      `UPDATE dossier_event SET prev_hash = $2, hash = $3 ${options.downgrade ? ', chain_version = 1, state = NULL' : ''}
        WHERE id = $1`,
      [e.id, prev, hash],
    );
    prev = hash;
  }
  await sql(`UPDATE dossier SET last_event_seq = $2, last_event_hash = $3 WHERE id = $1`, [
    dossierId,
    rows.length,
    prev,
  ]);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

interface TamperCase {
  kind: 'dossier row' | 'attachment row' | 'timeline row' | 're-hashed forgery';
  name: string;
  edit: (sql: Sql, id: string, w: World) => Promise<void>;
}

const CASES: TamperCase[] = [
  // Dossier rows: the decisive fields the last link sealed.
  {
    kind: 'dossier row',
    name: 'status',
    edit: (sql, id) => sql(`UPDATE dossier SET status = 'REJECTED' WHERE id = $1`, [id]).then(),
  },
  {
    kind: 'dossier row',
    name: 'applicant',
    edit: async (sql, id, w) => {
      const other = await createUser(w.t.ds);
      await sql(`UPDATE dossier SET applicant_id = $2 WHERE id = $1`, [id, other.id]);
    },
  },
  {
    kind: 'dossier row',
    name: 'form data',
    edit: (sql, id) =>
      sql(`UPDATE dossier SET form_data = jsonb_set(form_data, '{fullName}', '"Người Khác"') WHERE id = $1`, [
        id,
      ]).then(),
  },
  {
    kind: 'dossier row',
    name: 'assignee',
    edit: (sql, id, w) => sql(`UPDATE dossier SET assignee_id = $2 WHERE id = $1`, [id, w.officer2.id]).then(),
  },
  {
    kind: 'dossier row',
    name: 'due time',
    edit: (sql, id) => sql(`UPDATE dossier SET due_at = due_at + interval '5 days' WHERE id = $1`, [id]).then(),
  },
  {
    kind: 'dossier row',
    name: 'completion time',
    edit: (sql, id) =>
      sql(`UPDATE dossier SET completed_at = completed_at - interval '1 day' WHERE id = $1`, [id]).then(),
  },
  {
    kind: 'dossier row',
    name: 'procedure version',
    edit: async (sql, id) => {
      // Re-filed under another version of the procedure (made for the occasion, so the dossier still reads).
      await sql(
        `INSERT INTO procedure_version
         SELECT (jsonb_populate_record(NULL::procedure_version, to_jsonb(p) || '{"version": 99}')).*
           FROM procedure_version p JOIN dossier d ON d.procedure_code = p.procedure_code AND d.procedure_version = p.version
          WHERE d.id = $1`,
        [id],
      );
      await sql(`UPDATE dossier SET procedure_version = 99 WHERE id = $1`, [id]);
    },
  },
  {
    kind: 'dossier row',
    name: 'code',
    edit: (sql, id) => sql(`UPDATE dossier SET code = code || 'X' WHERE id = $1`, [id]).then(),
  },
  // Attachment rows.
  {
    kind: 'attachment row',
    name: 'file hash',
    edit: (sql, id) =>
      sql(
        `UPDATE attachment SET sha256 = $2 WHERE id = (SELECT min(id::text)::uuid FROM attachment WHERE dossier_id = $1)`,
        [id, sha('another file')],
      ).then(),
  },
  {
    kind: 'attachment row',
    name: 'size',
    edit: (sql, id) =>
      sql(
        `UPDATE attachment SET size = size + 1 WHERE id = (SELECT min(id::text)::uuid FROM attachment WHERE dossier_id = $1)`,
        [id],
      ).then(),
  },
  {
    kind: 'attachment row',
    name: 'file name',
    edit: (sql, id) =>
      sql(
        `UPDATE attachment SET file_name = 'giay-to-khac.pdf' WHERE id = (SELECT min(id::text)::uuid FROM attachment WHERE dossier_id = $1)`,
        [id],
      ).then(),
  },
  {
    kind: 'attachment row',
    name: 'deleted attachment',
    edit: (sql, id) =>
      sql(`DELETE FROM attachment WHERE id = (SELECT min(id::text)::uuid FROM attachment WHERE dossier_id = $1)`, [
        id,
      ]).then(),
  },
  {
    kind: 'attachment row',
    name: 'inserted attachment (MAC copied from a genuine one)',
    edit: (sql, id) =>
      sql(
        `INSERT INTO attachment (id, dossier_id, document_code, file_name, mime_type, size, sha256, uploaded_by, uploaded_at, mac)
         SELECT $2, dossier_id, document_code, 'them.pdf', mime_type, size, $3, uploaded_by, uploaded_at, mac
           FROM attachment WHERE dossier_id = $1 LIMIT 1`,
        [id, randomUUID(), sha('forged')],
      ).then(),
  },
  // Timeline rows (the append-only trigger is skipped by replica mode).
  {
    kind: 'timeline row',
    name: 'note',
    edit: (sql, id) =>
      sql(`UPDATE dossier_event SET note = 'Đã kiểm tra' WHERE dossier_id = $1 AND seq = 2`, [id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'actor',
    edit: (sql, id, w) =>
      sql(`UPDATE dossier_event SET actor_id = $2 WHERE dossier_id = $1 AND seq = 3`, [id, w.officer2.id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'time',
    edit: (sql, id) =>
      sql(`UPDATE dossier_event SET at = at - interval '1 hour' WHERE dossier_id = $1 AND seq = 2`, [id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'from status',
    edit: (sql, id) =>
      sql(`UPDATE dossier_event SET from_status = 'IN_PROCESSING' WHERE dossier_id = $1 AND seq = 2`, [id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'to status',
    edit: (sql, id) =>
      sql(`UPDATE dossier_event SET to_status = 'REJECTED' WHERE dossier_id = $1 AND seq = 5`, [id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'event type',
    edit: (sql, id) => sql(`UPDATE dossier_event SET type = 'reject' WHERE dossier_id = $1 AND seq = 5`, [id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'deleted middle event',
    edit: (sql, id) => sql(`DELETE FROM dossier_event WHERE dossier_id = $1 AND seq = 3`, [id]).then(),
  },
  {
    kind: 'timeline row',
    name: 'deleted last event, row rolled back to match (caught by the published head)',
    edit: async (sql, id) => {
      await sql(`DELETE FROM dossier_event WHERE dossier_id = $1 AND seq = 5`, [id]);
      await sql(
        `UPDATE dossier d SET status = 'PENDING_APPROVAL', completed_at = NULL, last_event_seq = 4,
                last_event_hash = (SELECT hash FROM dossier_event e WHERE e.dossier_id = d.id AND e.seq = 4)
          WHERE id = $1`,
        [id],
      );
    },
  },
  {
    kind: 'timeline row',
    name: 'inserted event',
    edit: async (sql, id) => {
      await sql(
        `INSERT INTO dossier_event (dossier_id, seq, type, from_status, to_status, actor_id, actor_role, actor_name, note,
           at, prev_hash, hash, chain_version, state)
         SELECT dossier_id, 6, 'return_result', 'APPROVED', 'RETURNED', actor_id, actor_role, actor_name, NULL,
                at + interval '1 hour', hash, hash, chain_version, state
           FROM dossier_event WHERE dossier_id = $1 AND seq = 5`,
        [id],
      );
      await sql(
        `UPDATE dossier d SET last_event_seq = 6,
                last_event_hash = (SELECT hash FROM dossier_event e WHERE e.dossier_id = d.id AND e.seq = 6)
          WHERE id = $1`,
        [id],
      );
    },
  },
  {
    kind: 'timeline row',
    name: 'reordered events',
    edit: async (sql, id) => {
      await sql(`UPDATE dossier_event SET seq = 100 WHERE dossier_id = $1 AND seq = 2`, [id]);
      await sql(`UPDATE dossier_event SET seq = 2 WHERE dossier_id = $1 AND seq = 3`, [id]);
      await sql(`UPDATE dossier_event SET seq = 3 WHERE dossier_id = $1 AND seq = 100`, [id]);
    },
  },
  // Re-hashed forgeries: the forger recomputes the links the only way open without the key.
  {
    kind: 're-hashed forgery',
    name: 'note changed, plain sha256 links and anchor recomputed',
    edit: async (sql, id) => {
      await sql(`UPDATE dossier_event SET note = 'Hồ sơ hợp lệ' WHERE dossier_id = $1 AND seq = 2`, [id]);
      await rehashPlain(sql, id);
    },
  },
  {
    kind: 're-hashed forgery',
    name: 'actor changed, whole chain downgraded to version 1',
    edit: async (sql, id, w) => {
      await sql(`UPDATE dossier_event SET actor_id = $2 WHERE dossier_id = $1 AND seq = 5`, [id, w.staff.OFFICER.id]);
      await rehashPlain(sql, id, { downgrade: true });
    },
  },
  {
    kind: 're-hashed forgery',
    name: 'event deleted, later events renumbered and re-hashed',
    edit: async (sql, id) => {
      await sql(`DELETE FROM dossier_event WHERE dossier_id = $1 AND seq = 4`, [id]);
      await sql(`UPDATE dossier_event SET seq = 4 WHERE dossier_id = $1 AND seq = 5`, [id]);
      await rehashPlain(sql, id, { downgrade: true });
    },
  },
];

describe('tamper evidence against a database superuser without the key', () => {
  let t: TestApp;
  let w: World;
  let superuser: pg.Client;
  let sql: Sql;
  let control: string;
  const targets = new Map<string, string>();
  let report: AuditReport;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    superuser = new pg.Client({ connectionString: t.db.url });
    await superuser.connect();
    sql = (text, params) => superuser.query(text, params);
    const [{ rolsuper }] = (await sql(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows as {
      rolsuper: boolean;
    }[];
    expect(rolsuper).toBe(true);
    control = await dossierIn(w, 'APPROVED');
    for (const c of CASES) targets.set(c.name, await dossierIn(w, 'APPROVED'));
    // Today's heads go to heads.log before the attacks, as the daily publication would.
    await t.app.get(AuditService).publishHead(t.clock.now());
    // The guard trigger and the foreign keys are skipped for the whole session.
    await sql(`SET session_replication_role = replica`);
    for (const c of CASES) await c.edit(sql, targets.get(c.name)!, w);
    report = await t.app.get(AuditService).verifyAll();
  }, 300_000);

  afterAll(async () => {
    await superuser?.end();
    await t?.close();
  });

  it('counts the 26 kinds of edit of the issue', () => {
    expect(CASES).toHaveLength(26);
    const kinds = CASES.reduce<Record<string, number>>((n, c) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ 'dossier row': 8, 'attachment row': 5, 'timeline row': 10, 're-hashed forgery': 3 });
  });

  it('leaves an untouched dossier valid', async () => {
    const res = await as(t, w.staff.MANAGER).get(`/dossiers/${control}/audit`);
    expect(res.body).toMatchObject({ valid: true, firstInvalidIndex: null });
    expect(report.breaks.find((b) => b.dossierId === control)).toBeUndefined();
  });

  it.each(CASES.map((c) => [c.kind, c.name, c] as const))(
    '%s: %s is detected by GET /audit and audit:verify',
    async (_k, _n, c) => {
      const id = targets.get(c.name)!;
      const res = await as(t, w.staff.MANAGER).get(`/dossiers/${id}/audit`);
      expect(res.status).toBe(200);
      const body = res.body as AuditResponse;
      expect(body.valid).toBe(false);
      expect(body.firstInvalidIndex).not.toBeNull();
      expect(body.reason).toEqual(expect.any(String));
      const named = report.breaks.find((b) => b.dossierId === id);
      expect(named).toBeDefined();
      expect(named!.reason).toEqual(expect.any(String));
    },
  );

  it('names every tampered dossier and no other: detection rate 26/26', () => {
    const detected = CASES.filter((c) => report.breaks.some((b) => b.dossierId === targets.get(c.name)));
    expect(`${detected.length}/${CASES.length}`).toBe('26/26');
    expect(new Set(report.breaks.map((b) => b.dossierId))).toEqual(new Set(targets.values()));
    expect(report.fileProblems).toEqual([]);
  });

  it('makes `npm run audit:verify` (the built CLI) name the first broken link of each and exit non-zero', () => {
    const cli = path.resolve(__dirname, '../../dist/modules/audit/verify-cli.js');
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx turbo run build\` first`);
    const run = spawnSync(process.execPath, [cli], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.db.url, DATA_DIR: t.config.dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const broken = run.stdout.split('\n').filter((l) => l.startsWith('BROKEN dossier '));
    expect(broken).toHaveLength(26);
    for (const id of targets.values()) expect(run.stdout).toContain(`[${id}]`);
    expect(run.stdout).not.toContain(control);
    expect(run.stdout).toMatch(/BROKEN dossier \S+ \[[0-9a-f-]{36}\] at event seq \d+: keyed link does not match/);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('26 break(s) found.');
  });
});
