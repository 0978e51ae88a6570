/**
 * Our own translation layer, in place of i18next + react-i18next (issue 16: they and both locales
 * weighed 48 KiB gzipped in every page). It keeps the part of i18next's API the screens use and its
 * JSON v4 key rules, so the locale files did not change: `{{name}}` interpolation (not escaped:
 * React escapes), plurals `key_one`/`key_other` (and `key_zero` for 0) chosen by Intl.PluralRules,
 * `key_<context>`, `defaultValue`, `returnObjects`, `lng`, then the fallback language, then the key.
 * Texts come in areas (groups of top-level sections) loaded on demand, one language at a time.
 */

export type Sections = Record<string, unknown>;

export interface TOptions {
  count?: number;
  context?: string;
  defaultValue?: string;
  returnObjects?: boolean;
  lng?: string;
  [value: string]: unknown;
}

export interface TFunction {
  (key: string, options: TOptions & { returnObjects: true }): unknown;
  (key: string, options?: TOptions): string;
}

type Listener = (language: string) => void;

export interface TranslatorOptions {
  fallbackLanguage: string;
  /** Fetches one area's sections in one language (a dynamic import of its JSON file). */
  load?: (language: string, area: string) => Promise<Sections>;
  /** Applied to a language's merged sections after each area is added (the shared catalogue's texts). */
  prepare?: (sections: Sections, language: string) => Sections;
}

const PLACEHOLDER = /{{\s*([\w.]+)\s*}}/g;

function interpolate(text: string, values: TOptions): string {
  // A value not given stays as written (i18next's skipOnVariables), so a missing one shows.
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    if (v === undefined || v === null) return whole;
    if (typeof v === 'string') return v;
    return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : JSON.stringify(v);
  });
}

function interpolateAll(value: unknown, values: TOptions): unknown {
  if (typeof value === 'string') return interpolate(value, values);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, values)]));
  }
  return value;
}

