/**
 * The seeded request fuzzer's generator (issue 12, "bad input never reaches a 500"): from a
 * route, a valid request for it and a seed, it builds hostile variants of the request. Pure: no
 * Nest, no network; fuzz.e2e-spec.ts sends what it builds. Request `i` of seed `s` depends on
 * `(s, i)` only, so any failing request is replayed alone with FUZZ_SEED and FUZZ_ONLY.
 */

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every platform. */
export function rngFor(seed: number, index = 0): Rng {
  let a = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];
const chance = (rng: Rng, p: number) => rng() < p;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One route to fuzz and how to make a valid request to it. */
export interface FuzzTarget {
  method: string;
  /** Express path under the API prefix, with `:param` segments. */
  path: string;
  /** Valid values for each path parameter (the fuzzer also sends hostile ones). */
  params: Record<string, readonly string[]>;
  /** A valid JSON body (write routes), or undefined for no body. */
  body?: Json;
  /** A valid query (names and values, unencoded). */
  query?: Record<string, string>;
  /** A multipart upload route: the text fields of a valid upload. */
  multipart?: Record<string, string>;
  /** Extra headers a valid request carries (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

export interface FuzzRequest {
  method: string;
  /** Raw request target, already percent-encoded (possibly badly, on purpose). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was done to the valid request, for the failure report. */
  mutations: string[];
}

// ---- hostile values ----

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

/** Strings that have broken parsers, databases and templates before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  ...LONE_SURROGATES,
  'x\ud800y',
  '\udc00\ud800',
  '\ufeff',
  '\ufffe\uffff',
  '\u202eevil',
  '\u2028\u2029',
  'Nguyễn Văn Ạn',
  'Ω≈ç√∫',
  '🙂👨‍👩‍👧‍👦🇻🇳',
  'e\u0301'.repeat(200),
  'ǅǈǋ',
  'İı',
  '\t\r\n',
  '\u0007\u001b[31m',
  '%00',
  '%E0%A4%A',
  '%ED%A0%80',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "' OR '1'='1' --",
  '"; DROP TABLE dossier; --',
  '$1',
  '\\',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '0',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '9999-12-31',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '1899-12-31',
  '1900-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '2026-11-27T02:00:00Z',
  '20261127',
  '9'.repeat(400),
  '0x7fffffff',
  'A'.repeat(201),
  'A'.repeat(10_001),
];

/** A hostile variant of a valid string. */
export function mutateString(rng: Rng, s: string): { value: string; what: string } {
  switch (int(rng, 10)) {
    case 9:
      // Same shape, values out of range: what a date, year or count check must bound.
      if (/\d/.test(s)) {
        const digit = pick(rng, ['0', '9', 'r']);
        const value = s.replace(/\d/g, () => (digit === 'r' ? String(int(rng, 10)) : digit));
        return { value, what: `digits → ${describe(value)}` };
      }
      return { value: s + '\u0000', what: 'NUL appended' };
    case 0: {
      const at = int(rng, s.length + 1);
      return { value: s.slice(0, at) + '\u0000' + s.slice(at), what: 'NUL inserted' };
    }
    case 1: {
      const at = int(rng, s.length + 1);
      return { value: s.slice(0, at) + pick(rng, LONE_SURROGATES) + s.slice(at), what: 'lone surrogate inserted' };
    }
    case 2:
      return {
        value: (s || 'x').repeat(Math.ceil(pick(rng, [300, 5_000, 120_000]) / Math.max(1, s.length))),
        what: 'huge',
      };
    case 3:
      return { value: s.slice(0, int(rng, s.length)), what: 'truncated' };
    case 4:
      return { value: ` ${s}\t`, what: 'padded' };
    case 5:
      return { value: s.toUpperCase() === s ? s.toLowerCase() : s.toUpperCase(), what: 'case flipped' };
    case 6:
      return { value: s + pick(rng, ['🙂', 'ệ', '\u0301', '\u200b', '\ufeff']), what: 'unicode appended' };
    default: {
      const value = pick(rng, NASTY_STRINGS);
      return { value, what: `nasty string ${describe(value)}` };
    }
  }
}

/**
 * Raw JSON text put in place of a value after JSON.stringify: what a JS value cannot express
 * (numbers beyond double range, duplicate keys, very deep nesting).
 */
