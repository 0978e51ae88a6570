import type { FormField } from '@motcua/shared';
import type { TFunction } from '../../lib/i18n';
import { formatDate } from '../../lib/format';

/** An answer as the applicant reads it back: option labels, dates as dd/MM/yyyy, yes/no; null when not given. */
export function formatAnswer(t: TFunction, field: FormField, value: unknown, english: boolean): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return field.type === 'checkbox' ? t('apply.answers.no') : null;
  }
  switch (field.type) {
    case 'checkbox':
      return value === true ? t('apply.answers.yes') : t('apply.answers.no');
    case 'select': {
      const option = field.options?.find((o) => o.value === value);
      return option ? (english ? option.labelEn : option.label) : JSON.stringify(value);
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value) || value : JSON.stringify(value);
    case 'number':
      return typeof value === 'number'
        ? new Intl.NumberFormat(english ? 'en-GB' : 'vi-VN').format(value)
        : JSON.stringify(value);
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'nationalId':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
