import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';

describe('queue cursor', () => {
  it('round-trips the sort time and id', () => {
    const c = { sortAt: '2026-11-27T10:00:00.123456Z', id: '3f1c2a4e-8b7d-4c1a-9e2f-0a1b2c3d4e5f' };
    expect(decodeQueueCursor(encodeQueueCursor(c))).toEqual(c);
  });

  it('refuses anything that is not one of its cursors', () => {
    for (const bad of [
      'garbage',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["2026-11-27", "x"]').toString('base64url'),
      Buffer.from('["2026-11-27T10:00:00.123456Z", "not-a-uuid"]').toString('base64url'),
      Buffer.from("['; DROP TABLE dossier; --', 1]").toString('base64url'),
    ]) {
      expect(decodeQueueCursor(bad)).toBeNull();
    }
  });
});
