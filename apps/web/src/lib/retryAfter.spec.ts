import { act } from '@testing-library/react';
import { i18n, setLanguage } from '../app/i18n';
import { ApiError } from './api';
import { retryAfterSeconds, tryAgainTime, waitText } from './retryAfter';

const tooMany = (retryAfter?: number) =>
  new ApiError({
    type: 'about:blank',
    title: 'Too Many Requests',
    status: 429,
    detail: '',
    code: 'TOO_MANY_ATTEMPTS',
    retryAfter,
  });

describe('when to try again after a 429', () => {
  it('reads the wait of a 429 only, a minute when the answer gives none', () => {
    expect(retryAfterSeconds(tooMany(41.2))).toBe(42);
    expect(retryAfterSeconds(tooMany())).toBe(60);
    expect(retryAfterSeconds(new ApiError({ type: 'about:blank', title: '', status: 401, detail: '' }))).toBeNull();
    expect(retryAfterSeconds(new Error('x'))).toBeNull();
  });

  it('says the wait in seconds under a minute and in whole minutes after, in both languages', () => {
    act(() => setLanguage('vi'));
    expect(waitText(i18n.t, 42)).toBe('42 giây');
    expect(waitText(i18n.t, 60)).toBe('1 phút');
    expect(waitText(i18n.t, 541)).toBe('10 phút');
    act(() => setLanguage('en'));
    expect(waitText(i18n.t, 1)).toBe('1 second');
    expect(waitText(i18n.t, 540)).toBe('9 minutes');
  });

  it('gives the local time in Vietnam, with the date only when it is another day there', () => {
    // 03:30 UTC = 10:30 in Asia/Ho_Chi_Minh; +12 min = 10:42 the same day.
    const now = new Date('2026-12-07T03:30:00Z');
    expect(tryAgainTime(new Date('2026-12-07T03:42:00Z'), now)).toBe('10:42');
    // 16:50 UTC = 23:50 local; +20 min is 00:10 the next local day.
    const late = new Date('2026-12-07T16:50:00Z');
    expect(tryAgainTime(new Date('2026-12-07T17:10:00Z'), late)).toBe('00:10 08/12/2026');
  });
});
