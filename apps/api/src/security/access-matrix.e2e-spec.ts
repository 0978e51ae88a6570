import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { Role } from '@motcua/shared';
import { createUser, ensureAgency, tokenFor, type TestUser } from '../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { CALLERS, EXPECTED_ACCESS, type Caller, type Outcome } from './expected-access.js';

/**
 * The role × route matrix (issue 12, the attack suite): every route the app serves, called by every
 * kind of caller, must answer as the hand-written table in expected-access.ts says. A route missing
 * from the table, a table row with no route, or one differing cell fails the test. Routes are called
 * with placeholder parameters (a random uuid for `…id`, `X` otherwise) and an empty body.
 */

const API = '/api/v1';

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')
  );
}

/** The routes Express serves under /api/v1: what a caller can reach, whatever registered it. */
function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[] };
  };
  const out = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      if (!path.startsWith(API)) continue;
      for (const [m, on] of Object.entries(layer.route.methods)) {
        if (on && m !== '_all') out.add(`${m.toUpperCase()} ${path}`);
      }
    }
  }
  return [...out].sort();
}

/** The routes of Nest's controllers: only these pass through the AccessGuard. */
function controllerRoutes(t: TestApp): string[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const out = new Set<string>();
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '/');
    const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const methodPaths = Reflect.getMetadata(PATH_METADATA, prototype[name]) as string | string[] | undefined;
      if (methodPaths === undefined) continue; // a plain method, not a route
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, prototype[name]) as RequestMethod];
      for (const c of controllerPaths) {
        for (const m of ([] as string[]).concat(methodPaths)) out.add(`${method} ${joinPath(API, c, m)}`);
      }
    }
  }
  return [...out].sort();
}

function placeholder(path: string): string {
  return path.replace(/:(\w+)\??/g, (_m, name: string) => (/id$/i.test(name) ? randomUUID() : 'X'));
}

const b64url = (v: object | string) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** An HS256 JWT signed with `secret`. */
function signJwt(claims: object, secret: string): string {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('access matrix: every served route × every caller, against the hand-written table', () => {
  let t: TestApp;
  let port: number;
  let routes: string[];
  let admin: TestUser;
  const tokens = new Map<Caller, string | null>();

  beforeAll(async () => {
    t = await createTestApp();
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
    await ensureAgency(t.ds, 'M.01');
    tokens.set('anonymous', null);
    for (const role of CALLERS.filter((c): c is Role => c !== 'anonymous')) {
      const user = await createUser(t.ds, {
        roles: [role],
        agencyCode: role === 'CITIZEN' || role === 'ADMIN' ? null : 'M.01',
      });
      if (role === 'ADMIN') admin = user;
      tokens.set(role, tokenFor(t, user));
    }
    routes = servedRoutes(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The status of one call; a streaming answer (SSE) is cut once its head arrives. */
  function call(method: string, path: string, token: string | null): Promise<number> {
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
            res.destroy();
            resolve(status);
            return;
          }
          res.resume();
          res.on('end', () => resolve(status));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  function matches(expected: Outcome, status: number): boolean {
    if (status >= 500) return false;
    return expected === 'Y' ? status !== 401 && status !== 403 : status === expected;
  }

  it('has a row for every served route and no row for a route that is gone', () => {
    const table = Object.keys(EXPECTED_ACCESS).sort();
    expect({ servedWithoutRow: routes.filter((r) => !table.includes(r)) }).toEqual({ servedWithoutRow: [] });
    expect({ rowWithoutRoute: table.filter((r) => !routes.includes(r)) }).toEqual({ rowWithoutRoute: [] });
  });

  it('serves no /api/v1 route outside the controllers (such a route would skip the access guard)', () => {
    const guarded = controllerRoutes(t);
    expect(routes.filter((r) => !guarded.includes(r))).toEqual([]);
  });

  it('answers every caller on every route as the table says, never with a 5xx', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const row = EXPECTED_ACCESS[route];
      if (!row) continue; // reported by the test above
      const [method, path] = route.split(' ');
      for (const [i, caller] of CALLERS.entries()) {
        const status = await call(method, placeholder(path), tokens.get(caller)!);
        if (!matches(row[i], status)) {
          wrong.push(`${route} as ${caller}: got ${status}, expected ${row[i] === 'Y' ? 'allowed' : row[i]}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  describe('a forged or tampered token is no credential', () => {
    const now = () => Math.floor(t.clock.now().getTime() / 1000);
    const adminClaims = () => ({
      sub: admin.id,
      roles: ['ADMIN'],
      agencyCode: null,
      name: admin.fullName,
      iat: now(),
      exp: now() + 900,
    });
    const forgeries: Record<string, () => string> = {
      'a token signed with a random key': () => signJwt(adminClaims(), randomBytes(32).toString('hex')),
      // The constant config.ts shipped: anyone who has read the repository knows it (issue 12, item 2).
      'a token signed with the development secret published in the repository': () =>
        signJwt(adminClaims(), 'motcua-development-secret-not-for-production'),
      'a token with alg none': () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(adminClaims())}.`,
      'a citizen token whose roles were edited to ADMIN': () => {
        const [head, , sig] = tokens.get('CITIZEN')!.split('.');
        const claims = JSON.parse(Buffer.from(tokens.get('CITIZEN')!.split('.')[1], 'base64url').toString());
        return `${head}.${b64url({ ...claims, roles: ['ADMIN'] })}.${sig}`;
      },
    };

    it.each(Object.keys(forgeries))('refuses %s with 401 wherever a user is needed', async (name) => {
      const token = forgeries[name]();
      const wrong: string[] = [];
      for (const route of routes) {
        const row = EXPECTED_ACCESS[route];
        if (!row) continue;
        const [method, path] = route.split(' ');
        const status = await call(method, placeholder(path), token);
        // A bad token is ignored on a public route (the caller is anonymous there).
        const expected: Outcome = row[0] === 'Y' ? 'Y' : 401;
        if (!matches(expected, status)) wrong.push(`${route}: got ${status}, expected ${expected}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
