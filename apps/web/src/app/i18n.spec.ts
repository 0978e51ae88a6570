import { TEXTS, TEXT_AREAS } from './i18n';

function keys(value: unknown, at = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, at ? `${at}.${k}` : k));
  }
  return [at];
}

/** A key without its plural form: English has `_one` and `_other`, Vietnamese `_other` only (CLDR). */
const unplural = (list: string[]) =>
  [...new Set(list.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

/** Each language's locale is src/locales/<lang>/<area>.json, loaded area by area (app/i18n.ts). */
describe('locale files', () => {
  it.each(TEXT_AREAS)('give the same keys in Vietnamese and English (%s)', async (area) => {
    const [vi, en] = await Promise.all([TEXTS[area].vi(), TEXTS[area].en()]);
    expect(unplural(keys(en.default))).toEqual(unplural(keys(vi.default)));
  });

  it('put each top-level section in one area only, so loading an area never replaces another', async () => {
    const sections = await Promise.all(TEXT_AREAS.map(async (area) => Object.keys((await TEXTS[area].vi()).default)));
    const all = sections.flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
