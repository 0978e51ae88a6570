import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { localDateTime } from '@motcua/shared';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { AuditService } from '../audit/audit.service.js';
import { FileStorage } from '../files/file-storage.js';
import { rebuildSummaries } from '../reports/summary-rebuild.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { PersonalDataRetention1767200000000 } from '../../database/migrations/1767200000000-personal-data-retention.js';
import {
  act,
  as,
  createDraft,
  createWorld,
  dossierIn,
  PDF,
  uploadResult,
  VALID_FORM,
  type World,
} from './dossiers.factories.js';
import { RETENTION_SWEEP_JOB } from './retention.jobs.js';
import { DUE_IDS_SQL } from './retention.repository.js';
import { PERSONAL_DATA_ERASED_EVENT, type RetentionSweepResult } from './retention.service.js';

/** The row columns the figures read (dossier_report_fact) and the chain seals besides the form. */
const FIGURES = `id, code, status, agency_code, procedure_code, channel, sector_code, online_level, fee, fee_status,
  received_at, due_at, completed_at, returned_at, closed_at, decided_outcome, processing_working_days,
  paused_working_days, end_to_end, digitised, applicant_id, assignee_id`;

/**
 * domain.md, "Personal data": a dossier's personal data is kept 10 years after it closes (Vietnam
 * days), then the `retention.sweep` job erases it, sealing the erasure on the audit chain, and the
 * figures stay as they were.
 */
