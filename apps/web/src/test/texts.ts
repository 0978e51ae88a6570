import { TEXTS, TEXT_AREAS, type Language } from '../app/i18n';
import { i18n } from '../lib/i18n';

/** Every area's texts in both languages, so a test switches language at once, as a visit does once they are in. */
export async function loadAllTexts(): Promise<void> {
  await Promise.all((['vi', 'en'] as const).map((lang) => i18n.loadAreas(TEXT_AREAS, lang)));
}

/** One language's locale, all areas merged: the one file each language used to be. */
export async function wholeLocale(lang: Language): Promise<Record<string, Record<string, unknown>>> {
  const parts = await Promise.all(TEXT_AREAS.map(async (area) => (await TEXTS[area][lang]()).default));
  return Object.assign({}, ...parts) as Record<string, Record<string, unknown>>;
}
