import { storeSession } from '../../lib/auth';
import { problem, stubApi } from '../../test/api-stub';
import { summaryOf, buildDossier } from '../../test/dossier-fixtures';
import { citizenLogin } from '../../test/fixtures';
import { findOrCreateDraft } from './useDraft';

describe('findOrCreateDraft', () => {
  beforeEach(() => storeSession(citizenLogin, citizenLogin.user));

  it('resumes the newest draft without waiting for the procedure', async () => {
    const api = stubApi({ 'GET /dossiers': { body: { items: [summaryOf(buildDossier())], nextCursor: null } } });
    const never = () => new Promise<never>(() => undefined);
    await expect(findOrCreateDraft('1.001193', never)).resolves.toBe('d-1');
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /dossiers']);
  });

  it('creates a draft only once the procedure is known, and none for a procedure that failed to load', async () => {
    const api = stubApi({
      'GET /dossiers': { body: { items: [], nextCursor: null } },
      'POST /dossiers': { status: 201, body: { id: 'd-9', status: 'DRAFT', version: 1 } },
    });
    const order: string[] = [];
    await expect(
      findOrCreateDraft('1.001193', async () => {
        order.push(`procedure known after ${api.calls.length} call(s)`);
      }),
    ).resolves.toBe('d-9');
    expect(order).toEqual(['procedure known after 1 call(s)']);
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /dossiers', 'POST /dossiers']);

    const failed = stubApi({ 'GET /dossiers': { body: { items: [], nextCursor: null } } });
    const gone = Object.assign(new Error('404'), { problem: problem(404, 'NOT_FOUND', 'No such procedure') });
    await expect(findOrCreateDraft('9.999999', () => Promise.reject(gone))).rejects.toBe(gone);
    expect(failed.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
