import type { FormField } from '@motcua/shared';
import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { SummaryList } from '../../components/ui';
import { formatAnswer } from './answers';
import { fieldLabel } from './labels';

export interface AnswerRow {
  key: string;
  label: string;
  value: ReactNode;
  /** Where "Change" goes; no link when absent. */
  changeTo?: string;
}

/** GOV.UK's summary list: question, answer and, on the check page, a "Change" link naming the question. */
export function SummaryRows({ rows }: { rows: AnswerRow[] }) {
  const { t } = useTranslation();
  return (
    <SummaryList
      className="answers"
      rows={rows.map((r) => ({
        key: r.key,
        label: r.label,
        value: r.value,
        action: r.changeTo ? (
          <Link to={r.changeTo}>
            {t('apply.check.change')}
            <span className="visually-hidden"> {r.label}</span>
          </Link>
        ) : undefined,
      }))}
    />
  );
}

/** The rows of a form's answers, in the form's order. */
export function useAnswerRows(
  fields: readonly FormField[],
  formData: Record<string, unknown>,
  changeTo?: (field: FormField) => string,
): AnswerRow[] {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return fields.map((f) => {
    const value = formatAnswer(t, f, formData[f.key], english);
    return {
      key: f.key,
      label: fieldLabel(f, english),
      value: value ?? <span className="muted">{t('apply.answers.notProvided')}</span>,
      changeTo: changeTo?.(f),
    };
  });
}
