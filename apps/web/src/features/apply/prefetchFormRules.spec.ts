import { loadFormRules, PREFETCH_FALLBACK_MS, PREFETCH_IDLE_TIMEOUT_MS, prefetchFormRules } from './loadFormRules';

describe('loading the form rules after step 1 has rendered', () => {
  const withoutIdleCallback = () => {
    delete (window as Partial<Window>).requestIdleCallback;
    delete (window as Partial<Window>).cancelIdleCallback;
  };
  afterEach(() => {
    jest.useRealTimers();
    withoutIdleCallback();
  });

  it('loads the validators once, whoever asks first', async () => {
    const first = loadFormRules();
    expect(loadFormRules()).toBe(first);
    const rules = await first;
    expect(rules.buildFormValidator({ fields: [] }).safeParse({}).success).toBe(true);
  });

  it('waits for the browser to be idle, with a deadline, and can be cancelled', () => {
    const requestIdleCallback = jest.fn((_run: IdleRequestCallback, _options?: IdleRequestOptions) => 7);
    const cancelIdleCallback = jest.fn();
    Object.assign(window, { requestIdleCallback, cancelIdleCallback });
    const cancel = prefetchFormRules();
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: PREFETCH_IDLE_TIMEOUT_MS });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('without requestIdleCallback (Safari), waits a moment instead', () => {
    withoutIdleCallback();
    jest.useFakeTimers();
    const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
    const cancel = prefetchFormRules();
    expect(setTimeoutSpy).toHaveBeenCalledWith(expect.any(Function), PREFETCH_FALLBACK_MS);
    cancel();
    expect(jest.getTimerCount()).toBe(0);
  });
});
