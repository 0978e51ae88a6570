import { DOSSIER_STATUSES } from './dossier-status.js';
import { ERROR_CODES, FORM_ERROR_TEXT, TEXT_LANGUAGES, errorText, fillText, isErrorCode } from './errors.js';
import { FORM_ERROR_CODES } from './form-schema.js';
import { IDENTITY_ERROR_CODES } from './identity.js';
import { STATUS_NAMES } from './status-names.js';

const params = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
/** A text that still reads like a code (`INVALID_ASSIGNEE`, `too_long`) is not a text for a citizen. */
const CODE_LIKE = /\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+_[a-z_]+\b/;

describe('error catalogue', () => {
  const entries = Object.entries(ERROR_CODES);

  it.each(entries)('%s has a Vietnamese and an English text, naming the same values', (code, e) => {
    for (const lang of TEXT_LANGUAGES) {
      expect(e[lang].trim().length).toBeGreaterThan(5);
      expect(e[lang]).not.toMatch(CODE_LIKE);
      expect(e[lang]).not.toContain(code);
    }
    expect(params(e.vi)).toEqual(params(e.en));
  });

  it('answers every code with an HTTP error status', () => {
    for (const [, e] of entries) expect(e.status >= 400 && e.status < 600).toBe(true);
  });

  it('writes Vietnamese in Vietnamese: every text carries its diacritics, none is the English text', () => {
    const marked = entries.filter(([, e]) =>
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i.test(e.vi),
    );
    expect(marked.length).toBe(entries.length);
    for (const [, e] of entries) expect(e.vi).not.toBe(e.en);
  });

  it('knows every identity code the web names', () => {
    for (const c of IDENTITY_ERROR_CODES) expect(isErrorCode(c)).toBe(true);
    expect(isErrorCode('NO_SUCH_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('fills the values a text names, Vietnamese by default', () => {
    expect(errorText('RATE_LIMITED', undefined, { wait: '30 giây' })).toBe(
      'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 30 giây.',
    );
    expect(errorText('NOT_ASSIGNEE', 'en')).toBe('Another officer is handling this dossier.');
    expect(fillText('{{a}} and {{b}}', { a: 1 })).toBe('1 and ');
  });
});

describe('form error texts', () => {
  it('has a text in both languages for every form error code', () => {
    for (const code of FORM_ERROR_CODES) {
      for (const lang of TEXT_LANGUAGES) expect(FORM_ERROR_TEXT[code][lang].length).toBeGreaterThan(5);
      expect(params(FORM_ERROR_TEXT[code].vi)).toEqual(params(FORM_ERROR_TEXT[code].en));
    }
  });
});

describe('status names', () => {
  it('names every dossier status in both languages, each name distinct', () => {
    expect(Object.keys(STATUS_NAMES).sort()).toEqual([...DOSSIER_STATUSES].sort());
    for (const lang of TEXT_LANGUAGES) {
      const names = DOSSIER_STATUSES.map((s) => STATUS_NAMES[s][lang]);
      for (const n of names) expect(n.trim()).not.toBe('');
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
