import { cloneElement, isValidElement, type ReactElement } from 'react';
import { describedBy, FieldError, FieldHint, messageIds } from './FieldMessages';

export interface FieldProps {
  /** The control's id; the error summary links to it. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** One form control (input, select, textarea); it receives id and aria attributes. */
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled control with its hint and error tied to it for assistive technology. */
export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const { hintId, errorId } = messageIds(id, hint, error);
  const control = isValidElement(children)
    ? cloneElement(children, {
        id,
        'aria-describedby': describedBy(hintId, errorId),
        'aria-invalid': error ? true : undefined,
        'aria-required': required || undefined,
      })
    : children;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <FieldError id={errorId} error={error} />
      {control}
    </div>
  );
}
