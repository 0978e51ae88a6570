import { loadFormRules, PREFETCH_EVENTS, prefetchFormRules } from './loadFormRules';

describe('loading the form rules when the applicant starts on the form', () => {
  it('loads the validators once, whoever asks first', async () => {
    const first = loadFormRules();
    expect(loadFormRules()).toBe(first);
    const rules = await first;
    expect(rules.buildFormValidator({ fields: [] }).safeParse({}).success).toBe(true);
  });

  it.each(PREFETCH_EVENTS)('starts at the first %s anywhere on the page, once, and not before', (type) => {
    const add = jest.spyOn(document, 'addEventListener');
    const remove = jest.spyOn(document, 'removeEventListener');
    const cancel = prefetchFormRules();
    // Listening, nothing loaded yet: a page only looked at parses no schema.
    expect(add.mock.calls.map((c) => c[0]).sort()).toEqual([...PREFETCH_EVENTS].sort());
    expect(remove).not.toHaveBeenCalled();
    document.body.dispatchEvent(new Event(type, { bubbles: true }));
    // The first interaction stops every listener (and loads the rules).
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual([...PREFETCH_EVENTS].sort());
    remove.mockClear();
    document.body.dispatchEvent(new Event(type, { bubbles: true }));
    expect(remove).not.toHaveBeenCalled();
    cancel();
    add.mockRestore();
    remove.mockRestore();
  });

  it('can be cancelled before any interaction (the page left): it listens no more', () => {
    const add = jest.spyOn(document, 'addEventListener');
    const remove = jest.spyOn(document, 'removeEventListener');
    const cancel = prefetchFormRules();
    const listeners = add.mock.calls.map((c) => [c[0], c[1]]);
    cancel();
    expect(remove.mock.calls.map((c) => [c[0], c[1]])).toEqual(listeners);
    add.mockRestore();
    remove.mockRestore();
  });
});
