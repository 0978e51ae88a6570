import { useEffect, useRef } from 'react';

/** The ids an error list names, as one comparable string. */
const idsOf = (errors: SummaryError[]) => errors.map((e) => e.fieldId);

export interface SummaryError {
  /** The id of the control to focus. */
  fieldId: string;
  message: string;
}

/**
 * The list of problems at the top of a form (GOV.UK pattern): it takes focus when
 * shown, and each message links to its field. When errors are fixed the list shrinks (or
 * goes) without taking the focus from where the person is typing; a new error takes it again.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string[]>([]);
  useEffect(() => {
    const before = shown.current;
    shown.current = idsOf(errors);
    // A fresh submit attempt passes a new array even with the same errors: focus again then too,
    // unless it only lost errors (something was fixed).
    const onlyFixed = before.length > errors.length && shown.current.every((id) => before.includes(id));
    if (errors.length && !onlyFixed) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={e.fieldId}>
            <a
              href={`#${e.fieldId}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.fieldId)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
