import { queueQuerySchema } from './queue.js';

describe('queue query', () => {
  it('accepts one status or a comma-separated list, never DRAFT', () => {
    expect(queueQuerySchema.parse({ status: 'SUBMITTED' }).status).toEqual(['SUBMITTED']);
    expect(queueQuerySchema.parse({ status: 'approved, REJECTED,approved' }).status).toEqual(['APPROVED', 'REJECTED']);
    const draft = queueQuerySchema.safeParse({ status: 'DRAFT' });
    expect(draft.success).toBe(false);
    expect(draft.error!.issues[0].path[0]).toBe('status');
  });

  it('limits the page size to 1..100 and names bad fields', () => {
    expect(queueQuerySchema.parse({ limit: '100' }).limit).toBe(100);
    const bad = queueQuerySchema.safeParse({ limit: '101', sla: 'SOON', assignee: 'him' });
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['assignee', 'limit', 'sla']);
  });

  it('cleans the search text of control characters', () => {
    expect(queueQuerySchema.parse({ q: '  Nguyễn\u0007 Văn  ' }).q).toBe('Nguyễn  Văn');
  });

  it('refuses a NUL in the search text (the edge rule), naming q', () => {
    expect(queueQuerySchema.safeParse({ q: 'Nguyễn\u0000' }).error?.issues.map((i) => i.path)).toEqual([['q']]);
  });
});