const RAW_VALUES: readonly string[] = [
  '1e400',
  '-1e400',
  '-0',
  '1e-400',
  '123456789012345678901234567890',
  '0.1e-999999',
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  '{"k":1,"k":2}',
  '"\\ud800"',
  '"\\u0000"',
  '"a\\udfffb"',
];

function otherValue(rng: Rng): { value: Json | Raw; what: string } {
  const options: (() => { value: Json | Raw; what: string })[] = [
    () => ({
      value: pick(rng, [0, -1, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324]),
      what: 'number',
    }),
    () => ({ value: pick(rng, [true, false]), what: 'boolean' }),
    () => ({ value: null, what: 'null' }),
    () => ({ value: [], what: 'empty array' }),
    () => ({ value: {}, what: 'empty object' }),
    () => ({ value: ['a', 1, null, { x: [] }], what: 'mixed array' }),
    () => ({ value: { a: { b: { c: 'd' } } }, what: 'nested object' }),
    () => ({ value: Array.from({ length: 20_000 }, (_, i) => i), what: 'array of 20,000' }),
    () => ({ value: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])), what: '5,000 keys' }),
    () => ({ value: nested(int(rng, 60) + 10), what: 'deep nesting' }),
    () => {
      const text = pick(rng, RAW_VALUES);
      return { value: new Raw(text), what: `raw ${describe(text)}` };
    },
  ];
  return pick(rng, options)();
}

function nested(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { n: v };
  return v;
}

/** Keys an attacker adds to a JSON object. */
const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '',
  'a\u0000b',
  '\ud800',
  'x'.repeat(5_000),
  'toString',
  'hasOwnProperty',
  '$where',
  'id',
  'status',
  'version',
  'applicantId',
  'roles',
];

/** Marks raw JSON text to splice into the serialized body. */
export class Raw {
  constructor(readonly text: string) {}
}

type Tree = Json | Raw | Tree[] | { [key: string]: Tree };

function clone(v: Json): Tree {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as Tree);
}

/** Every location in a tree: the container and the key or index, plus the root. */
function locations(tree: Tree): { parent: Tree[] | Record<string, Tree>; key: string | number }[] {
  const out: { parent: Tree[] | Record<string, Tree>; key: string | number }[] = [];
  const walk = (v: Tree, depth: number) => {
    if (depth > 8 || v === null || typeof v !== 'object' || v instanceof Raw) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i });
        walk(x, depth + 1);
      });
    } else {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k });
        walk(v[k], depth + 1);
      }
    }
  };
  walk(tree, 0);
  return out;
}

/** One mutation of a JSON tree in place (or a new root); returns the root and what was done. */
function mutateTree(rng: Rng, root: Tree): { root: Tree; what: string } {
  const locs = locations(root);
  const objects = [root, ...locs.map((l) => (l.parent as Record<string, Tree>)[l.key as string])].filter(
    (v): v is Record<string, Tree> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw),
  );
  const r = rng();
  if (locs.length === 0 || r < 0.05) {
    const { value, what } = chance(rng, 0.5) ? otherValue(rng) : mutateString(rng, 'x');
    return { root: value, what: `body replaced by ${what}` };
  }
  if (r < 0.2 && objects.length > 0) {
    const obj = pick(rng, objects);
    const key = pick(rng, HOSTILE_KEYS);
    const { value } = chance(rng, 0.5) ? { value: { polluted: true } as Tree } : otherValue(rng);
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    return { root, what: `key ${describe(key)} added` };
  }
  const loc = pick(rng, locs);
  const container = loc.parent as Record<string | number, Tree>;
  const path = pathOf(root, loc.parent, loc.key);
  const current = container[loc.key];
  if (r < 0.28 && !Array.isArray(loc.parent)) {
    delete container[loc.key];
    return { root, what: `${path} removed` };
  }
  if (typeof current === 'string' && chance(rng, 0.7)) {
    const { value, what } = mutateString(rng, current);
    container[loc.key] = value;
    return { root, what: `${path}: ${what}` };
  }
  if (typeof current === 'number' && chance(rng, 0.5)) {
    container[loc.key] = pick(rng, [
      current + 1,
      current - 1,
      -current,
      current * 1e6,
      current + 0.5,
      0,
      Number.MAX_SAFE_INTEGER + 2,
    ]);
    return { root, what: `${path}: number moved` };
  }
  const { value, what } = chance(rng, 0.3) ? mutateString(rng, JSON.stringify(current) ?? '') : otherValue(rng);
  container[loc.key] = value;
  return { root, what: `${path}: replaced by ${what}` };
}

