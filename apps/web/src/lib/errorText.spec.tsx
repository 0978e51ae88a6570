import { render, screen } from '@testing-library/react';
import { act } from 'react';
import type { ErrorCode } from '@motcua/shared';
import { DOSSIER_STATUSES } from '@motcua/shared/dossier-status';
import { ERROR_CODES, errorText } from '@motcua/shared/errors';
import { STATUS_NAMES } from '@motcua/shared/status-names';
import { i18n, setLanguage } from '../app/i18n';
import { ErrorMessage } from '../components/ui';
import { wholeLocale } from '../test/texts';
import { ApiError } from './api';
import { problemText } from './errorText';

const problem = (code: string, status = 400) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail: 'English detail', code });

describe('error texts come from the shared catalogue', () => {
  // The locale as one file per language (src/locales/<lang>/*.json merged).
  let vi: Record<string, Record<string, unknown>>;
  let en: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    [vi, en] = await Promise.all([wholeLocale('vi'), wholeLocale('en')]);
  });

  afterEach(() => act(() => setLanguage('vi')));

  it.each(['vi', 'en'] as const)('shows every code in words, never the code (%s)', (lang) => {
    act(() => setLanguage(lang));
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const text = problemText(i18n.t, problem(code, ERROR_CODES[code].status), { file: 'a.pdf', mb: 5 });
      // No Retry-After: a minute, in words.
      const wait = lang === 'vi' ? '1 phút' : '1 minute';
      expect(text).toBe(errorText(code, lang, { seconds: 60, wait, file: 'a.pdf', mb: 5 }));
      expect(text).not.toContain(code);
    }
  });

  it('names INVALID_ASSIGNEE and ACTION_FORBIDDEN in Vietnamese, not by their code', () => {
    expect(problemText(i18n.t, problem('INVALID_ASSIGNEE', 422))).toBe(ERROR_CODES.INVALID_ASSIGNEE.vi);
    expect(problemText(i18n.t, problem('ACTION_FORBIDDEN', 403))).toBe(ERROR_CODES.ACTION_FORBIDDEN.vi);
  });

  it('names each status as the e-mails do (STATUS_NAMES)', () => {
    for (const s of DOSSIER_STATUSES) expect(i18n.t(`dossiers.status.${s}`)).toBe(STATUS_NAMES[s].vi);
    act(() => setLanguage('en'));
    for (const s of DOSSIER_STATUSES) expect(i18n.t(`dossiers.status.${s}`)).toBe(STATUS_NAMES[s].en);
  });

  it('keeps no copy of a catalogue text in the locale files', () => {
    for (const locale of [vi, en]) {
      expect(locale.errors).not.toHaveProperty('code');
      expect(locale.dossiers).not.toHaveProperty('status');
      expect(locale.apply).not.toHaveProperty('errors');
    }
  });

  it('writes every error with one prefix, in the language shown', () => {
    render(<ErrorMessage alert error="Không tìm thấy hồ sơ." />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^Lỗi: Không tìm thấy hồ sơ\.$/);
    act(() => setLanguage('en'));
    expect(screen.getByRole('alert')).toHaveTextContent(/^Error: Không tìm thấy hồ sơ\.$/);
  });
});
