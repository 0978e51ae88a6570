/** The shared validators (the API's own at submit and at each draft save); they bring zod. */
export type FormRules = typeof import('@motcua/shared/form-schema');

/** How long, without requestIdleCallback (Safari), the page waits after rendering before loading the rules. */
export const PREFETCH_FALLBACK_MS = 300;
/** A page that never idles (a slow phone) still loads them by then. */
export const PREFETCH_IDLE_TIMEOUT_MS = 2000;

let loading: Promise<FormRules> | null = null;

/**
 * The shared validators, loaded once when first needed (a check, an autosave, a resumed draft):
 * step 1 renders without zod, ~34 KiB gzipped (issue 16, item 16). A failed load (offline) is
 * forgotten, so the next need tries again.
 */
export function loadFormRules(): Promise<FormRules> {
  loading ??= import('@motcua/shared/form-schema').catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/**
 * Loads the rules when the browser is idle after the page has rendered, so the applicant's first
 * check rarely waits for them. Returns the cancel (an effect's cleanup).
 */
export function prefetchFormRules(): () => void {
  const run = () => void loadFormRules().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: PREFETCH_IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, PREFETCH_FALLBACK_MS);
  return () => clearTimeout(id);
}