function lookup(sections: Sections | undefined, key: string): unknown {
  let node: unknown = sections;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export class Translator {
  private current: string;
  private wanted: string;
  private readonly fallback: string;
  private readonly texts = new Map<string, Sections>();
  /** Areas whose texts are in, by language. */
  private readonly loaded = new Map<string, Set<string>>();
  /** Loads under way, by `language/area`. */
  private readonly pending = new Map<string, Promise<void>>();
  /** Every area a page asked for, in any language: a change of language loads them first. */
  private readonly used = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly watchers = new Set<() => void>();
  private readonly plurals = new Map<string, Intl.PluralRules>();
  private options: TranslatorOptions;
  private revision = 0;

  constructor(language: string, options: TranslatorOptions) {
    this.options = options;
    this.current = language;
    this.wanted = language;
    this.fallback = options.fallbackLanguage;
  }

  /** Sets how texts load and are completed (app/i18n.ts, once, before any text is added). */
  configure(options: Omit<TranslatorOptions, 'fallbackLanguage'>): void {
    this.options = { ...this.options, ...options };
  }

  get language(): string {
    return this.current;
  }

  /** Bumped whenever what `t` answers may change (language or texts): useTranslation re-renders on it. */
  get version(): number {
    return this.revision;
  }

  /** Unbound use is fine (`waitText(i18n.t, 42)`). */
  readonly t: TFunction = ((key: string, options: TOptions = {}) => this.translate(key, options)) as TFunction;

  exists(key: string, options: TOptions = {}): boolean {
    return this.resolve(key, options) !== undefined;
  }

  /** Adds an area's sections (top-level keys) to a language; a later area replaces a section of the same name. */
  addTexts(language: string, area: string, sections: Sections): void {
    const merged = { ...this.texts.get(language), ...sections };
    this.texts.set(language, this.options.prepare ? this.options.prepare(merged, language) : merged);
    this.areasOf(language).add(area);
    if (language === this.current || language === this.fallback) this.changed();
  }

  hasTexts(language: string, area: string): boolean {
    return this.areasOf(language).has(area);
  }

  /**
   * The areas' texts in `language`, by default in the page's language and in the one it is
   * switching to, so the page renders with its texts whichever comes first. Resolves at once when
   * they are in.
   */
  loadAreas(areas: readonly string[], language?: string): Promise<void> {
    for (const a of areas) this.used.add(a);
    const languages = language ? [language] : [...new Set([this.current, this.wanted])];
    const missing = languages.flatMap((lng) => areas.filter((a) => !this.hasTexts(lng, a)).map((a) => [lng, a]));
    if (!missing.length) return Promise.resolve();
    return Promise.all(missing.map(([lng, a]) => this.loadArea(lng, a))).then(() => undefined);
  }

  /**
   * Switches once the new language's texts for every area used so far are in (no page shows a key
   * while they load); within this call when they already are. Of two quick changes the last wins.
   */
  changeLanguage(language: string): Promise<void> {
    this.wanted = language;
    const missing = [...this.used].filter((a) => !this.hasTexts(language, a));
    if (missing.length) {
      // Checked again once they are in: a page may have asked for another area meanwhile.
      return this.loadAreas(missing, language).then(() =>
        this.wanted === language ? this.changeLanguage(language) : undefined,
      );
    }
    if (this.current !== language) {
      this.current = language;
      this.changed();
      for (const listener of [...this.listeners]) listener(language);
    }
    return Promise.resolve();
  }

  on(event: 'languageChanged', listener: Listener): void {
    void event;
    this.listeners.add(listener);
  }

  off(event: 'languageChanged', listener: Listener): void {
    void event;
    this.listeners.delete(listener);
  }

  /** For useSyncExternalStore: called on every change of language or texts. */
  subscribe = (watcher: () => void): (() => void) => {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  };

  private changed(): void {
    this.revision += 1;
    for (const watcher of [...this.watchers]) watcher();
  }

  private areasOf(language: string): Set<string> {
    let set = this.loaded.get(language);
    if (!set) this.loaded.set(language, (set = new Set()));
    return set;
  }

  private loadArea(language: string, area: string): Promise<void> {
    const id = `${language}/${area}`;
    let loading = this.pending.get(id);
    if (!loading) {
      const load = this.options.load;
      if (!load) return Promise.reject(new Error(`No loader for the texts ${id}`));
      loading = load(language, area).then(
        (sections) => {
          this.pending.delete(id);
          this.addTexts(language, area, sections);
        },
        (error: unknown) => {
          // Forgotten, so the next page visit tries again (a network blip).
          this.pending.delete(id);
          throw error;
        },
      );
      this.pending.set(id, loading);
    }
    return loading;
  }

  private pluralSuffix(language: string, count: number): string {
    // CLDR's cardinal rules of our two languages, without Intl (whose first object costs tens of
    // milliseconds on a phone): Vietnamese has only "other"; English says "one" for exactly 1.
    // translator.spec.tsx checks them against Intl.PluralRules.
    if (language === 'vi') return '_other';
    if (language === 'en') return Math.abs(count) === 1 ? '_one' : '_other';
    let rules = this.plurals.get(language);
    if (!rules) this.plurals.set(language, (rules = new Intl.PluralRules(language)));
    return `_${rules.select(count)}`;
  }

  /** The keys to try, most specific first, as i18next does: context + plural, context, plural, key. */
  private candidates(key: string, options: TOptions, language: string): string[] {
    const bases = options.context ? [`${key}_${options.context}`, key] : [key];
    if (typeof options.count !== 'number') return bases;
    const suffix = this.pluralSuffix(language, options.count);
    return bases.flatMap((b) => [...(options.count === 0 ? [`${b}_zero`] : []), `${b}${suffix}`, b]);
  }

  private resolve(key: string, options: TOptions): unknown {
    const first = options.lng ?? this.current;
    for (const language of first === this.fallback ? [first] : [first, this.fallback]) {
      const sections = this.texts.get(language);
      for (const candidate of this.candidates(key, options, language)) {
        const value = lookup(sections, candidate);
        if (value !== undefined && value !== null) return value;
      }
    }
    return undefined;
  }

  private translate(key: string, options: TOptions): unknown {
    const value = this.resolve(key, options);
    if (typeof value === 'string') return interpolate(value, options);
    if (value !== undefined && options.returnObjects) return interpolateAll(value, options);
    if (options.defaultValue !== undefined) return interpolate(options.defaultValue, options);
    // A missing key (or an object asked for as a string) shows the key, as i18next does.
    return key;
  }
}
