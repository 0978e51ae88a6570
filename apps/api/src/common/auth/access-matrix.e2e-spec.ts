import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@motcua/shared';
import { createUser, ensureAgency, tokenFor } from '../../test/auth-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { ACCESS_KEY, type AccessRule } from './access.decorator.js';

/**
 * The role × route matrix, generated from the routes the app registers (so routes
 * other modules add are covered as they land): every route declares an access rule,
 * and each persona gets the status its rule implies. Routes are called with
 * placeholder parameters (a random uuid for `…id`, `X` otherwise) and an empty body,
 * so a granted call ends in 2xx/400/404/409/422, never 401/403 and never a 5xx.
 */

interface DiscoveredRoute {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

const PERSONAS = ['anonymous', 'CITIZEN', 'RECEPTIONIST', 'OFFICER', 'APPROVER', 'MANAGER', 'ADMIN'] as const;
type Persona = (typeof PERSONAS)[number];

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')
  );
}

/** Every controller route with its access rule, read the way the AccessGuard reads it. */
function discoverRoutes(t: TestApp, prefix: string): DiscoveredRoute[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const seen = new Map<string, DiscoveredRoute>();
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '/');
    const prototype = Object.getPrototypeOf(instance) as Record<string, Function>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPaths === undefined) continue; // a plain method, not a route
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, metatype as Function]);
      for (const c of controllerPaths) {
        for (const m of ([] as string[]).concat(methodPaths)) {
          const path = joinPath(prefix, c, m);
          seen.set(`${method} ${path}`, { method, path, rule });
        }
      }
    }
  }
  return [...seen.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The routes Express actually serves under /api (to catch one registered around Nest's controllers). */
function expressRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[] };
  };
  const out: string[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const [m, on] of Object.entries(layer.route.methods)) {
        if (on && m !== '_all') out.push(`${m.toUpperCase()} ${path}`);
      }
    }
  }
  return out;
}

function placeholder(path: string): string {
  return path.replace(/:(\w+)\??/g, (_m, name: string) => (/id$/i.test(name) ? randomUUID() : 'X'));
}

describe('access matrix: every registered route × every persona', () => {
  let t: TestApp;
  let port: number;
  let routes: DiscoveredRoute[];
  const tokens = new Map<Persona, string | null>();

  beforeAll(async () => {
    t = await createTestApp();
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
    await ensureAgency(t.ds, 'M.01');
    tokens.set('anonymous', null);
    for (const role of PERSONAS.filter((p): p is Role => p !== 'anonymous')) {
      const user = await createUser(t.ds, {
        roles: [role],
        agencyCode: role === 'CITIZEN' || role === 'ADMIN' ? null : 'M.01',
      });
      tokens.set(role, tokenFor(t, user));
    }
    routes = discoverRoutes(t, 'api/v1');
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

  it('discovers the routes, with the rules they declare', () => {
    const byKey = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.rule]));
    expect(byKey.get('GET /api/v1/health')).toEqual({ kind: 'public' });
    expect(byKey.get('POST /api/v1/auth/login')).toEqual({ kind: 'public' });
    expect(byKey.get('GET /api/v1/auth/me')).toEqual({ kind: 'authenticated' });
    expect(byKey.get('POST /api/v1/admin/users')).toEqual({ kind: 'roles', roles: ['ADMIN'] });
  });

  it('finds no route without an access rule', () => {
    expect(routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('finds no route served by Express that escapes the discovered controllers', () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const served = expressRoutes(t);
    expect(served.filter((r) => !known.has(r))).toEqual([]);
    expect([...known].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('answers each persona as the route rule says', async () => {
    const wrong: string[] = [];
    const cells: string[] = [];
    for (const route of routes) {
      if (!route.rule) continue; // reported by the test above
      const path = placeholder(route.path);
      for (const persona of PERSONAS) {
        const status = await call(route.method, path, tokens.get(persona)!);
        const rule = route.rule;
        let expected: string;
        let ok: boolean;
        if (rule.kind === 'public') {
          expected = 'not 401/403';
          ok = status !== 401 && status !== 403;
        } else if (persona === 'anonymous') {
          expected = '401';
          ok = status === 401;
        } else if (rule.kind === 'authenticated' || rule.roles.includes(persona)) {
          expected = 'not 401/403';
          ok = status !== 401 && status !== 403;
        } else {
          expected = '403';
          ok = status === 403;
        }
        if (status >= 500) {
          expected += ', below 500';
          ok = false;
        }
        cells.push(`${route.method} ${route.path} ${persona}: ${status}`);
        if (!ok) wrong.push(`${route.method} ${route.path} as ${persona}: got ${status}, expected ${expected}`);
      }
    }
    expect(cells.length).toBe(routes.length * PERSONAS.length);
    expect(wrong).toEqual([]);
  });
});
