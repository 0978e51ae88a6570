import type { BreakdownRow } from '@motcua/shared';
import { monthsOf } from '@motcua/shared/report-period';
import { memo, useDeferredValue } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Loading, QueryLoadError } from '../../components/ui';
import { useRateText } from './KpiCards';
import { monthLabel, trendRange, type Period } from './period';
import { TrendChart } from './TrendChart';
import { useBreakdown } from './useReports';
import { useReportFormat } from './useReportFormat';

/**
 * Month by month: counts received and decided, and the three rates that matter most. Memo: the
 * summary's answer and the live feed do not redraw the charts (issue 16, item 17).
 */
export const TrendSection = memo(function TrendSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const rateText = useRateText();
  const range = trendRange(period);
  const q = useBreakdown(range, 'month');
  // The charts are drawn at transition priority, in slices (BreakdownSection says why).
  const data = useDeferredValue(q.data);

  if (q.isError) {
    return <QueryLoadError query={q} />;
  }
  if (!data) return <Loading />;
  const months = monthsOf(range.from, range.to);
  const byKey = new Map(data.rows.map((r) => [r.key, r]));
  const rows = months.map((m) => byKey.get(m) ?? null);
  const labels = months.map(monthLabel);
  const pick = (fn: (r: BreakdownRow) => number | null) => rows.map((r) => (r ? fn(r) : null));
  const received = pick((r) => r.received).map((v) => v ?? 0);
  const decided = pick((r) => r.decided).map((v) => v ?? 0);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const peak = received.reduce((best, v, i) => (v > received[best] ? i : best), 0);
  const last = rows[rows.length - 1];
  const noData = t('dashboard.noData');
  const rateCells = (fn: (r: BreakdownRow) => { rate: number | null; num: number; den: number }) =>
    rows.map((r) => {
      if (!r) return noData;
      const x = fn(r);
      return rateText(x.rate, x.num, x.den, 'dossiers').plain;
    });
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? noData : f.percent(v));
  const span = { from: labels[0] ?? '', to: labels[labels.length - 1] ?? '' };

  return (
    <div className="trend">
      <TrendChart
        title={t('dashboard.trend.countsTitle')}
        summary={t('dashboard.trend.countsSummary', {
          ...span,
          received: f.count(sum(received)),
          decided: f.count(sum(decided)),
          peakMonth: labels[peak] ?? '',
          peak: f.count(received[peak] ?? 0),
        })}
        categories={labels}
        kind="bars"
        format={(v) => f.count(Math.round(v))}
        series={[
          { key: 'received', label: t('dashboard.trend.received'), values: received },
          { key: 'decided', label: t('dashboard.trend.decided'), values: decided },
        ]}
      />
      <TrendChart
        title={t('dashboard.trend.ratesTitle')}
        summary={t('dashboard.trend.ratesSummary', {
          ...span,
          month: span.to,
          online: pct(last?.online.rate),
          full: pct(last?.fullProcess.rate),
          onTime: pct(last?.onTime.rate),
        })}
        categories={labels}
        kind="lines"
        format={(v) => f.percent(v)}
        series={[
          {
            key: 'online',
            label: t('dashboard.trend.online'),
            values: pick((r) => r.online.rate),
            cells: rateCells((r) => ({ rate: r.online.rate, num: r.online.count, den: r.received })),
          },
          {
            key: 'fullProcess',
            label: t('dashboard.trend.fullProcess'),
            values: pick((r) => r.fullProcess.rate),
            cells: rateCells((r) => ({
              rate: r.fullProcess.rate,
              num: r.fullProcess.online,
              den: r.fullProcess.total,
            })),
          },
          {
            key: 'onTime',
            label: t('dashboard.trend.onTime'),
            values: pick((r) => r.onTime.rate),
            cells: rateCells((r) => ({ rate: r.onTime.rate, num: r.onTime.count, den: r.decided })),
          },
        ]}
      />
    </div>
  );
});
