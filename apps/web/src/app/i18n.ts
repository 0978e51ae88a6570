// By module, not the package index: the shell must not carry zod (issue 16, the front end's budget).
import { ERROR_CODES, FORM_ERROR_TEXT, TEXT_LANGUAGES, type TextLanguage } from '@motcua/shared/errors';
import { STATUS_NAMES } from '@motcua/shared/status-names';
import { i18n, type Sections } from '../lib/i18n';

export const LANGUAGES = TEXT_LANGUAGES;
export type Language = TextLanguage;
const STORAGE_KEY = 'motcua.lang';

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * Vietnamese first; the choice is remembered and set on <html lang>. The page switches once the
 * language's texts for the areas seen so far are in: within this call when they already are (as
 * in tests, src/test/setup.ts), so `act(() => setLanguage(lang))` stays synchronous.
 */
export function setLanguage(lang: Language): void {
  // Texts that fail to load (offline) leave the page in its language; the next visit tries again.
  i18n.changeLanguage(lang).catch(() => undefined);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

function setPageLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
i18n.on('languageChanged', setPageLanguage);

type Texts = Record<string, Record<TextLanguage, string>>;
const inLanguage = (texts: Texts, lang: TextLanguage) =>
  Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v[lang]]));

/**
 * The texts of the shared catalogue (packages/shared errors.ts, status-names.ts) under the keys the
 * screens use: `errors.code.<CODE>`, `apply.errors.<kind>`, `dossiers.status.<STATUS>`. The
 * locale files hold none of them, so the web, the API and the e-mails say the same words.
 */
export function withSharedTexts(locale: Sections, lang: TextLanguage): Sections {
  const section = (key: string) => (locale[key] ?? {}) as Record<string, unknown>;
  const errors = section('errors');
  const apply = section('apply');
  const dossiers = section('dossiers');
  return {
    ...locale,
    errors: { ...errors, code: inLanguage(ERROR_CODES, lang) },
    apply: { ...apply, errors: inLanguage(FORM_ERROR_TEXT, lang) },
    dossiers: { ...dossiers, status: inLanguage(STATUS_NAMES, lang) },
  };
}

type Area = keyof typeof TEXTS;
type Loader = () => Promise<{ default: Sections }>;

/**
 * The locale files, by language and area (src/locales/<lang>/<area>.json, each a few top-level
 * sections of the one locale they used to be). `core` is what the shell and the public citizen pages
 * say; a route's `lazy()` loads the other areas it names with its page (routes.tsx). Only the
 * page's language is fetched (issue 16: the front end's budget).
 */
export const TEXTS = {
  core: { vi: () => import('../locales/vi/core.json'), en: () => import('../locales/en/core.json') },
  account: { vi: () => import('../locales/vi/account.json'), en: () => import('../locales/en/account.json') },
  apply: { vi: () => import('../locales/vi/apply.json'), en: () => import('../locales/en/apply.json') },
  dossiers: { vi: () => import('../locales/vi/dossiers.json'), en: () => import('../locales/en/dossiers.json') },
  payments: { vi: () => import('../locales/vi/payments.json'), en: () => import('../locales/en/payments.json') },
  tracking: { vi: () => import('../locales/vi/tracking.json'), en: () => import('../locales/en/tracking.json') },
  verify: { vi: () => import('../locales/vi/verify.json'), en: () => import('../locales/en/verify.json') },
  privacy: { vi: () => import('../locales/vi/privacy.json'), en: () => import('../locales/en/privacy.json') },
  help: { vi: () => import('../locales/vi/help.json'), en: () => import('../locales/en/help.json') },
  staff: { vi: () => import('../locales/vi/staff.json'), en: () => import('../locales/en/staff.json') },
  dashboard: { vi: () => import('../locales/vi/dashboard.json'), en: () => import('../locales/en/dashboard.json') },
} satisfies Record<string, Record<Language, Loader>>;

export const TEXT_AREAS = Object.keys(TEXTS) as Area[];

i18n.configure({
  load: async (lang, area) => (await TEXTS[area as Area][lang as Language]()).default,
  prepare: (sections, lang) => withSharedTexts(sections, lang as Language),
});
// Nothing is loaded yet, so this switches at once; the stored choice's texts are fetched next.
void i18n.changeLanguage(storedLanguage());
setPageLanguage(i18n.language);

/** The core texts of the visitor's language: main.tsx renders once they are in. */
export const coreTexts: Promise<void> = i18n.loadAreas(['core']);

/** A route's page module, returned once its texts (core and `areas`) are in the page's language. */
export async function withTexts<T>(page: Promise<T>, ...areas: Area[]): Promise<T> {
  const [module] = await Promise.all([page, i18n.loadAreas(['core', ...areas])]);
  return module;
}

export { i18n };
