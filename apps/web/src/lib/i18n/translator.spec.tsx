import { act, render, screen } from '@testing-library/react';
import { Translator, type Sections } from './translator';
import { i18n } from './instance';
import { useTranslation } from './useTranslation';

const VI: Sections = {
  greet: { hello: 'Xin chào {{name}}', twice: '{{ name }} và {{name}}', missing: 'Thiếu {{who}}' },
  items: { count: '{{count}} mục', days_other: '{{count}} ngày' },
  action: { done: 'Đã xong', done_supplement: 'Đã yêu cầu bổ sung' },
  onlyVi: 'Chỉ tiếng Việt',
  faq: [{ q: 'Hỏi {{n}}?', a: 'Đáp' }],
};
const EN: Sections = {
  greet: { hello: 'Hello {{name}}' },
  items: { count_one: 'one item', count_other: '{{count}} items', count_zero: 'no items' },
  action: { done: 'Done', done_supplement: 'Supplement requested' },
};

function translator(language = 'vi') {
  const t = new Translator(language, { fallbackLanguage: 'vi' });
  t.addTexts('vi', 'core', VI);
  t.addTexts('en', 'core', EN);
  return t;
}

describe('translator', () => {
  it('fills {{name}} placeholders with the values given, without escaping, and leaves a missing one as written', () => {
    const { t } = translator();
    expect(t('greet.hello', { name: '<Lan & Huệ>' })).toBe('Xin chào <Lan & Huệ>');
    expect(t('greet.twice', { name: 'An' })).toBe('An và An');
    expect(t('greet.missing')).toBe('Thiếu {{who}}');
  });

  it('chooses the plural by the language rules: English one/other (zero when written), Vietnamese other only', () => {
    const en = translator('en');
    expect(en.t('items.count', { count: 1 })).toBe('one item');
    expect(en.t('items.count', { count: 5 })).toBe('5 items');
    expect(en.t('items.count', { count: 0 })).toBe('no items');
    const vi = translator('vi');
    expect(vi.t('items.days', { count: 1 })).toBe('1 ngày');
    // No `_other` form: the plain key, with the count filled in.
    expect(vi.t('items.count', { count: 1 })).toBe('1 mục');
  });

  it('picks the same plural form as Intl.PluralRules for both languages (which it no longer creates)', () => {
    const en = translator('en');
    const vi = translator('vi');
    const rulesEn = new Intl.PluralRules('en');
    const rulesVi = new Intl.PluralRules('vi');
    for (const n of [-2, -1, 1, 2, 3, 11, 21, 101, 1.5, 0.5, 1000]) {
      expect(en.t('items.count', { count: n })).toBe(rulesEn.select(n) === 'one' ? 'one item' : `${n} items`);
      expect(rulesVi.select(n)).toBe('other');
      expect(vi.t('items.days', { count: n })).toBe(`${n} ngày`);
    }
  });

  it('takes key_<context> when it exists and the plain key otherwise', () => {
    const { t } = translator('en');
    expect(t('action.done', { context: 'supplement' })).toBe('Supplement requested');
    expect(t('action.done', { context: 'apology' })).toBe('Done');
  });

  it('falls back to Vietnamese, then to the default value, then to the key', () => {
    const en = translator('en');
    expect(en.t('onlyVi')).toBe('Chỉ tiếng Việt');
    expect(en.t('nowhere.at.all', { defaultValue: '' })).toBe('');
    expect(en.t('nowhere.at.all', { defaultValue: 'Hi {{name}}', name: 'An' })).toBe('Hi An');
    expect(en.t('nowhere.at.all')).toBe('nowhere.at.all');
    // A section asked for as a string is not a text either.
    expect(en.t('greet')).toBe('greet');
  });

  it('answers in another language with lng, tells whether a key exists, and returns objects when asked', () => {
    const vi = translator('vi');
    expect(vi.t('greet.hello', { lng: 'en', name: 'An' })).toBe('Hello An');
    expect(vi.exists('action.done')).toBe(true);
    expect(vi.exists('action.nothing')).toBe(false);
    expect(vi.t('faq', { returnObjects: true, n: 1 })).toEqual([{ q: 'Hỏi 1?', a: 'Đáp' }]);
  });

  it('loads a language and area once, and only the language asked', async () => {
    const load = jest.fn((lang: string, area: string) => Promise.resolve({ [area]: { lang } }));
    const t = new Translator('vi', { fallbackLanguage: 'vi', load });
    await Promise.all([t.loadAreas(['core', 'desk']), t.loadAreas(['desk'])]);
    await t.loadAreas(['core']);
    expect(load.mock.calls).toEqual([
      ['vi', 'core'],
      ['vi', 'desk'],
    ]);
    expect(t.t('desk.lang')).toBe('vi');
  });

  it('switches language after loading the areas used so far in it, at once when they are in', async () => {
    let release: () => void = () => undefined;
    const load = jest.fn((lang: string, area: string) =>
      lang === 'vi'
        ? Promise.resolve({ [area]: { word: `vi ${area}` } })
        : new Promise<Sections>((resolve) => (release = () => resolve({ [area]: { word: `en ${area}` } }))),
    );
    const t = new Translator('vi', { fallbackLanguage: 'vi', load });
    const changed = jest.fn();
    t.on('languageChanged', changed);
    await t.loadAreas(['desk']);
    const switching = t.changeLanguage('en');
    expect(t.language).toBe('vi');
    expect(load).toHaveBeenLastCalledWith('en', 'desk');
    release();
    await switching;
    expect(t.language).toBe('en');
    expect(t.t('desk.word')).toBe('en desk');
    expect(changed).toHaveBeenCalledWith('en');
    // Back to Vietnamese: its texts are in, so the switch happens within the call.
    void t.changeLanguage('vi');
    expect(t.language).toBe('vi');
  });

  it('keeps the last of two quick changes of language', async () => {
    const load = (lang: string, area: string) => Promise.resolve({ [area]: { lang } });
    const t = new Translator('vi', { fallbackLanguage: 'vi', load });
    await t.loadAreas(['core']);
    const toEnglish = t.changeLanguage('en');
    void t.changeLanguage('vi');
    await toEnglish;
    expect(t.language).toBe('vi');
  });

  it('gives a page opened during a switch its texts in both languages, and switches with them', async () => {
    const load = jest.fn((lang: string, area: string) => Promise.resolve({ [area]: { word: `${lang} ${area}` } }));
    const t = new Translator('vi', { fallbackLanguage: 'vi', load });
    await t.loadAreas(['core']);
    const switching = t.changeLanguage('en');
    await t.loadAreas(['help']);
    expect(load).toHaveBeenCalledWith('vi', 'help');
    expect(load).toHaveBeenCalledWith('en', 'help');
    await switching;
    expect(t.t('help.word')).toBe('en help');
  });

  it('tries a failed load again on the next visit', async () => {
    const load = jest
      .fn<Promise<Sections>, [string, string]>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ help: { title: 'Trợ giúp' } });
    const t = new Translator('vi', { fallbackLanguage: 'vi', load });
    await expect(t.loadAreas(['help'])).rejects.toThrow('offline');
    await t.loadAreas(['help']);
    expect(t.t('help.title')).toBe('Trợ giúp');
  });
});

describe('useTranslation', () => {
  function Title() {
    const { t, i18n: instance } = useTranslation();
    return <h1 lang={instance.language}>{t('probe.title')}</h1>;
  }

  afterEach(() => act(() => void i18n.changeLanguage('vi')));

  it('renders again when the language changes and when texts come in', () => {
    render(<Title />);
    expect(screen.getByRole('heading')).toHaveTextContent('probe.title');
    act(() => i18n.addTexts('vi', 'probe', { probe: { title: 'Tiêu đề' } }));
    expect(screen.getByRole('heading')).toHaveTextContent('Tiêu đề');
    act(() => i18n.addTexts('en', 'probe', { probe: { title: 'Title' } }));
    act(() => void i18n.changeLanguage('en'));
    expect(screen.getByRole('heading')).toHaveTextContent('Title');
    expect(screen.getByRole('heading')).toHaveAttribute('lang', 'en');
  });
});
