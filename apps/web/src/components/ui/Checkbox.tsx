import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Lỗi / Error: </span>
          {error}
        </p>
      ) : null}
      <div className="choice">
        <input
          {...inputProps}
          type="checkbox"
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          required={required}
        />
        <label htmlFor={id} className="choice__label">
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
        {hint ? (
          <div id={hintId} className="choice__hint field__hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
