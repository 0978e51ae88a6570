/*
 * The hint and error of a form control (Field, Radios, Checkbox) and the ids that tie them to it
 * with aria-describedby. Internal to components/ui.
 */

/** `${id}-hint` and `${id}-error`, each only when that message is shown. */
export function messageIds(id: string, hint?: string, error?: string): { hintId?: string; errorId?: string } {
  return { hintId: hint ? `${id}-hint` : undefined, errorId: error ? `${id}-error` : undefined };
}

/** aria-describedby for the given ids, in order; undefined when there are none. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function FieldHint({ id, hint, className = 'field__hint' }: { id?: string; hint?: string; className?: string }) {
  return hint ? (
    <div id={id} className={className}>
      {hint}
    </div>
  ) : null;
}

/** The error, prefixed for screen readers in both languages (it is read out of context). */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  return error ? (
    <p id={id} className="field__error">
      <span className="visually-hidden">Lỗi / Error: </span>
      {error}
    </p>
  ) : null;
}
