import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorSummary, Field, Radios } from '../../components/ui';
import { PERIOD_KINDS, type Period, type PeriodKind, type PeriodProblem } from './period';

const FROM_ID = 'period-from';
const TO_ID = 'period-to';

/**
 * The report's period: this month, quarter or year apply at once; custom dates apply with the
 * button. The choice lives in the address, so a report can be bookmarked and shared, and the page
 * checks the address's dates (period.ts, the shared zod-free rule): a form of two dates needs no
 * form library nor validator here (issue 16, item 17).
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
  const [kind, setKind] = useState<PeriodKind>(period.kind);
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
  // The dates are read when applied: typing re-renders nothing.
  const custom = period.kind === 'custom' ? period : { from: '', to: '' };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const date = (name: 'from' | 'to') => {
      const v = data.get(name);
      return typeof v === 'string' ? v : '';
    };
    onChange({ kind: 'custom', from: date('from'), to: date('to') });
  };
  return (
    <form noValidate className="period" onSubmit={submit}>
      <ErrorSummary title={t('errors.summaryTitle')} errors={summary} />
      <Radios
        id="period-kind"
        legend={t('dashboard.period.legend')}
        inline
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`dashboard.period.kinds.${k}`) }))}
        value={kind}
        inputProps={{
          name: 'kind',
          onChange: (e) => {
            const k = e.target.value as PeriodKind;
            setKind(k);
            if (k !== 'custom') onChange({ kind: k });
          },
        }}
      />
      {kind === 'custom' ? (
        <div className="period__dates">
          <Field id={FROM_ID} label={t('dashboard.period.from')} error={message('from')} required>
            <input type="date" className="input--date" name="from" defaultValue={custom.from} />
          </Field>
          <Field id={TO_ID} label={t('dashboard.period.to')} error={message('to')} required>
            <input type="date" className="input--date" name="to" defaultValue={custom.to} />
          </Field>
          <Button type="submit" variant="secondary">
            {t('dashboard.period.apply')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
