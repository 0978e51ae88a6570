// By module, not the package index: the shell must not carry zod (issue 16, the front end's budget).
import { ERROR_CODES, FORM_ERROR_TEXT, TEXT_LANGUAGES, type TextLanguage } from '@motcua/shared/errors';
import { STATUS_NAMES } from '@motcua/shared/status-names';
import i18n, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

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

/** Vietnamese first; the choice is remembered and set on <html lang>. */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

type Texts = Record<string, Record<TextLanguage, string>>;
const inLanguage = (texts: Texts, lang: TextLanguage) =>
  Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v[lang]]));

/**
 * The texts of the shared catalogue (packages/shared errors.ts, status-names.ts) under the keys the
 * screens use: `errors.code.<CODE>`, `apply.errors.<kind>`, `dossiers.status.<STATUS>`. The
 * locale files hold none of them, so the web, the API and the e-mails say the same words.
 */
export function withSharedTexts(locale: Record<string, unknown>, lang: TextLanguage): ResourceLanguage {
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

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: withSharedTexts(vi, 'vi') }, en: { translation: withSharedTexts(en, 'en') } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
