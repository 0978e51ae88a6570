import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { describedBy, FieldError, FieldHint, messageIds } from './FieldMessages';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadiosProps {
  /** The id of the first radio: the error summary links to it. */
  id: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  required?: boolean;
  options: RadioOption[];
  /** Spread on every radio (react-hook-form's `register(name)`, or name/checked/onChange). */
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
  /** Smaller radios in a row (e.g. a 1–5 score). */
  inline?: boolean;
  /** Controlled: the option checked (with inputProps.onChange). */
  value?: string;
}

/**
 * A group of radios in a fieldset whose legend is the question (GOV.UK pattern); the hint
 * and error are tied to the group, and each option has its own label.
 */
export function Radios({ id, legend, hint, error, required, options, inputProps, inline, value }: RadiosProps) {
  const { hintId, errorId } = messageIds(id, hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="field__label fieldset__legend">
          {legend}
          {required ? <span aria-hidden="true"> *</span> : null}
        </legend>
        <FieldHint id={hintId} hint={hint} />
        <FieldError id={errorId} error={error} />
        <div className={inline ? 'choices choices--inline' : 'choices'}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            const optionHintId = o.hint ? `${optionId}-item-hint` : undefined;
            return (
              <div className="choice" key={o.value}>
                <input
                  {...inputProps}
                  type="radio"
                  id={optionId}
                  value={o.value}
                  checked={value === undefined ? inputProps.checked : value === o.value}
                  // Native `required` (the form has noValidate) tells assistive technology; the
                  // visible asterisk is hidden from it.
                  required={required}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={optionHintId}
                />
                <label htmlFor={optionId} className="choice__label">
                  {o.label}
                </label>
                {o.hint ? (
                  <div id={optionHintId} className="choice__hint field__hint">
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
