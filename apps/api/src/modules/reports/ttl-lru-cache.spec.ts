import { TtlLruCache } from './ttl-lru-cache.js';

describe('TtlLruCache (the open-data cache)', () => {
  it('serves a value until its time to live has passed', () => {
    const c = new TtlLruCache<string>(10, 60_000);
    c.set('a', 'x', 0);
    expect(c.get('a', 59_999)).toBe('x');
    expect(c.get('a', 60_000)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const c = new TtlLruCache<number>(3, 60_000);
    for (const [i, k] of ['a', 'b', 'c'].entries()) c.set(k, i, 0);
    c.get('a', 1);
    c.set('d', 3, 1);
    expect(c.size).toBe(3);
    expect(c.get('b', 1)).toBeUndefined();
    expect([c.get('a', 1), c.get('c', 1), c.get('d', 1)]).toEqual([0, 2, 3]);
  });
});