function pathOf(root: Tree, parent: unknown, key: string | number): string {
  // Found by a search: locations do not keep their paths, to stay cheap on big bodies.
  const find = (v: Tree, prefix: string, depth: number): string | undefined => {
    if (v === parent) return prefix;
    if (depth > 8 || v === null || typeof v !== 'object' || v instanceof Raw) return undefined;
    for (const [k, x] of Object.entries(v)) {
      const hit = find(x, Array.isArray(v) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k, depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  const base = find(root, '', 0) ?? '?';
  return typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;
}

/** JSON text of a tree, with its Raw parts spliced in. */
export function serialize(tree: Tree): string {
  const raws: string[] = [];
  const text = JSON.stringify(tree, (_k, v: unknown) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return v;
  });
  return raws.length ? text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]) : text;
}

function describe(s: string): string {
  const shown = s.length > 40 ? `${s.slice(0, 20)}…(${s.length} chars)` : s;
  return JSON.stringify(shown);
}

// ---- percent-encoding ----

/** Percent-encode as a browser would; a lone surrogate goes out as its (invalid) CESU-8 bytes. */
export function encodeComponent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(s[i]);
    }
  }
  return out;
}

/** Percent sequences that decode to nothing valid, or to something dangerous. */
export const BAD_PERCENT: readonly string[] = [
  '%E0%A4%A',
  '%',
  '%%',
  '%zz',
  '%G0',
  '%FF',
  '%C0%AF',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%00',
  'a%00b',
  '%2e%2e%2f%2e%2e%2f',
  '..%2F..%2F',
  '%u0041',
  '%%30%30',
  '%EF%BF%BE',
];

function hostileSegment(rng: Rng, valid: string): { text: string; what: string } {
  if (chance(rng, 0.45)) {
    const bad = pick(rng, BAD_PERCENT);
    return chance(rng, 0.5)
      ? { text: bad, what: `bad percent ${bad}` }
      : { text: encodeComponent(valid) + bad, what: `bad percent ${bad} appended` };
  }
  const { value, what } = mutateString(rng, valid);
  return { text: encodeComponent(value.slice(0, 3_000)), what };
}

// ---- the request ----

export interface BuildContext {
  /** `Authorization` values, by persona; the fuzzer picks an allowed one most of the time. */
  auth: { allowed: readonly (string | null)[]; others: readonly (string | null)[] };
}

/** Build request `rng` of a target: the valid request with one or more hostile changes. */
export function buildRequest(rng: Rng, target: FuzzTarget, ctx: BuildContext): FuzzRequest {
  const mutations: string[] = [];
  const headers: Record<string, string> = { accept: 'application/json', ...target.headers };

  // Who: mostly someone the route admits (so bodies reach validation), sometimes not, or garbage.
  const a = rng();
  const token =
    a < 0.85 || ctx.auth.others.length === 0
      ? pick(rng, ctx.auth.allowed)
      : a < 0.95
        ? pick(rng, ctx.auth.others)
        : pick(rng, [
            'Bearer x',
            'Bearer ' + 'A'.repeat(9000),
            'Basic YWRtaW46YWRtaW4=',
            'Bearer eyJhbGciOiJub25lIn0.e30.',
            'bearer',
          ]);
  if (token) headers.authorization = token;
  if (a >= 0.95) mutations.push('garbage Authorization');

  // Where from: a different address per request keeps per-address limits from hiding the code
  // behind 429s (the test app trusts X-Forwarded-For from loopback, as behind the city's proxy).
  headers['x-forwarded-for'] = chance(rng, 0.97)
    ? `10.${int(rng, 256)}.${int(rng, 256)}.${int(rng, 256)}`
    : pick(rng, ['garbage', '999.1.1.1', '::ffff:127.0.0.1', '1.2.3.4, 5.6.7.8', '', 'fe80::1%eth0']);

  for (const [name, value] of Object.entries(target.headers ?? {})) {
    if (chance(rng, 0.15)) {
      const v = latin1Header(mutateString(rng, value).value);
      headers[name] = v;
      mutations.push(`header ${name} mutated`);
    }
  }

  // Path: each parameter valid, or hostile.
  const path = target.path.replace(/:(\w+)/g, (_m, name: string) => {
    const valid = target.params[name] ?? ['x'];
    const v = pick(rng, valid);
    if (chance(rng, 0.25)) {
      const { text, what } = hostileSegment(rng, v);
      mutations.push(`path :${name}: ${what}`);
      return text;
    }
    return encodeComponent(v);
  });

  // Query: the valid one, with hostile changes.
  const query = Object.entries(target.query ?? {}).map(([k, v]) => [encodeComponent(k), encodeComponent(v)]);
  if (chance(rng, target.query ? 0.5 : 0.15)) {
    const n = 1 + int(rng, 2);
    for (let i = 0; i < n; i++) mutateQuery(rng, query, mutations);
  }
  const qs = query.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&');
  const fullPath = qs ? `${path}?${qs}` : path;

  let body: Buffer | undefined;
  if (target.multipart) {
    body = multipartBody(rng, target.multipart, headers, mutations);
  } else if (target.body !== undefined || chance(rng, 0.05)) {
    body = jsonBody(rng, target.body ?? {}, headers, mutations);
  }
  if (mutations.length === 0) mutations.push('none (valid request)');
  return { method: target.method, path: fullPath, headers, body, mutations };
}

