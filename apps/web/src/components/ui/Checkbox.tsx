import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { describedBy, FieldError, FieldHint, messageIds } from './FieldMessages';

export interface CheckboxProps {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Spread on the checkbox (react-hook-form's `register(name)`, or checked/onChange). */
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}

/** One checkbox with its label beside it (a declaration, a yes/no choice); hint and error tied to it. */
export function Checkbox({ id, label, hint, error, required, inputProps }: CheckboxProps) {
  const { hintId, errorId } = messageIds(id, hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <FieldError id={errorId} error={error} />
      <div className="choice">
        <input
          {...inputProps}
          type="checkbox"
          id={id}
          aria-describedby={describedBy(errorId, hintId)}
          aria-invalid={error ? true : undefined}
          required={required}
        />
        <label htmlFor={id} className="choice__label">
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
        <FieldHint id={hintId} hint={hint} className="choice__hint field__hint" />
      </div>
    </div>
  );
}
