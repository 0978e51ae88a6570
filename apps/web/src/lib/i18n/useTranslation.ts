import { useMemo, useSyncExternalStore } from 'react';
import { i18n } from './instance';
import type { TFunction, Translator } from './translator';

/**
 * `{ t, i18n }` as react-i18next gave them. The component re-renders when the language changes or
 * texts come in, and `t` is then a new function, so a `useMemo(…, [t])` recomputes its text.
 */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const version = useSyncExternalStore(i18n.subscribe, () => i18n.version);
  const t = useMemo<TFunction>(() => {
    void version;
    return (key: string, options?: Parameters<TFunction>[1]) => i18n.t(key, options);
  }, [version]);
  return { t, i18n };
}
