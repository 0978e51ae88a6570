import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { setLanguage } from '../../app/i18n';
import { wholeLocale } from '../../test/texts';
import { LoadError } from './QueryStatus';

/** jest runs from apps/web (its rootDir). */
const SRC = path.join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx$/.test(name) && !/\.spec\.tsx$/.test(name) ? [p] : [];
  });
}

function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  }
  return [];
}

/**
 * One error prefix everywhere (issue 16, item 10): "Lỗi:" in Vietnamese, "Error:" in English, from
 * errors.prefix through ErrorPrefix/ErrorMessage, never typed into a message or left out of one.
 */
describe('error prefix', () => {
  // The locale as one file per language (src/locales/<lang>/*.json merged).
  let vi: Record<string, Record<string, unknown>>;
  let en: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    [vi, en] = await Promise.all([wholeLocale('vi'), wholeLocale('en')]);
  });

  it('is written only by ErrorPrefix: no message of either locale carries its own', () => {
    const own = (entries: [string, string][]) =>
      entries.filter(([k, v]) => k !== 'errors.prefix' && /^\s*(Lỗi|Error)\s*:/i.test(v)).map(([k]) => k);
    expect(own(strings(vi))).toEqual([]);
    expect(own(strings(en))).toEqual([]);
    expect(vi.errors.prefix).toBe('Lỗi:');
    expect(en.errors.prefix).toBe('Error:');
    expect(strings(en).filter(([, v]) => /\bLỗi\b/.test(v))).toEqual([]);
  });

  it('goes with every error box of the screens (field, load, download and sign-in errors)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(SRC, file);
      if (/className="field__error"/.test(text) && !rel.endsWith('ErrorMessage.tsx'))
        offenders.push(`${rel}: field__error`);
      const boxes = /className="(load-error|download__error|error-summary__text)"/.test(text);
      // The wait after too many attempts is not an error to fix: its own title says what it is.
      if (boxes && !text.includes('<ErrorPrefix />') && !rel.endsWith('TryAgainLater.tsx')) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it('is read out before a failed load, in the page language', () => {
    act(() => setLanguage('vi'));
    const { rerender } = render(<LoadError message="Không tải được dữ liệu." retryLabel="Thử lại" />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^Lỗi: Không tải được dữ liệu\.$/);
    act(() => setLanguage('en'));
    rerender(<LoadError message="The data could not be loaded." retryLabel="Try again" />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^Error: The data could not be loaded\.$/);
  });
});
