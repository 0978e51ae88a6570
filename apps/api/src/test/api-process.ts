import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { freePort } from '../database/embedded-postgres.js';
import { buildProcedureInput } from '../modules/catalog/catalog.factories.js';
import { randomNationalId } from './auth-helpers.js';
import type { TestDatabase } from './test-database.js';

/**
 * The built API (dist/main.js) as a child process on a test database, for the tests that need
 * real processes: signals, several processes on one database. Needs `npx turbo run build` (the
 * API's test task depends on it).
 */

export const DIST_MAIN = path.resolve(__dirname, '../../dist/main.js');
export const TEST_ADMIN_PASSWORD = 'Cluster-Test-Nebula-4417!';
export const TEST_CITIZEN_PASSWORD = 'Harbor-Kite-6620!';

export interface Answer {
  status: number;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

/** One JSON request on a fresh connection (no keep-alive: a killed server must not hang a pooled socket). */
export function callApi(
  port: number,
  method: string,
  url: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/api/v1${url}`,
        agent: false,
        timeout: 30_000,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A running `node dist/main.js` and what it printed. */
export class ApiProcess {
  readonly output: string[] = [];
  exited: { code: number | null; signal: string | null } | null = null;
  readonly exit: Promise<{ code: number | null; signal: string | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve(this.exited);
      }),
    );
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Start on `db` as its restricted role (migrations as the owner), sharing `dataDir` with any sibling. */
  static async start(db: TestDatabase, dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [DIST_MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        TMPDIR: os.tmpdir(),
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: db.url,
        DATABASE_APP_URL: db.appUrl,
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        LOG_LEVEL: 'log',
        NO_COLOR: '1',
        WEB_DIST: '/nonexistent',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(child, port);
    if (!(await api.healthy())) {
      await api.kill9();
      throw new Error(`API did not become healthy:\n${api.log()}`);
    }
    return api;
  }

  log(): string {
    return this.output.slice(-60).join('\n');
  }

  /** True once GET /health answers ok; false if the process died or 60 s passed. */
  async healthy(): Promise<boolean> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !this.exited) {
      const res = await callApi(this.port, 'GET', '/health').catch(() => null);
      if (res?.status === 200 && (res.body as { db?: string }).db === 'ok') return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  }

  async kill9(): Promise<void> {
    if (!this.exited) this.child.kill('SIGKILL');
    await this.exit;
  }

  /** SIGTERM, and SIGKILL after 20 s if it hangs. */
  async stop(): Promise<{ code: number | null; signal: string | null }> {
    if (!this.exited) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    const r = await this.exit;
    clearTimeout(timer);
    return r;
  }
}

export async function login(port: number, username: string, password: string): Promise<string> {
  const res = await callApi(port, 'POST', '/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login of ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${(res.body as { accessToken: string }).accessToken}`;
}

/** The answer of a request that must create something (201), else an error naming it. */
export async function created(res: Promise<Answer>, what: string): Promise<Answer> {
  const r = await res;
  if (r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export interface ApiWorld {
  agencyCode: string;
  procedureCode: string;
  nationalId: string;
  admin: string;
}

/** Through the public API of `port`: a sector, a ward, a procedure without documents or fee, a citizen. */
export async function createApiWorld(port: number): Promise<ApiWorld> {
  const admin = await login(port, 'admin', TEST_ADMIN_PASSWORD);
  const auth = { authorization: admin };
  const suffix = randomUUID().slice(0, 4).toUpperCase();
  const agencyCode = `999.41.${suffix}.H17`;
  const sectorCode = `CLUSTER_${suffix}`;
  await created(callApi(port, 'POST', '/admin/sectors', { code: sectorCode, name: 'Lĩnh vực thử' }, auth), 'sector');
  await created(
    callApi(port, 'POST', '/admin/agencies', { code: agencyCode, name: 'Phường Thử', level: 'WARD' }, auth),
    'agency',
  );
  const procedure = buildProcedureInput({ sectorCode, agencyCodes: [agencyCode], requiredDocuments: [], fee: 0 });
  await created(callApi(port, 'POST', '/admin/procedures', procedure, auth), 'procedure');
  const nationalId = randomNationalId();
  await created(
    callApi(port, 'POST', '/auth/register', {
      nationalId,
      fullName: 'Trần Thị Thử Nghiệm',
      dateOfBirth: '1988-04-09',
      email: `cluster.${nationalId}@example.vn`,
      password: TEST_CITIZEN_PASSWORD,
    }),
    'register',
  );
  return { agencyCode, procedureCode: procedure.code, nationalId, admin };
}

/** A draft of the world's procedure, created through `port` by the world's citizen. */
export async function createDraft(port: number, w: ApiWorld, citizen: string, formData: object): Promise<string> {
  const res = await created(
    callApi(port, 'POST', '/dossiers', { procedureCode: w.procedureCode, formData }, { authorization: citizen }),
    'draft',
  );
  return (res.body as { id: string }).id;
}

/** The lines of a probe log (jobs/test-probes.ts), split in fields; none when the file is not there yet. */
export function probeLines(
  file: string,
): { event: string; pid: number; jobId: string; attempt: number; createdOn: Date }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [event, pid, jobId, attempt, createdOn] = l.split(' ');
      return { event, pid: Number(pid), jobId, attempt: Number(attempt), createdOn: new Date(createdOn) };
    });
}

/** Poll `check` every 100 ms until it returns a value other than undefined (or throw after `ms`). */
export async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  ms: number,
  what: string,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`Not in ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An open Server-Sent Events response: its events as they come, and its raw text. */
export interface SseClient {
  events: { event: string; data: unknown }[];
  raw: () => string;
  ended: Promise<void>;
  close(): void;
}

export function openSse(port: number, url: string, authorization: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: `/api/v1${url}`, agent: false, headers: { authorization } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`SSE ${url}: ${res.statusCode}`));
          res.resume();
          return;
        }
        let text = '';
        let buffer = '';
        const events: SseClient['events'] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          buffer += chunk;
          let i: number;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (name && data !== undefined) events.push({ event: name, data: JSON.parse(data) });
          }
        });
        const ended = new Promise<void>((done) => {
          res.on('end', () => done());
          res.on('close', () => done());
        });
        resolve({ events, raw: () => text, ended, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
  });
}

/** Queue one job from outside the API (as the owner), as another service or an operator would. */
export async function sendJob(dbUrl: string, name: string, data: object): Promise<string> {
  const boss = new PgBoss({
    connectionString: dbUrl,
    schema: 'pgboss',
    migrate: false,
    supervise: false,
    schedule: false,
    max: 1,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    const id = await boss.send(name, data);
    if (!id) throw new Error(`job ${name} not created`);
    return id;
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

/**
 * A request still in flight: its headers and half its body are sent; `finish()` sends the rest.
 * (A request whose body is still arriving is the simplest slow request: no slow route needed.)
 */
export function slowPost(port: number, url: string, body: object): { finish(): void; answer: Promise<Answer> } {
  const payload = Buffer.from(JSON.stringify(body));
  const half = Math.floor(payload.length / 2);
  let req!: http.ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1${url}`,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as unknown) : null,
            headers: res.headers,
          });
        });
      },
    );
    req.on('error', reject);
    req.flushHeaders();
    req.write(payload.subarray(0, half));
  });
  return { finish: () => req.end(payload.subarray(half)), answer };
}
