import type { BreakdownRow } from '@motcua/shared';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, Loading, QueryLoadError, type SortableColumn, SortableTable } from '../../components/ui';
import { DownloadButton } from '../dossiers/DownloadButton';
import { useRateText } from './KpiCards';
import type { Period } from './period';
import { reportQuery, useBreakdown } from './useReports';
import { useReportFormat } from './useReportFormat';

type By = 'agency' | 'procedure';

/**
 * The period's figures per agency or per procedure: sortable, and exportable as CSV. Memo: the
 * page's other answers (summary, live feed) do not redraw its table (issue 16, item 17).
 */
export const BreakdownSection = memo(function BreakdownSection({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const f = useReportFormat();
  const rate = useRateText();
  const [by, setBy] = useState<By>('agency');
  const params = { from: period.from, to: period.to };
  const q = useBreakdown(params, by);
  // The table is drawn at transition priority, in slices the browser can answer taps between: a
  // query's answer re-renders at once otherwise, in one long task (Lighthouse's blocking time).
  const rows = useDeferredValue(q.data?.rows);

  // Built once per view and language: the table re-sorts and redraws only when they change.
  const columns = useMemo((): SortableColumn<BreakdownRow>[] => {
    const rateColumn = (
      key: string,
      pick: (r: BreakdownRow) => { rate: number | null; num: number; den: number },
      unit: 'dossiers' | 'ratings' = 'dossiers',
    ): SortableColumn<BreakdownRow> => ({
      key,
      header: t(`dashboard.breakdown.columns.${key}`),
      numeric: true,
      sortValue: (r) => pick(r).rate,
      cellClassName: (r) => (pick(r).rate === null ? 'rate rate--none' : 'rate'),
      // One text: the fraction goes on its own line by CSS (.breakdown td.num, white-space: pre-line).
      render: (r) => {
        const x = pick(r);
        const text = rate(x.rate, x.num, x.den, unit);
        return x.rate === null ? text.detail : `${f.percent(x.rate)}\n${text.detail}`;
      },
    });
    return [
      {
        key: 'label',
        header: t(`dashboard.breakdown.columns.label.${by}`),
        sortValue: (r) => r.label,
        // Names are Vietnamese: marked so only on an English page (one element fewer per row in Vietnamese).
        render: (r) => (english ? <span lang="vi">{r.label}</span> : r.label),
      },
      {
        key: 'received',
        header: t('dashboard.breakdown.columns.received'),
        numeric: true,
        sortValue: (r) => r.received,
        render: (r) => f.count(r.received),
      },
      rateColumn('online', (r) => ({ rate: r.online.rate, num: r.online.count, den: r.received })),
      rateColumn('fullProcess', (r) => ({
        rate: r.fullProcess.rate,
        num: r.fullProcess.online,
        den: r.fullProcess.total,
      })),
      rateColumn('onTime', (r) => ({ rate: r.onTime.rate, num: r.onTime.count, den: r.decided })),
      {
        key: 'openOverdue',
        header: t('dashboard.breakdown.columns.openOverdue'),
        numeric: true,
        sortValue: (r) => r.openOverdue,
        render: (r) => f.count(r.openOverdue),
      },
      rateColumn(
        'satisfaction',
        (r) => ({ rate: r.satisfaction.rate, num: r.satisfaction.satisfied, den: r.satisfaction.ratings }),
        'ratings',
      ),
    ];
  }, [t, f, rate, by, english]);

  return (
    <>
      <div className="breakdown-tools">
        <div role="group" aria-label={t('dashboard.breakdown.byLabel')} className="toggle-group">
          {(['agency', 'procedure'] as const).map((b) => (
            <Button key={b} variant="secondary" aria-pressed={by === b} onClick={() => setBy(b)}>
              {t(`dashboard.breakdown.by.${b}`)}
            </Button>
          ))}
        </div>
        <DownloadButton
          path={`/reports/breakdown.csv?${reportQuery({ ...params, by })}`}
          fileName={`motcua-${by}-${period.from}-${period.to}.csv`}
          label={t('dashboard.breakdown.export')}
        />
      </div>
      {q.isError ? (
        <QueryLoadError query={q} />
      ) : !rows ? (
        <Loading />
      ) : (
        <SortableTable
          key={by}
          caption={t(`dashboard.breakdown.caption.${by}`)}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          initialSort={{ key: 'received', direction: 'descending' }}
          empty={t('dashboard.breakdown.empty')}
        />
      )}
    </>
  );
});