describe('retention sweep (personal data erased 10 years after closing)', () => {
  let t: TestApp;
  let w: World;
  let audit: AuditService;
  let storage: FileStorage;
  let closedLongAgo: string;
  let withdrawnLongAgo: string;
  let closedRecently: string;
  let open: string;
  let uniqueFiles: string[];
  let letterFile: string;

  const rows = <T = unknown>(sql: string, params: unknown[] = []) => t.ds.query<T[]>(sql, params);
  const run = async () => (await t.app.get(JobsService).run(RETENTION_SWEEP_JOB, {})) as RetentionSweepResult;
  const row = async (id: string) =>
    (
      await rows<Record<string, unknown>>(
        `SELECT ${FIGURES}, form_data, postal_address, applicant_name_search, personal_data_erased_at,
                version, tracking_token FROM dossier WHERE id = $1`,
        [id],
      )
    )[0];
  const figures = async (id: string) =>
    (await rows<Record<string, unknown>>(`SELECT ${FIGURES} FROM dossier WHERE id = $1`, [id]))[0];
  const count = async (table: string, id: string) =>
    (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE dossier_id = $1`, [id]))[0].n;
  const summaries = async () => ({
    daily: await t.ds.query(
      `SELECT * FROM report_daily ORDER BY day, agency_code, procedure_code, channel, sector_code, online_level`,
    ),
    monthly: await t.ds.query(`SELECT * FROM report_monthly ORDER BY 1, 2, 3, 4, 5, 6`),
    open: await t.ds.query(`SELECT * FROM report_open ORDER BY 1, 2, 3, 4, 5, 6, 7`),
  });

  /** A dossier returned now whose attachments no other dossier shares (their files can go). */
  const returnedWithOwnFiles = async (): Promise<{ id: string; files: string[] }> => {
    const id = await createDraft(w);
    const files: string[] = [];
    for (const doc of w.procedure.requiredDocuments.filter((d) => d.required)) {
      const content = Buffer.concat([PDF, Buffer.from(`%${randomUUID()}\n`)]);
      const res = await as(t, w.citizen).upload(
        `/dossiers/${id}/attachments`,
        { documentCode: doc.code },
        content,
        `${doc.code}.pdf`,
      );
      expect(res.status).toBe(201);
    }
    for (const r of await rows<{ sha256: string }>(`SELECT sha256 FROM attachment WHERE dossier_id = $1`, [id]))
      files.push(r.sha256);
    const sent = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', randomUUID());
    expect(sent.status).toBe(200);
    await act(w, w.staff.RECEPTIONIST, id, 'receive');
    await act(w, w.staff.OFFICER, id, 'assign');
    await act(w, w.staff.OFFICER, id, 'submit_for_approval');
    await uploadResult(w, id);
    await act(w, w.staff.APPROVER, id, 'approve');
    await act(w, w.staff.RECEPTIONIST, id, 'return_result');
    const rated = await as(t, w.citizen).post(`/dossiers/${id}/rating`, {
      score: 4,
      comment: 'Chị Nhung ở 12 Lê Lợi rất hài lòng',
    });
    expect(rated.status).toBe(201);
    return { id, files };
  };

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
    storage = t.app.get(FileStorage);
    w = await createWorld(t);
    // Closed on 27 November 2026 (Vietnam): its 10 years end with 27 November 2036.
    t.clock.set(localDateTime('2026-11-27', 9));
    ({ id: closedLongAgo, files: uniqueFiles } = await returnedWithOwnFiles());
    // An apology letter issued to it (its PDF names the applicant), counted by the reports.
    const letter = await storage.put(Readable.from([Buffer.concat([PDF, Buffer.from(`%${randomUUID()}\n`)])]), {
      maxBytes: 1 << 20,
    });
    letterFile = letter.sha256;
    await t.ds.query(
      `INSERT INTO apology_letter (id, dossier_id, letter_number, issued_at, automatic, issued_by, reason,
                                   original_due_at, appointment_at, sha256, size, signed, signer)
       VALUES ($1, $2, '01/TXL', $3, true, NULL, 'Quá hạn', $3, $3, $4, $5, false, NULL)`,
      [randomUUID(), closedLongAgo, localDateTime('2026-11-27', 9), letterFile, letter.size],
    );
    await rebuildSummaries(t.ds);
    withdrawnLongAgo = await dossierIn(w, 'WITHDRAWN');
    open = await dossierIn(w, 'IN_PROCESSING');
    // Closed two days later: still kept on 28 November 2036.
    t.clock.set(localDateTime('2026-11-29', 9));
    closedRecently = (await returnedWithOwnFiles()).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sets the closing time on every way to a closed status, never on an open dossier', async () => {
    expect((await row(closedLongAgo)).closed_at).toEqual(localDateTime('2026-11-27', 9));
    expect((await row(withdrawnLongAgo)).closed_at).toEqual(localDateTime('2026-11-27', 9));
    expect((await row(closedRecently)).closed_at).toEqual(localDateTime('2026-11-29', 9));
    expect((await row(open)).closed_at).toBeNull();
  });

  it('reads a batch from the partial index of closed, not yet erased dossiers (never the open ones)', async () => {
    const plan = await t.ds.transaction(async (m) => {
      // A test table is tiny: forbid the sequential scan to see whether the index can answer at all.
      await m.query(`SET LOCAL enable_seqscan = off`);
      const [row] = await m.query<{ 'QUERY PLAN': unknown }[]>(
        `EXPLAIN (FORMAT JSON) ${DUE_IDS_SQL.replace('$1', `'2020-01-01'::timestamptz`).replace('$2', '100')}`,
      );
      return JSON.stringify(row['QUERY PLAN']);
    });
    expect(plan).toContain('"Index Name":"dossier_retention_due_idx"');
    expect(plan).not.toContain('Seq Scan');
  });

  it('erases a dossier closed 10 years and 1 day ago, keeps one closed 10 years less 1 day ago and an open one', async () => {
    const before = {
      summaries: await summaries(),
      longAgo: await figures(closedLongAgo),
      recently: await row(closedRecently),
      open: await row(open),
      resultFiles: (
        await rows<{ sha256: string; original_sha256: string }>(
          `SELECT sha256, original_sha256 FROM dossier_result WHERE dossier_id = $1`,
          [closedLongAgo],
        )
      ).flatMap((r) => [r.sha256.trim(), r.original_sha256.trim()]),
      events: await count('dossier_event', closedLongAgo),
    };
    for (const sha of uniqueFiles) expect(await storage.exists(sha)).toBe(true);
    expect(before.resultFiles.length).toBe(2);
    expect(await storage.exists(letterFile)).toBe(true);
    expect(await count('notification', closedLongAgo)).toBeGreaterThan(0);
    const recentNotifications = await count('notification', closedRecently);
    expect(recentNotifications).toBeGreaterThan(0);
    expect((await as(t, w.citizen).get(`/dossiers/${closedLongAgo}/apology.pdf`)).status).toBe(200);

    t.clock.set(localDateTime('2036-11-28', 2, 30));
    const first = await run();
    expect(first).toEqual({ erased: 2, filesRemoved: expect.any(Number), failed: 0, more: false });

    const erased = await row(closedLongAgo);
    expect(erased.form_data).toEqual({});
    expect(erased.postal_address).toBeNull();
    expect(erased.applicant_name_search).toBeNull();
    expect(erased.personal_data_erased_at).toEqual(localDateTime('2036-11-28', 2, 30));
    expect(await count('attachment', closedLongAgo)).toBe(0);
    expect(await count('dossier_result', closedLongAgo)).toBe(0);
    const [rating] = await rows<{ score: number; comment: string | null }>(
      `SELECT score, comment FROM dossier_rating WHERE dossier_id = $1`,
      [closedLongAgo],
    );
    expect(rating).toEqual({ score: 4, comment: null });
    for (const sha of uniqueFiles) expect(await storage.exists(sha)).toBe(false);
    // The apology letter's file goes and it is no longer served; its row stays for the figures.
    expect(await storage.exists(letterFile)).toBe(false);
    expect(await rows(`SELECT erased_at FROM apology_letter WHERE dossier_id = $1`, [closedLongAgo])).toEqual([
      { erased_at: localDateTime('2036-11-28', 2, 30) },
    ]);
    expect((await as(t, w.citizen).get(`/dossiers/${closedLongAgo}/apology.pdf`)).status).toBe(404);
    // The inbox rows about it go; the recent dossier's stay.
    expect(await count('notification', closedLongAgo)).toBe(0);
    expect(await count('notification', closedRecently)).toBe(recentNotifications);
    // A result content the recent dossier shares (the unsigned template) stays; its own signed copy goes.
    const [recentResult] = await rows<{ sha256: string; original_sha256: string }>(
      `SELECT sha256, original_sha256 FROM dossier_result WHERE dossier_id = $1`,
      [closedRecently],
    );
    for (const sha of before.resultFiles) {
      const shared = sha === recentResult.sha256.trim() || sha === recentResult.original_sha256.trim();
      expect(await storage.exists(sha)).toBe(shared);
    }
    // The figures stay: same row facts, same summary rows, still equal to a rebuild.
    expect(await figures(closedLongAgo)).toEqual(before.longAgo);
    expect(await summaries()).toEqual(before.summaries);
    await rebuildSummaries(t.ds);
    expect(await summaries()).toEqual(before.summaries);

    // The erasure is sealed on the chain, which verifies.
    const events = await rows<{ seq: number; type: string; actor_id: string | null }>(
      `SELECT seq, type, actor_id FROM dossier_event WHERE dossier_id = $1 ORDER BY seq`,
      [closedLongAgo],
    );
    expect(events).toHaveLength(before.events + 1);
    expect(events.at(-1)).toEqual({ seq: before.events + 1, type: PERSONAL_DATA_ERASED_EVENT, actor_id: null });
    for (const id of [closedLongAgo, withdrawnLongAgo, closedRecently, open]) {
      expect((await audit.auditDossier(id))?.check).toMatchObject({ valid: true });
    }
    expect((await row(withdrawnLongAgo)).form_data).toEqual({});
    // The applicant's name on their own events (the withdrawal) goes; the staff's names stay.
    const names = async (id: string) =>
      rows<{ who: string; name: string | null }>(
        `SELECT CASE WHEN e.actor_id = d.applicant_id THEN 'applicant' ELSE 'staff' END AS who, e.actor_name AS name
           FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
          WHERE e.dossier_id = $1 AND e.actor_id IS NOT NULL ORDER BY e.seq`,
        [id],
      );
    const withdrawnNames = await names(withdrawnLongAgo);
    expect(withdrawnNames.filter((n) => n.who === 'applicant').length).toBeGreaterThan(0);
    for (const n of withdrawnNames) expect(n.name === null).toBe(n.who === 'applicant');
    expect((await names(closedLongAgo)).filter((n) => n.who === 'staff' && n.name !== null).length).toBeGreaterThan(0);

    // Ten years less a day, and open: untouched.
    expect(await row(closedRecently)).toEqual(before.recently);
    expect((await row(closedRecently)).form_data).toEqual(VALID_FORM);
    expect(await count('attachment', closedRecently)).toBeGreaterThan(0);
    expect(await count('dossier_result', closedRecently)).toBe(1);
    expect(await row(open)).toEqual(before.open);
  });

  it('changes nothing on a second run', async () => {
    const before = {
      row: await row(closedLongAgo),
      events: await count('dossier_event', closedLongAgo),
      sums: await summaries(),
    };
    t.clock.set(localDateTime('2036-11-28', 3));
    expect(await run()).toEqual({ erased: 0, filesRemoved: 0, failed: 0, more: false });
    expect(await row(closedLongAgo)).toEqual(before.row);
    expect(await count('dossier_event', closedLongAgo)).toBe(before.events);
    expect(await summaries()).toEqual(before.sums);
  });

  it('erases the dossier closed two days later once its own 10 years are over', async () => {
    t.clock.set(localDateTime('2036-11-29', 23, 59));
    expect((await run()).erased).toBe(0);
    t.clock.set(localDateTime('2036-11-30', 0, 0));
    expect((await run()).erased).toBe(1);
    expect((await row(closedRecently)).form_data).toEqual({});
    expect((await audit.auditDossier(closedRecently))?.check).toMatchObject({ valid: true });
  });

  it('still shows a change to an erased dossier that no event sealed', async () => {
    await t.ds.query(`UPDATE dossier SET form_data = $2 WHERE id = $1`, [closedLongAgo, JSON.stringify(VALID_FORM)]);
    try {
      const check = (await audit.auditDossier(closedLongAgo))?.check;
      expect(check).toMatchObject({ valid: false });
      expect(check?.reason).toContain('formDataSha256');
    } finally {
      await t.ds.query(`UPDATE dossier SET form_data = '{}' WHERE id = $1`, [closedLongAgo]);
    }
    expect((await audit.verifyAll()).breaks).toEqual([]);
  });

  it('refuses the erasure function on a dossier not marked erased', async () => {
    expect(await rows(`SELECT erase_dossier_personal_data($1) AS sha`, [open])).toEqual([]);
    expect(await count('attachment', open)).toBeGreaterThan(0);
    const [{ named }] = await rows<{ named: number }>(
      `SELECT count(*)::int AS named FROM dossier_event WHERE dossier_id = $1 AND actor_name IS NOT NULL`,
      [open],
    );
    expect(named).toBeGreaterThan(0);
  });

  it('keeps the timeline append-only for its owner too, but for the applicant name of an erased dossier', async () => {
    const owner = new pg.Client({ connectionString: t.db.url });
    await owner.connect();
    try {
      const refused = (sql: string, id: string) => expect(owner.query(sql, [id])).rejects.toThrow(/append-only/);
      await refused(
        `UPDATE dossier_event SET actor_name = NULL WHERE dossier_id = $1 AND actor_name IS NOT NULL`,
        open,
      );
      await refused(`UPDATE dossier_event SET note = 'sửa' WHERE dossier_id = $1 AND seq = 1`, closedLongAgo);
      await refused(
        `UPDATE dossier_event e SET actor_name = NULL FROM dossier d
          WHERE d.id = $1 AND e.dossier_id = d.id AND e.actor_id <> d.applicant_id AND e.actor_name IS NOT NULL`,
        closedLongAgo,
      );
      await refused(`DELETE FROM dossier_event WHERE dossier_id = $1`, closedLongAgo);
    } finally {
      await owner.end();
    }
  });

  it('backfills, at migration, the closing time of dossiers closed before it from their closing event', async () => {
    t.clock.set(localDateTime('2030-01-02', 8));
    const withdrawn = await dossierIn(w, 'WITHDRAWN');
    const returned = await dossierIn(w, 'RETURNED');
    const owner = new pg.Client({ connectionString: t.db.url });
    await owner.connect();
    try {
      // As the rows were before the migration: no closed_at, and updated_at moved on since (a refund).
      await owner.query(`SET session_replication_role = replica`);
      await owner.query(`UPDATE dossier SET closed_at = NULL, updated_at = $2 WHERE id = ANY($1)`, [
        [withdrawn, returned],
        localDateTime('2030-03-01', 8),
      ]);
      await owner.query(`SET session_replication_role = DEFAULT`);
      const q = {
        query: async (sql: string, params?: unknown[]) =>
          (await owner.query<Record<string, unknown>>(sql, params)).rows,
      };
      await new PersonalDataRetention1767200000000().up(q as unknown as QueryRunner);
    } finally {
      await owner.end();
    }
    expect((await row(withdrawn)).closed_at).toEqual(localDateTime('2030-01-02', 8));
    const [{ returnedAt }] = await rows<{ returnedAt: Date }>(
      `SELECT returned_at AS "returnedAt" FROM dossier WHERE id = $1`,
      [returned],
    );
    expect((await row(returned)).closed_at).toEqual(returnedAt);
  });
});
