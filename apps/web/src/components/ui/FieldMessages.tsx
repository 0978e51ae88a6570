import { ErrorMessage } from './ErrorMessage';

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

/** A control's error (aria-describedby points at it): the one ErrorMessage, with its prefix. */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  return <ErrorMessage id={id} error={error} />;
}
