import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parseDossierCode } from '@motcua/shared';
import { createUser, loginAs } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  as,
  completeDraft,
  createDraft,
  createWorld,
  dossierIn,
  stateOf,
  uploadResult,
  versionOf,
  type World,
} from '../modules/dossiers/dossiers.factories.js';

/**
 * Races and replays, issue 12's attack suite: the same request sent many times at once, or again
 * later, changes the state at most once (domain.md: a transition that loses a race is 409 and
 * changes nothing; api.md: the same Idempotency-Key returns the same answer; a spent refresh token
 * revokes its family).
 */

jest.setTimeout(120_000);

const API = '/api/v1';

/** Status codes with their counts, e.g. `{ 200: 1, 409: 9 }`. */
function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('races and replays', () => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-races-'));
    t = await createTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A PARTIAL procedure: approved and returned at the desk, no signed result or fee needed. */
  const world = () => createWorld(t, { onlineLevel: 'PARTIAL', fee: 0 });

  async function eventsOf(id: string, type: string): Promise<number> {
    const [{ n }]: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1 AND type = $2`,
      [id, type],
    );
    return n;
  }

  describe('parallel decisions on one dossier', () => {
    it('lets exactly one of 10 concurrent approvals with the same version win: one 200, nine 409, one event', async () => {
      const w = await world();
      const id = await dossierIn(w, 'PENDING_APPROVAL');
      await uploadResult(w, id);
      const before = await stateOf(w, id);
      const version = await versionOf(w, id);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          as(t, w.staff.APPROVER).post(`/dossiers/${id}/actions`, { action: 'approve', version }),
        ),
      );
      expect(tally(answers.map((r) => r.status))).toEqual({ 200: 1, 409: 9 });
      expect(await stateOf(w, id)).toEqual({
        status: 'APPROVED',
        version: before.version + 1,
        events: before.events + 1,
      });
      expect(await eventsOf(id, 'approve')).toBe(1);
    });

    it('lets one of 5 approvals and 5 rejections racing each other decide, and only once', async () => {
      const w = await world();
      const id = await dossierIn(w, 'PENDING_APPROVAL');
      await uploadResult(w, id);
      const before = await stateOf(w, id);
      const version = await versionOf(w, id);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          as(t, w.staff.APPROVER).post(
            `/dossiers/${id}/actions`,
            i % 2 ? { action: 'approve', version } : { action: 'reject', version, note: 'Không đủ điều kiện' },
          ),
        ),
      );
      expect(tally(answers.map((r) => r.status))).toEqual({ 200: 1, 409: 9 });
      const after = await stateOf(w, id);
      expect(after).toMatchObject({ version: before.version + 1, events: before.events + 1 });
      const winner = answers.find((r) => r.status === 200)!;
      expect(after.status).toBe((winner.body as { status: string }).status);
      expect((await eventsOf(id, 'approve')) + (await eventsOf(id, 'reject'))).toBe(1);
    });

    it('answers an approval replayed later with its old version 409 and changes nothing', async () => {
      const w = await world();
      const id = await dossierIn(w, 'PENDING_APPROVAL');
      await uploadResult(w, id);
      const version = await versionOf(w, id);
      const body = { action: 'approve', version };
      expect((await as(t, w.staff.APPROVER).post(`/dossiers/${id}/actions`, body)).status).toBe(200);
      const after = await stateOf(w, id);
      expect((await as(t, w.staff.APPROVER).post(`/dossiers/${id}/actions`, body)).status).toBe(409);
      expect(await stateOf(w, id)).toEqual(after);
    });

    it('records one rating of 5 sent at once: one 201, four 409', async () => {
      const w = await world();
      const id = await dossierIn(w, 'RETURNED');
      const answers = await Promise.all(
        [5, 4, 3, 2, 1].map((score) => as(t, w.citizen).post(`/dossiers/${id}/rating`, { score })),
      );
      expect(tally(answers.map((r) => r.status))).toEqual({ 201: 1, 409: 4 });
      const [{ n }]: { n: number }[] = await t.ds.query(
        `SELECT count(*)::int AS n FROM dossier_rating WHERE dossier_id = $1`,
        [id],
      );
      expect(n).toBe(1);
    });
  });

  describe('submit', () => {
    it('answers a submit replayed with the same Idempotency-Key with the same answer, and submits once', async () => {
      const w = await world();
      const id = await completeDraft(w);
      const key = randomUUID();
      const first = await as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', key);
      expect(first.status).toBe(200);
      const replays = await Promise.all(
        Array.from({ length: 10 }, () => as(t, w.citizen).post(`/dossiers/${id}/submit`).set('Idempotency-Key', key)),
      );
      for (const r of replays) {
        expect(r.status).toBe(200);
        expect(r.body).toEqual(first.body);
      }
      expect(await stateOf(w, id)).toMatchObject({ status: 'SUBMITTED', events: 1 });
      const [{ dossiers, seq }]: { dossiers: number; seq: number }[] = await t.ds.query(
        `SELECT (SELECT count(*)::int FROM dossier WHERE agency_code = $1 AND code IS NOT NULL) AS dossiers,
                (SELECT max(last_seq) FROM dossier_code_seq WHERE agency_code = $1) AS seq`,
        [w.agency.code],
      );
      expect({ dossiers, seq }).toEqual({ dossiers: 1, seq: 1 });
    });

    it('does not submit a second dossier with a key already spent on another', async () => {
      const w = await world();
      const a = await completeDraft(w);
      const b = await completeDraft(w);
      const key = randomUUID();
      const first = await as(t, w.citizen).post(`/dossiers/${a}/submit`).set('Idempotency-Key', key);
      expect(first.status).toBe(200);
      const second = await as(t, w.citizen).post(`/dossiers/${b}/submit`).set('Idempotency-Key', key);
      // Either the first answer again (the key names that submission) or a refusal; never a second submission.
      if (second.status === 200) expect(second.body).toEqual(first.body);
      else expect(second.status).toBe(422);
      expect((await stateOf(w, b)).status).toBe('DRAFT');
    });

    it('gives 30 concurrent submissions by several citizens gap-free consecutive codes', async () => {
      const w: World = await createWorld(t, { requiredDocuments: [] });
      const citizens = [w.citizen, w.otherCitizen, await createUser(t.ds), await createUser(t.ds)];
      const drafts: { id: string; owner: (typeof citizens)[number] }[] = [];
      for (let i = 0; i < 30; i++) {
        const owner = citizens[i % citizens.length];
        drafts.push({ id: await createDraft(w, owner), owner });
      }
      const answers = await Promise.all(
        drafts.map((d) => as(t, d.owner).post(`/dossiers/${d.id}/submit`).set('Idempotency-Key', randomUUID())),
      );
      expect(tally(answers.map((r) => r.status))).toEqual({ 200: 30 });
      const seqs = answers.map((r) => parseDossierCode(r.body.code as string)!.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });
  });

  describe('tokens', () => {
    const refresh = (refreshToken: string) => request(t.http).post(`${API}/auth/refresh`).send({ refreshToken });

    it('refuses a replayed refresh token (401) and revokes its family: the rotated token dies too', async () => {
      const user = await createUser(t.ds);
      const login = await loginAs(t, user.username);
      const rotated = await refresh(login.refreshToken);
      expect(rotated.status).toBe(200);
      expect((await refresh(login.refreshToken)).status).toBe(401);
      expect((await refresh(rotated.body.refreshToken as string)).status).toBe(401);
      // A new login starts a new family, unaffected.
      const again = await loginAs(t, user.username);
      expect((await refresh(again.refreshToken)).status).toBe(200);
    });

    it('rotates a refresh token sent 10 times at once exactly once: one 200, nine 401', async () => {
      const user = await createUser(t.ds);
      const login = await loginAs(t, user.username);
      const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(login.refreshToken)));
      expect(tally(answers.map((r) => r.status))).toEqual({ 200: 1, 401: 9 });
    });

    it('refuses an access token replayed after logout (its session ended)', async () => {
      const user = await createUser(t.ds);
      const login = await loginAs(t, user.username);
      const me = () => request(t.http).get(`${API}/auth/me`).set('Authorization', `Bearer ${login.accessToken}`);
      expect((await me()).status).toBe(200);
      expect((await request(t.http).post(`${API}/auth/logout`).send({ refreshToken: login.refreshToken })).status).toBe(
        204,
      );
      expect((await me()).status).toBe(401);
    });

    it('evaluates at most 10 of 40 parallel wrong passwords for one account (the rest 429)', async () => {
      const user = await createUser(t.ds);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          request(t.http)
            .post(`${API}/auth/login`)
            .set('X-Forwarded-For', `203.0.113.${i + 1}`)
            .send({ username: user.username, password: `Wrong-Password-${i}` }),
        ),
      );
      const statuses = tally(answers.map((r) => r.status));
      expect(statuses[401]).toBeGreaterThanOrEqual(1);
      expect(statuses[401]).toBeLessThanOrEqual(10);
      expect((statuses[401] ?? 0) + (statuses[429] ?? 0)).toBe(40);
    });
  });
});
