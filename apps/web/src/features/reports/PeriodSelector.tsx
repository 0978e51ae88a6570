import { useCallback, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary, Field, Radios } from '../../components/ui';
import { PERIOD_KINDS, type Period, type PeriodKind, type PeriodProblem } from './period';

interface Values {
  kind: PeriodKind;
  from: string;
  to: string;
}

const FROM_ID = 'period-from';
const TO_ID = 'period-to';

/**
 * The report's period: this month, quarter or year apply at once; custom dates apply with the
 * button. The choice lives in the address, so a report can be bookmarked and shared.
 */
export function PeriodSelector({
  period,
  problems,
  onChange,
}: {
  period: Period;
  problems: PeriodProblem[];
  onChange: (next: { kind: PeriodKind; from?: string; to?: string }) => void;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, control } = useForm<Values>({
    defaultValues: {
      kind: period.kind,
      from: period.kind === 'custom' ? period.from : '',
      to: period.kind === 'custom' ? period.to : '',
    },
  });
  const kind = useWatch({ control, name: 'kind' });
  const message = useCallback(
    (field: 'from' | 'to') => {
      const p = problems.find((x) => x.field === field);
      return p ? t(`dashboard.period.errors.${field}.${p.kind}`) : undefined;
    },
    [problems, t],
  );
  // A new array only when the problems or the language change: the summary takes focus on each.
  const summary = useMemo(
    () => problems.map((p) => ({ fieldId: p.field === 'from' ? FROM_ID : TO_ID, message: message(p.field) ?? '' })),
    [problems, message],
  );
  return (
    <form
      noValidate
      className="period"
      onSubmit={(e) => void handleSubmit((v) => onChange({ kind: 'custom', from: v.from, to: v.to }))(e)}
    >
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <Radios
        id="period-kind"
        legend={t('dashboard.period.legend')}
        inline
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`dashboard.period.kinds.${k}`) }))}
        inputProps={register('kind', {
          onChange: (e: { target: { value: string } }) => {
            const k = e.target.value as PeriodKind;
            if (k !== 'custom') onChange({ kind: k });
          },
        })}
      />
      {kind === 'custom' ? (
        <div className="period__dates">
          <Field id={FROM_ID} label={t('dashboard.period.from')} error={message('from')} required>
            <input type="date" className="input--date" {...register('from')} />
          </Field>
          <Field id={TO_ID} label={t('dashboard.period.to')} error={message('to')} required>
            <input type="date" className="input--date" {...register('to')} />
          </Field>
          <Button type="submit" variant="secondary">
            {t('dashboard.period.apply')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
