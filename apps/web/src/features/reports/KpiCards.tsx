import type { ReportSummary } from '@motcua/shared';
import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useReportFormat } from './useReportFormat';

interface Card {
  key: string;
  value: ReactNode;
  detail: ReactNode;
}

/**
 * A rate as the scorecard demands: the percentage, and the count over the total in words. One
 * function per language, its fixed texts looked up once, not in each of a table's cells.
 */
export function useRateText() {
  const { t } = useTranslation();
  const f = useReportFormat();
  return useMemo(() => {
    const noData = t('dashboard.noData');
    const none = { value: <span aria-hidden="true">—</span>, detail: noData, plain: noData };
    return (rate: number | null, numerator: number, denominator: number, unit: 'dossiers' | 'ratings' | 'open') => {
      if (rate === null) return none;
      const fraction = t(`dashboard.units.${unit}`, { num: f.count(numerator), den: f.count(denominator) });
      const percent = f.percent(rate);
      return { value: percent, detail: fraction, plain: `${percent} (${fraction})` };
    };
  }, [t, f]);
}

/** The headline figures of the period, each card with its numerator and denominator. */
export const KpiCards = memo(function KpiCards({ summary: s }: { summary: ReportSummary }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const rate = useRateText();
  const online = rate(s.online.rate, s.online.count, s.received, 'dossiers');
  const full = rate(s.fullProcess.rate, s.fullProcess.online, s.fullProcess.total, 'dossiers');
  const endToEnd = rate(s.endToEnd.rate, s.endToEnd.count, s.endToEnd.total, 'dossiers');
  const onTime = rate(s.onTime.rate, s.onTime.count, s.decided, 'dossiers');
  const satisfaction = rate(s.satisfaction.rate, s.satisfaction.satisfied, s.satisfaction.ratings, 'ratings');
  const overdueShare = rate(s.open.rate, s.open.overdue, s.open.total, 'open');
  const cards: Card[] = [
    { key: 'received', value: f.count(s.received), detail: t('dashboard.kpi.received.detail') },
    { key: 'decided', value: f.count(s.decided), detail: t('dashboard.kpi.decided.detail', { late: f.count(s.late) }) },
    { key: 'online', ...online },
    { key: 'fullProcess', ...full },
    { key: 'endToEnd', ...endToEnd },
    { key: 'onTime', ...onTime },
    {
      key: 'openOverdue',
      value: f.count(s.openOverdue),
      detail: s.open.rate === null ? t('dashboard.kpi.openOverdue.none') : overdueShare.plain,
    },
    // The citizen's delay, apart from the agency's own (issue 15): their clock is stopped.
    {
      key: 'waitingCitizen',
      value: f.count(s.open.waitingCitizen),
      detail: t('dashboard.kpi.waitingCitizen.detail'),
    },
    { key: 'satisfaction', ...satisfaction },
  ];
  return (
    <ul className="kpi-grid" aria-label={t('dashboard.kpi.label')}>
      {cards.map((c) => (
        <li key={c.key} className="kpi" data-kpi={c.key}>
          <h3 className="kpi__title">{t(`dashboard.kpi.${c.key}.title`)}</h3>
          <p className="kpi__value">{c.value}</p>
          <p className="kpi__detail">{c.detail}</p>
          <p className="kpi__hint">{t(`dashboard.kpi.${c.key}.hint`)}</p>
        </li>
      ))}
    </ul>
  );
});