function mutateQuery(rng: Rng, query: string[][], mutations: string[]): void {
  const r = rng();
  if (query.length > 0 && r < 0.5) {
    const entry = pick(rng, query);
    const { text, what } = hostileSegment(rng, decodeSafe(entry[1]));
    entry[1] = text;
    mutations.push(`query ${entry[0]}: ${what}`);
  } else if (query.length > 0 && r < 0.6) {
    const entry = pick(rng, query);
    query.push([entry[0], entry[1]]);
    mutations.push(`query ${entry[0]} repeated`);
  } else if (query.length > 0 && r < 0.68) {
    const entry = pick(rng, query);
    query.push([`${entry[0]}[x]`, entry[1]], [`${entry[0]}[]`, '1']);
    mutations.push(`query ${entry[0]} as bracket keys`);
  } else {
    const key = pick(rng, [
      '__proto__',
      'constructor',
      'q',
      'from',
      'to',
      'limit',
      'cursor',
      'page',
      '%00',
      '%E0%A4%A',
      'x',
    ]);
    const { text, what } = hostileSegment(rng, 'v');
    query.push([key, text]);
    mutations.push(`query ${key} added: ${what}`);
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Header values are bytes: keep what Node's client would send, as latin1. */
function latin1Header(s: string): string {
  return s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').slice(0, 8_000);
}

function jsonBody(rng: Rng, valid: Json, headers: Record<string, string>, mutations: string[]): Buffer {
  headers['content-type'] = 'application/json';
  const r = rng();
  if (r < 0.08) {
    // Broken at the byte level: what no JSON.stringify produces.
    const text = serialize(clone(valid));
    const variants: [string, Buffer][] = [
      ['truncated JSON', Buffer.from(text.slice(0, Math.max(1, text.length - 3)))],
      [
        'invalid UTF-8 inside a string',
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]),
      ],
      ['UTF-16 body', Buffer.from(text, 'utf16le')],
      ['BOM then JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['empty body', Buffer.alloc(0)],
      ['JSON scalar', Buffer.from(pick(rng, ['null', '"x"', '1', 'true', '[]', '"\\u0000"']))],
      ['over 1 MB', Buffer.from(JSON.stringify({ a: 'x'.repeat(1_100_000) }))],
      ['NUL bytes raw', Buffer.from('{"a":"\u0000"}')],
    ];
    const [what, buf] = pick(rng, variants);
    mutations.push(`body: ${what}`);
    return buf;
  }
  if (r < 0.13) {
    const text = serialize(clone(valid));
    const [ct, what] = pick(rng, [
      ['text/plain', 'JSON as text/plain'],
      ['application/x-www-form-urlencoded', 'JSON as a form'],
      ['application/json; charset=utf-16', 'charset utf-16'],
      ['application/json; charset=koi8-r', 'charset koi8-r'],
      ['multipart/form-data; boundary=x', 'JSON as multipart'],
      ['application/xml', 'JSON as XML'],
    ] as const);
    headers['content-type'] = ct;
    mutations.push(`content-type: ${what}`);
    return Buffer.from(ct.startsWith('application/x-www') ? `a=%00&b=${encodeComponent('\ud800')}&c[d]=1` : text);
  }
  let root = clone(valid);
  const n = 1 + int(rng, 3);
  for (let i = 0; i < n; i++) {
    const m = mutateTree(rng, root);
    root = m.root;
    mutations.push(m.what);
  }
  return Buffer.from(serialize(root));
}

/** The magic bytes of the file types uploads accept, and some they must refuse. */
const FILE_HEADS: readonly [string, Buffer][] = [
  ['pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1')],
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
  ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
  ['elf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
  ['empty', Buffer.alloc(0)],
  ['html', Buffer.from('<html><script>alert(1)</script></html>')],
];

function multipartBody(
  rng: Rng,
  validFields: Record<string, string>,
  headers: Record<string, string>,
  mutations: string[],
): Buffer {
  const boundary = `----fuzz${int(rng, 1e9)}`;
  headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
  const fields = Object.entries(validFields).map(([k, v]) => [k, v]);
  let fileName = 'ho-so.pdf';
  let fileField = 'file';
  let content = FILE_HEADS[0][1];
  const n = 1 + int(rng, 2);
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.3 && fields.length) {
      const f = pick(rng, fields);
      const m = mutateString(rng, f[1]);
      f[1] = m.value.slice(0, 5_000);
      mutations.push(`field ${f[0]}: ${m.what}`);
    } else if (r < 0.5) {
      const m = mutateString(rng, fileName);
      fileName = m.value.slice(0, 5_000);
      mutations.push(`file name: ${m.what}`);
    } else if (r < 0.65) {
      const [kind, bytes] = pick(rng, FILE_HEADS);
      content = bytes;
      mutations.push(`file content: ${kind}`);
    } else if (r < 0.72) {
      fileField = pick(rng, ['files', '', 'file[]', '__proto__', 'documentCode']);
      mutations.push(`file field named ${describe(fileField)}`);
    } else if (r < 0.8) {
      fields.push([pick(rng, HOSTILE_KEYS).slice(0, 200), 'x']);
      mutations.push('extra field');
    } else if (r < 0.9) {
      mutations.push('multipart truncated');
      return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentCode"\r\n\r\nTO_KHAI`);
    } else {
      headers['content-type'] = pick(rng, [
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'application/json',
      ]);
      mutations.push(`content-type ${headers['content-type']}`);
    }
  }
  const parts: Buffer[] = [];
  for (const [k, v] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(fileField)}"; filename="${quote(fileName)}"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}

