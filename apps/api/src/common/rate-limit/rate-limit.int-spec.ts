import { createTestApp, type TestApp } from '../../test/test-app.js';
import { RateLimitService, slidingEstimate } from './rate-limit.service.js';

describe('RateLimitService', () => {
  let t: TestApp;
  let limits: RateLimitService;
  const rule = { name: 'test:rule', limit: 10, windowSeconds: 60 };

  beforeAll(async () => {
    t = await createTestApp();
    limits = t.app.get(RateLimitService);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets exactly the limit through when 40 requests race for one key', async () => {
    t.clock.set('2026-11-27T02:00:00Z');
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => limits.consume(rule, 'race')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.filter((v) => !v.allowed);
    expect(refused).toHaveLength(30);
    for (const v of refused) expect(v.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('counts keys apart from each other', async () => {
    t.clock.set('2026-11-27T03:00:00Z');
    for (let i = 0; i < 10; i++) await limits.consume(rule, 'a');
    expect((await limits.consume(rule, 'a')).allowed).toBe(false);
    expect((await limits.consume(rule, 'b')).allowed).toBe(true);
  });

  it('weighs the previous window, then lets the caller back in once it has slid away', async () => {
    t.clock.set('2026-11-27T04:00:50Z');
    for (let i = 0; i < 10; i++) await limits.consume(rule, 'slide');
    // 10 s into the next window, 5/6 of the previous 10 still count: 1 + 8.3 passes, 2 + 8.3 does not.
    t.clock.set('2026-11-27T04:01:10Z');
    expect((await limits.consume(rule, 'slide')).allowed).toBe(true);
    const refused = await limits.consume(rule, 'slide');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    // A window and more later, nothing counts any more.
    t.clock.set('2026-11-27T04:02:30Z');
    expect((await limits.consume(rule, 'slide')).allowed).toBe(true);
  });

  it('peeks without counting and forgets a key on reset', async () => {
    t.clock.set('2026-11-27T05:00:00Z');
    for (let i = 0; i < 10; i++) await limits.consume(rule, 'p');
    expect((await limits.peek(rule, 'p')).allowed).toBe(false);
    await limits.reset(rule, 'p');
    expect((await limits.peek(rule, 'p')).allowed).toBe(true);
    expect((await limits.peek(rule, 'p')).hits).toBe(0);
  });

  it('refuses with a 429 problem carrying Retry-After from enforce', async () => {
    t.clock.set('2026-11-27T06:00:00Z');
    for (let i = 0; i < 10; i++) await limits.enforce(rule, 'e');
    await expect(limits.enforce(rule, 'e')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('estimates a sliding window from two fixed ones', () => {
    const start = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(slidingEstimate(0, 60, start + 30_000, 60)).toBeCloseTo(30);
    expect(slidingEstimate(5, 0, start + 59_000, 60)).toBe(5);
  });
});
