/** The shared validators (the API's own at submit and at each draft save); they bring zod. */
export type FormRules = typeof import('@motcua/shared/form-schema');

/** What counts as the applicant starting on the form: a tap, a key, a field taking the focus. */
export const PREFETCH_EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

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
 * Loads the rules at the applicant's first interaction with the page (a tap, a key, a focus), so
 * the first check, or the first autosave a few seconds of typing later, rarely waits for them,
 * while a page only looked at never parses them: building zod's schemas is ≈ 50 ms of script on
 * a phone, which idle time right after the first paint still counted as blocking (Lighthouse's
 * total blocking time, issue 16). Returns the cancel (an effect's cleanup).
 */
export function prefetchFormRules(): () => void {
  const options = { capture: true, passive: true } as const;
  const stop = () => PREFETCH_EVENTS.forEach((e) => document.removeEventListener(e, run, options));
  function run() {
    stop();
    void loadFormRules().catch(() => undefined);
  }
  PREFETCH_EVENTS.forEach((e) => document.addEventListener(e, run, options));
  return stop;
}
