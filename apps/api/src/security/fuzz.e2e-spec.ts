import { randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ROLES, grantOf, type Grant, type Role } from '@motcua/shared';
import { declaredAccess } from '../common/auth/access.decorator.js';
import { buildAgencyInput, buildProcedureInput } from '../modules/catalog/catalog.factories.js';
import {
  attach,
  createDraft,
  dossierIn,
  createWorld,
  submitted,
  VALID_FORM,
  type World,
} from '../modules/dossiers/dossiers.factories.js';
import { loginAs, randomNationalId, tokenFor, TEST_PASSWORD } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildRequest, rngFor, sampleFromSchema, type FuzzRequest, type FuzzTarget, type Json } from './fuzz-engine.js';
import { SECURITY_PASS } from './security-pass.js';

/**
 * The seeded fuzzer (issue 12): hostile variants of valid requests to every route the app
 * registers (write endpoints and public reads alike), sent as personas the route admits so
 * bodies reach validation. Bad input must never answer 5xx.
 *
 *   FUZZ_REQUESTS  how many requests (default 1,500 in `npm test`; test:security sends 10,000)
 *   FUZZ_SEED      replay a run (the seed is printed at the start)
 *   FUZZ_ONLY      replay one request index of that seed (e.g. one a failure report names)
 *   FUZZ_BUDGET_MS stop sending after this long (default 85 s), so the run stays bounded
 */

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1_500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(1, 2 ** 31 - 1);
const ONLY = process.env.FUZZ_ONLY !== undefined ? Number(process.env.FUZZ_ONLY) : undefined;
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 85_000);
const CONCURRENCY = 8;
/** A request that has not answered in this long counts as a failure (a hang is as bad as a 500). */
const REQUEST_TIMEOUT_MS = 15_000;
const PREFIX = '/api/v1';

type Persona = 'anonymous' | Role;

interface Route {
  method: string;
  path: string;
  rule: Grant | undefined;
}

interface Outcome {
  index: number;
  request: FuzzRequest;
  status: number;
  contentType: string;
  body: string;
  error?: string;
}

/** Every controller route and the grant of the permission it declares, read as the AccessGuard reads it. */
function discoverRoutes(t: TestApp): Route[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const out = new Map<string, Route>();
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '/');
    const proto = Object.getPrototypeOf(instance) as Record<string, Function>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const [permission] = declaredAccess(handler);
      const rule = permission ? grantOf(permission) : undefined;
      for (const b of bases) {
        for (const p of ([] as string[]).concat(paths)) {
          const full =
            '/' +
            [PREFIX, b, p]
              .flatMap((s) => s.split('/'))
              .filter(Boolean)
              .join('/');
          out.set(`${method} ${full}`, { method, path: full, rule });
        }
      }
    }
  }
  return [...out.values()];
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

function send(port: number, agent: http.Agent, req: FuzzRequest): Promise<Omit<Outcome, 'index' | 'request'>> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: Omit<Outcome, 'index' | 'request'>) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body) headers['content-length'] = req.body.length;
    let r: http.ClientRequest;
    try {
      r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent }, (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        const chunks: Buffer[] = [];
        let size = 0;
        if (contentType.startsWith('text/event-stream')) {
          res.destroy();
          return done({ status: res.statusCode ?? 0, contentType, body: '(stream)' });
        }
        res.on('data', (c: Buffer) => {
          if (size < 4_000) chunks.push(c);
          size += c.length;
        });
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            contentType,
            body: Buffer.concat(chunks).toString('utf8').slice(0, 4_000),
          }),
        );
        res.on('error', (e) => done({ status: 0, contentType, body: '', error: `response: ${e.message}` }));
      });
    } catch (e) {
      // The client refused to send it (e.g. a header Node will not write): a fuzzer bug, not the API's.
      return done({ status: -1, contentType: '', body: '', error: `not sent: ${(e as Error).message}` });
    }
    r.setTimeout(REQUEST_TIMEOUT_MS, () => {
      done({ status: 0, contentType: '', body: '', error: `no answer in ${REQUEST_TIMEOUT_MS} ms` });
      r.destroy();
    });
    r.on('error', (e) => done({ status: 0, contentType: '', body: '', error: `request: ${e.message}` }));
    r.end(req.body);
  });
}