function quote(s: string): string {
  return s.replace(/["\r\n]/g, '_');
}

// ---- valid bodies from the OpenAPI document ----

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  default?: unknown;
  example?: unknown;
};

/**
 * A plausible valid instance of a JSON Schema (OpenAPI request body) for routes without a
 * hand-written valid body: the fuzzer then mutates it, so fields reach their validators.
 */
export function sampleFromSchema(
  schema: Schema | undefined,
  resolve: (ref: string) => Schema | undefined,
  depth = 0,
): Json {
  if (!schema || depth > 8) return null;
  if (schema.$ref) return sampleFromSchema(resolve(schema.$ref), resolve, depth + 1);
  if (schema.example !== undefined) return schema.example as Json;
  if (schema.default !== undefined) return schema.default as Json;
  if (schema.const !== undefined) return schema.const as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sampleFromSchema(alt.find((s) => s.type !== 'null') ?? alt[0], resolve, depth + 1);
  if (schema.allOf?.length) return sampleFromSchema(schema.allOf[0], resolve, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = sampleFromSchema(s, resolve, depth + 1);
      return out;
    }
    case 'array':
      return [sampleFromSchema(schema.items, resolve, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case undefined:
      return schema.properties ? sampleFromSchema({ ...schema, type: 'object' }, resolve, depth) : 'fuzz';
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return '00000000-0000-4000-8000-000000000000';
        case 'email':
          return 'fuzz@example.vn';
        case 'date':
          return '2026-11-27';
        case 'date-time':
          return '2026-11-27T02:00:00.000Z';
        case undefined:
        default:
          return 'fuzz';
      }
    default:
      return schema.properties ? sampleFromSchema({ ...schema, type: 'object' }, resolve, depth) : 'fuzz';
  }
}
