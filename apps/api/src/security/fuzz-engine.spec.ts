import { buildRequest, encodeComponent, mutateString, Raw, rngFor, serialize, type FuzzTarget } from './fuzz-engine.js';

const target: FuzzTarget = {
  method: 'POST',
  path: '/api/v1/dossiers/:id/actions',
  params: { id: ['3f1c2b4a-0000-4000-8000-000000000001'] },
  body: { action: 'assign', version: 3, note: 'Xử lý', nested: { list: ['a', 'b'] } },
  query: { q: 'khai sinh' },
  headers: { 'Idempotency-Key': 'k-1' },
};
const ctx = { auth: { allowed: ['Bearer a'], others: [null] } };

describe('the fuzzer generator', () => {
  it('builds the same request for the same seed and index (a failure replays alone)', () => {
    for (const index of [0, 1, 977, 9_999]) {
      expect(buildRequest(rngFor(42, index), target, ctx)).toEqual(buildRequest(rngFor(42, index), target, ctx));
    }
    const a = buildRequest(rngFor(42, 1), target, ctx);
    const b = buildRequest(rngFor(43, 1), target, ctx);
    expect([a.path, a.body?.toString('latin1')]).not.toEqual([b.path, b.body?.toString('latin1')]);
  });

  it('sends lone surrogates as their invalid UTF-8 bytes, pairs as UTF-8', () => {
    expect(encodeComponent('a\ud800')).toBe('a%ED%A0%80');
    expect(encodeComponent('🙂')).toBe('%F0%9F%99%82');
    expect(() => decodeURIComponent(encodeComponent('\udfff'))).toThrow(URIError);
  });

  it('splices raw JSON a JS value cannot hold (1e400, duplicate keys, escaped surrogates)', () => {
    expect(serialize({ a: new Raw('1e400'), b: [new Raw('{"k":1,"k":2}')], c: new Raw('"\\ud800"') })).toBe(
      '{"a":1e400,"b":[{"k":1,"k":2}],"c":"\\ud800"}',
    );
    expect(serialize(new Raw('-0'))).toBe('-0');
  });

  it('produces NULs, lone surrogates and bad percent-encoding over a run', () => {
    const seen = { nul: 0, surrogate: 0, badPercent: 0, protoKey: 0 };
    for (let i = 0; i < 1_000; i++) {
      const r = buildRequest(rngFor(7, i), target, ctx);
      const text = r.body?.toString('utf8') ?? '';
      if (text.includes('\\u0000') || r.path.includes('%00')) seen.nul++;
      if (/\\ud[89a-f]/i.test(text) || r.path.includes('%ED%A0%80')) seen.surrogate++;
      if (r.mutations.some((m) => m.includes('bad percent'))) seen.badPercent++;
      if (text.includes('"__proto__"')) seen.protoKey++;
    }
    expect(Object.values(seen).every((n) => n > 10)).toBe(true);
  });

  it('mutates a string into hostile variants, each described', () => {
    const rng = rngFor(1);
    const whats = new Set(Array.from({ length: 300 }, () => mutateString(rng, '2026-11-27').what.split(' ')[0]));
    expect([...whats]).toEqual(expect.arrayContaining(['NUL', 'lone', 'huge', 'digits']));
  });
});
