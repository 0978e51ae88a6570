import type { FormField } from '@motcua/shared';
import { resolveDateBound, todayInVietnam } from '@motcua/shared/form-dates';
import type { TFunction } from '../../lib/i18n';
import { useTranslation } from '../../lib/i18n';
import { Checkbox, Field, Radios } from '../../components/ui';
import { fieldHint, fieldLabel } from './labels';
import { parseNumberInput } from './formValues';
import type { QuestionsForm } from './useQuestionsForm';

/** The id of a question's control: the error summary and the "Change" links point at it. */
export const fieldId = (key: string) => `f-${key}`;

/** Few options read best as radios (all visible at once); many as a drop-down. */
export const RADIOS_MAX_OPTIONS = 5;

/** A hint for types whose format people often get wrong, when the procedure gives none. */
function defaultHint(t: TFunction, field: FormField): string | undefined {
  switch (field.type) {
    case 'nationalId':
      return t('apply.hints.nationalId');
    case 'phone':
      return t('apply.hints.phone');
    case 'email':
      return t('apply.hints.email');
    case 'number':
      if (field.min !== undefined && field.max !== undefined)
        return t('apply.hints.numberBetween', { min: field.min, max: field.max });
      return undefined;
    case 'text':
    case 'textarea':
    case 'date':
    case 'select':
    case 'checkbox':
      return undefined;
  }
}

/** One question of a procedure's form, rendered by its type, with its vi or en label and hint. */
export function FormFieldControl({
  field,
  register,
  error,
  locked = false,
}: {
  field: FormField;
  register: QuestionsForm['register'];
  error?: string;
  /** Held to the applicant's verified profile value (digital-citizen login): shown read-only, saying why. */
  locked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const id = fieldId(field.key);
  const label = fieldLabel(field, english);
  const hint = locked ? t('apply.profile.locked') : (fieldHint(field, english) ?? defaultHint(t, field));
  const common = { id, label, hint, error, required: field.required };

  switch (field.type) {
    case 'checkbox':
      return <Checkbox {...common} inputProps={register(field.key)} />;
    case 'select': {
      const options = (field.options ?? []).map((o) => ({ value: o.value, label: english ? o.labelEn : o.label }));
      if (options.length <= RADIOS_MAX_OPTIONS) {
        return <Radios {...common} legend={label} options={options} inputProps={register(field.key)} />;
      }
      return (
        <Field {...common}>
          <select {...register(field.key)}>
            <option value="">{t('apply.choose')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      );
    }
    case 'textarea':
      return (
        <Field {...common}>
          <textarea rows={5} {...register(field.key)} />
        </Field>
      );
    case 'number':
      return (
        <Field {...common}>
          <input
            type="text"
            inputMode={field.integer ? 'numeric' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            className="input--short"
            {...register(field.key, { setValueAs: parseNumberInput })}
          />
        </Field>
      );
    case 'date': {
      // The browser's date picker offers only days inside the schema's bounds (today in Vietnam).
      const today = todayInVietnam();
      return (
        <Field {...common}>
          <input
            type="date"
            className="input--date"
            min={resolveDateBound(field.min, today)}
            max={resolveDateBound(field.max, today)}
            readOnly={locked}
            {...register(field.key)}
          />
        </Field>
      );
    }
    case 'email':
      return (
        <Field {...common}>
          <input type="email" autoComplete="off" spellCheck={false} readOnly={locked} {...register(field.key)} />
        </Field>
      );
    case 'phone':
      return (
        <Field {...common}>
          <input
            type="tel"
            inputMode="tel"
            autoComplete="off"
            className="input--id"
            readOnly={locked}
            {...register(field.key)}
          />
        </Field>
      );
    case 'nationalId':
      return (
        <Field {...common}>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="input--id"
            readOnly={locked}
            {...register(field.key)}
          />
        </Field>
      );
    case 'text':
      return (
        <Field {...common}>
          <input type="text" autoComplete="off" readOnly={locked} {...register(field.key)} />
        </Field>
      );
  }
}
