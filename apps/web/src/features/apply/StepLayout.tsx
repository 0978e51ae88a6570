import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link, useLocation } from 'react-router';

/**
 * The frame of one wizard page: back link, the error summary (GOV.UK: at the top), the
 * procedure's name as a caption, the page's heading and "step n of m". When the applicant
 * moves between steps, the heading takes the focus so that a screen reader announces the
 * new page (a client-side navigation does not).
 */
export function StepLayout({
  caption,
  captionLang,
  title,
  stepLabel,
  back,
  focusHeading,
  errorSummary,
  children,
}: {
  caption: string;
  captionLang?: string;
  title: string;
  stepLabel?: string;
  back?: string;
  focusHeading: boolean;
  errorSummary?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    // A "Change" link (#f-key) points at its question; otherwise the new page's heading.
    let target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    // In a radio group, the chosen option (as the browser's own keyboard focus would).
    if (target instanceof HTMLInputElement && target.type === 'radio' && target.form) {
      const checked = target.form.querySelector<HTMLInputElement>(`input[name="${target.name}"]:checked`);
      target = checked ?? target;
    }
    if (target) target.focus();
    else if (focusHeading) heading.current?.focus();
  }, [focusHeading, hash]);
  return (
    <div className="wizard">
      {back ? (
        <Link className="back-link" to={back}>
          {t('apply.back')}
        </Link>
      ) : null}
      {errorSummary}
      <p className="caption" lang={captionLang}>
        {caption}
      </p>
      <h1 ref={heading} tabIndex={-1} className="wizard__title">
        {title}
      </h1>
      {stepLabel ? <p className="step-count">{stepLabel}</p> : null}
      {children}
    </div>
  );
}