/** Who a bearer token belongs to, for failure reports (tokens themselves say nothing to a reader). */
const personaOf = new Map<string, string>();

function report(o: Outcome): string {
  const { request: q } = o;
  const header = q.headers.authorization;
  const auth = header ? (personaOf.get(header) ?? `${header.slice(0, 30)}…`) : '(none: anonymous)';
  const body = q.body ? JSON.stringify(q.body.subarray(0, 600).toString('latin1')) : '(none)';
  return [
    `#${o.index} ${q.method} ${q.path.length > 300 ? `${q.path.slice(0, 300)}…` : q.path}`,
    `  mutations: ${q.mutations.join('; ')}`,
    `  content-type: ${q.headers['content-type'] ?? '(none)'}  as: ${auth}`,
    `  body (${q.body?.length ?? 0} bytes): ${body}`,
    `  → ${o.status}${o.error ? ` (${o.error})` : ''} ${o.body.slice(0, 400)}`,
    `  replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${o.index}`,
  ].join('\n');
}

describe('seeded fuzzer: bad input never reaches a 500', () => {
  let t: TestApp;
  let w: World;
  let dataDir: string;
  let port: number;
  let targets: FuzzTarget[];
  const auth = new Map<Persona, string | null>();
  const rules = new Map<string, Grant | undefined>();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-fuzz-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    w = await createWorld(t);
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;

    auth.set('anonymous', null);
    auth.set('CITIZEN', `Bearer ${tokenFor(t, w.citizen)}`);
    for (const role of ['RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'] as const) {
      auth.set(role, `Bearer ${tokenFor(t, w.staff[role])}`);
    }
    for (const [persona, header] of auth) if (header) personaOf.set(header, persona);

    // Real objects behind the path parameters, in several states, so requests reach deep code.
    const draft = await createDraft(w);
    await attach(w, draft, 'TO_KHAI');
    const [attachment]: { id: string }[] = await t.ds.query(`SELECT id FROM attachment WHERE dossier_id = $1`, [draft]);
    const sub = await submitted(w);
    const open = await dossierIn(w, 'IN_PROCESSING');
    const returned = await dossierIn(w, 'RETURNED');
    const [{ code: openCode }]: { code: string }[] = await t.ds.query(`SELECT code FROM dossier WHERE id = $1`, [open]);
    const spare = await loginAs(t, w.otherCitizen.username);

    const params: Record<string, string[]> = {
      id: [draft, sub.id, open, returned, randomUUID()],
      attachmentId: [attachment.id, randomUUID()],
      code: [sub.code, openCode, w.procedure.code],
      date: ['2026-12-24', '2027-01-01'],
    };
    const form = { ...VALID_FORM } as Record<string, Json>;
    const nationalId = randomNationalId();
    /** Valid bodies and queries by route; routes not listed get one sampled from the OpenAPI document. */
    const valid: Record<string, Partial<FuzzTarget>> = {
      'POST /auth/register': {
        body: {
          nationalId,
          fullName: 'Lê Thị Mai',
          dateOfBirth: '1990-05-17',
          email: `mai.${nationalId}@example.vn`,
          password: 'Mai-Dang-Ky-Ho-So-2026!',
        },
      },
      'POST /auth/login': { body: { username: w.citizen.username, password: TEST_PASSWORD } },
      'POST /auth/refresh': { body: { refreshToken: spare.refreshToken } },
      'POST /auth/logout': { body: { refreshToken: spare.refreshToken } },
      'POST /admin/agencies': { body: { ...buildAgencyInput(), parentCode: w.agency.code } },
      'POST /admin/sectors': { body: { code: 'FUZZ_SECTOR', name: 'Lĩnh vực thử', nameEn: 'Test' } },
      'POST /admin/procedures': { body: buildProcedureInput({ agencyCodes: [w.agency.code] }) },
      'PUT /admin/procedures/:code': {
        body: (({ code: _c, ...v }) => v)(buildProcedureInput({ agencyCodes: [w.agency.code] })),
      },
      'PUT /admin/holidays/:date': { body: { name: 'Nghỉ bù', nameEn: 'Day off', kind: 'HOLIDAY' } },
      'POST /admin/users': {
        body: {
          username: 'can.bo.thu',
          password: 'Mot-Cua-Can-Bo-2026!',
          fullName: 'Cán Bộ Mới',
          roles: ['OFFICER'],
          agencyCode: w.agency.code,
        },
      },
      'POST /dossiers': { body: { procedureCode: w.procedure.code, agencyCode: w.agency.code, formData: form } },
      'PATCH /dossiers/:id': { body: { formData: { ...form, copies: 2 }, version: 1 } },
      'POST /dossiers/:id/submit': { body: { version: 1 }, headers: { 'Idempotency-Key': randomUUID() } },
      'POST /dossiers/:id/actions': {
        body: { action: 'assign', version: 3, note: 'Xử lý', assigneeId: w.staff.OFFICER.id },
      },
      'POST /dossiers/:id/supplement': { body: { note: 'Đã bổ sung giấy chứng sinh', version: 4 } },
      'POST /dossiers/:id/withdraw': { body: { note: 'Rút hồ sơ' } },
      'POST /dossiers/:id/rating': { body: { score: 5, comment: 'Nhanh gọn' } },
      'POST /dossiers/:id/attachments': { multipart: { documentCode: 'GIAY_CHUNG_SINH' } },
      'POST /counter/dossiers': {
        body: {
          procedureCode: w.procedure.code,
          applicant: {
            nationalId: randomNationalId(),
            fullName: 'Lê Thị Mai',
            dateOfBirth: '1990-05-17',
            phone: '0905111222',
          },
          formData: form,
        },
      },
      'GET /procedures': { query: { q: 'khai sinh', sectorCode: 'TEST_SECTOR', page: '1', pageSize: '20' } },
      'GET /holidays': { query: { year: '2026' } },
      'GET /dossiers': { query: { status: 'SUBMITTED', limit: '10' } },
      'GET /queue': {
        query: { status: 'RECEIVED,IN_PROCESSING', sla: 'ON_TIME', assignee: 'me', q: 'Nguyen', limit: '20' },
      },
      'GET /staff': { query: { role: 'OFFICER' } },
      'GET /reports/summary': { query: { from: '2026-01-01', to: '2026-11-27', agencyCode: w.agency.code } },
      'GET /reports/breakdown': { query: { by: 'month', from: '2026-01-01', to: '2026-11-27' } },
      'GET /reports/breakdown.csv': { query: { by: 'agency', from: '2026-01-01', to: '2026-11-27' } },
      'GET /public/stats': { query: { from: '2026-01-01', to: '2026-11-27', by: 'sector' } },
    };

    const doc = await new Promise<OpenApiDoc>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/api/docs-json' }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve(JSON.parse(text) as OpenApiDoc));
        })
        .on('error', reject);
    });
    const resolveRef = (ref: string) =>
      doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] as Parameters<typeof sampleFromSchema>[0];

    targets = [];
    for (const route of discoverRoutes(t)) {
      rules.set(`${route.method} ${route.path}`, route.rule);
      const local = route.path.slice(PREFIX.length) || '/';
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const given = valid[`${route.method} ${local}`] ?? {};
      const content = op?.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      const multipart = content['multipart/form-data'] ? { documentCode: 'TO_KHAI' } : undefined;
      const openApiQuery = Object.fromEntries(
        (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema?.enum?.[0] ?? '1']),
      );
      targets.push({
        method: route.method,
        path: route.path,
        params,
        body:
          given.body ??
          ((given.multipart ?? multipart)
            ? undefined
            : jsonSchema
              ? sampleFromSchema(jsonSchema, resolveRef)
              : ['POST', 'PUT', 'PATCH'].includes(route.method)
                ? {}
                : undefined),
        multipart: given.multipart ?? multipart,
        query: given.query ?? (Object.keys(openApiQuery).length ? openApiQuery : undefined),
        headers: given.headers,
      });
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function personasFor(rule: Grant | undefined): { allowed: Persona[]; others: Persona[] } {
    const all: Persona[] = ['anonymous', ...ROLES.filter((r) => auth.has(r))];
    const allowed =
      !rule || rule === 'public'
        ? all
        : rule === 'authenticated'
          ? all.filter((p) => p !== 'anonymous')
          : all.filter((p) => (rule as readonly Persona[]).includes(p));
    return { allowed: allowed.length ? allowed : all, others: all.filter((p) => !allowed.includes(p)) };
  }

  it(
    `answers ${REQUESTS} hostile requests over every route without a 5xx`,
    async () => {
      expect(targets.length).toBeGreaterThan(20);
      const writes = targets.filter((x) => x.method !== 'GET').length;
      // Writes carry bodies to mutate, public reads face anyone: they get more of the requests.
      const weights = targets.map((x) =>
        x.method !== 'GET' ? 3 : rules.get(`${x.method} ${x.path}`) === 'public' ? 2 : 1,
      );
      const total = weights.reduce((a, b) => a + b, 0);
      const pickWeighted = (r: number) => {
        let at = r * total;
        for (let i = 0; i < weights.length; i++) {
          at -= weights[i];
          if (at < 0) return i;
        }
        return weights.length - 1;
      };
      const ctxFor = targets.map((target) => {
        const { allowed, others } = personasFor(rules.get(`${target.method} ${target.path}`));
        return { auth: { allowed: allowed.map((p) => auth.get(p)!), others: others.map((p) => auth.get(p)!) } };
      });
      console.log(
        `fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${REQUESTS} requests over ${targets.length} routes (${writes} writes)`,
      );

      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const failures: Outcome[] = [];
      /** 4xx answers that are not problem+json (the contract's error format), by route. */
      const notProblem = new Map<string, Outcome>();
      const byStatus = new Map<number, number>();
      const hits = new Map<string, number>();
      const spent = new Map<string, number>();
      const indices = ONLY !== undefined ? [ONLY] : Array.from({ length: REQUESTS }, (_, i) => i);
      const started = Date.now();
      let next = 0;
      let sent = 0;

      const worker = async () => {
        while (next < indices.length && Date.now() - started < BUDGET_MS) {
          const index = indices[next++];
          const rng = rngFor(SEED, index);
          const n = pickWeighted(rng());
          const target = targets[n];
          const request = buildRequest(rng, target, ctxFor[n]);
          const t0 = Date.now();
          const outcome = { index, request, ...(await send(port, agent, request)) };
          const key = `${target.method} ${target.path}`;
          sent++;
          byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
          hits.set(key, (hits.get(key) ?? 0) + 1);
          spent.set(key, (spent.get(key) ?? 0) + Date.now() - t0);
          if (outcome.status >= 500 || outcome.status === 0) failures.push(outcome);
          if (
            outcome.status >= 400 &&
            outcome.status < 500 &&
            !outcome.contentType.startsWith('application/problem+json')
          ) {
            notProblem.set(`${key} ${outcome.status}`, outcome);
          }
          if (ONLY !== undefined) console.log(report(outcome));
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      agent.destroy();

      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s}×${c}`);
      console.log(
        `fuzz: seed ${SEED}: ${sent}/${indices.length} requests in ${seconds} s, ${failures.length} failed (5xx or no answer); ` +
          `statuses ${statuses.join(' ')}` +
          (sent < indices.length ? `; stopped by the ${BUDGET_MS} ms budget` : ''),
      );
      const slowest = [...spent.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.log(
        `fuzz: most time spent on ${slowest.map(([k, ms]) => `${k} (${hits.get(k)} requests, ${(ms / 1000).toFixed(1)} s)`).join(', ')}`,
      );
      if (failures.length) {
        failures.sort((a, b) => a.index - b.index);
        console.log(
          `fuzz: failures (first 25 of ${failures.length}):\n${failures.slice(0, 25).map(report).join('\n\n')}`,
        );
      }
      if (notProblem.size) {
        console.log(
          `fuzz: 4xx answers that are not problem+json:\n${[...notProblem.values()].map(report).join('\n\n')}`,
        );
      }
      if (ONLY === undefined && sent === indices.length && indices.length >= 1_000) {
        // Every route got its share; a route never hit would be a hole in the net.
        const missed = targets.filter((x) => !hits.has(`${x.method} ${x.path}`)).map((x) => `${x.method} ${x.path}`);
        expect(missed).toEqual([]);
      }
      expect(
        failures.map((f) => `#${f.index} ${f.request.method} ${f.request.path.slice(0, 120)} → ${f.status}`),
      ).toEqual([]);
      // The full pass promises its count (issue 12: ≥ 10,000 requests); the light pass may stop on time.
      if (SECURITY_PASS.full && ONLY === undefined) expect(sent).toBe(indices.length);
      // Errors follow the contract's format (api.md): problem+json, never an HTML or text page.
      expect([...notProblem.keys()]).toEqual([]);
    },
    BUDGET_MS + 60_000,
  );
});
