import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { tryAgainTime, waitText } from '../../lib/retryAfter';

/**
 * A 429 (too many attempts): not a mistake to fix in a field, so not under "Có lỗi cần sửa", but a
 * wait said under its own title with when to try again, in local time and in minutes or seconds.
 * It takes the focus when shown, like an error summary.
 */
export function TryAgainLater({
  id,
  title,
  reason,
  seconds,
  at,
  now,
  children,
}: {
  id: string;
  title: string;
  /** Why, e.g. "Đã có quá nhiều lần đăng nhập sai." */
  reason: string;
  seconds: number;
  /** When the wait ends; read by the caller in its event handler (never during render). */
  at: Date;
  /** When the answer came (for "today at 10:42" against a date). */
  now: Date;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [at]);
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`} className="error-summary__title">
        {title}
      </h2>
      <p className="error-summary__text">
        {reason} {t('errors.tryAgainAt', { time: tryAgainTime(at, now), wait: waitText(t, seconds) })}
      </p>
      {children}
    </div>
  );
}
