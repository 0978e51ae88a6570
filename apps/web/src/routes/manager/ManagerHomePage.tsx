import type { ReportSummary } from '@motcua/shared';
import { reportSummary, ZERO_COUNTS } from '@motcua/shared/summary-figures';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Loading, QueryLoadError } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { BreakdownSection } from '../../features/reports/BreakdownSection';
import { KpiCards } from '../../features/reports/KpiCards';
import { LiveIndicator } from '../../features/reports/LiveIndicator';
import { OverdueList } from '../../features/reports/OverdueList';
import {
  periodFromSearch,
  periodProblemsOf,
  todayLocal,
  type Period,
  type PeriodKind,
  type PeriodProblem,
} from '../../features/reports/period';
import { PeriodSelector } from '../../features/reports/PeriodSelector';
import { ScorecardTable } from '../../features/reports/ScorecardTable';
import { TrendSection } from '../../features/reports/TrendSection';
import { useLiveSummary } from '../../features/reports/useLiveSummary';
import { useReportSummary } from '../../features/reports/useReports';
import '../../features/reports/dashboard.css';
import '../../features/queue/desk.css';

/**
 * The KPI cards' shape while the summary loads: the same cards, laid out but not shown (Lighthouse
 * measured the sections below jumping by the cards' height, CLS 0.26). Their figures come from the
 * shared rule (summary-figures.ts) over one dossier of each denominator and none of each numerator,
 * so every card has every line a loaded one has (a 0 % rate, never "no data").
 */
const PLACEHOLDER_SUMMARY: ReportSummary = reportSummary('', '', {
  ...ZERO_COUNTS,
  received: 1,
  receivedFull: 1,
  decided: 1,
  returned: 1,
  returnedFull: 1,
  ratings: 1,
  feePaid: 1,
  open: 1,
});

/** /manager — the scorecard of the manager's agencies: figures, trend, breakdown, overdue, live. */
export function ManagerHomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const today = todayLocal();
  const { period, problems } = useMemo(() => periodFromSearch(new URLSearchParams(key), today), [key, today]);
  // A period the API refused (400 naming from or to) is shown at its fields, for this address only.
  const [refused, setRefused] = useState<{ key: string; problems: PeriodProblem[] } | null>(null);
  const onRefused = useCallback((p: PeriodProblem[]) => setRefused({ key, problems: p }), [key]);
  const shown = problems.length ? problems : refused?.key === key ? refused.problems : [];

  const change = (next: { kind: PeriodKind; from?: string; to?: string }) => {
    const p = new URLSearchParams({ period: next.kind });
    if (next.kind === 'custom') {
      p.set('from', next.from ?? '');
      p.set('to', next.to ?? '');
    }
    setSearch(p);
  };

  return (
    <>
      <h1>{t('managerHome.title')}</h1>
      <p className="lead">{t('managerHome.lead', { name: user?.fullName ?? '' })}</p>
      <PeriodSelector period={period} problems={shown} onChange={change} />
      {shown.length ? null : <Dashboard period={period} onRefused={onRefused} />}
    </>
  );
}

function Dashboard({ period, onRefused }: { period: Period; onRefused: (problems: PeriodProblem[]) => void }) {
  const { t } = useTranslation();
  const params = { from: period.from, to: period.to };
  const summary = useReportSummary(params);
  // Drawn at transition priority, in slices (BreakdownSection says why); the live feed's updates too.
  const figures = useDeferredValue(summary.data);
  const live = useLiveSummary(params);
  const error = summary.error;
  useEffect(() => {
    const p = periodProblemsOf(error);
    if (p.length) onRefused(p);
  }, [error, onRefused]);
  return (
    <>
      <div className="dashboard-status">
        <p className="dashboard-period">
          {t('dashboard.period.showing', { from: formatDate(period.from), to: formatDate(period.to) })}
        </p>
        <LiveIndicator status={live.status} updatedAt={live.updatedAt} />
      </div>
      <section aria-labelledby="kpi-title">
        <h2 id="kpi-title">{t('dashboard.kpi.title')}</h2>
        {summary.isError ? (
          <QueryLoadError query={summary} />
        ) : !figures ? (
          <>
            {/* Announced once, in words; the cards' place is held so the sections below do not move. */}
            <div className="visually-hidden">
              <Loading />
            </div>
            <div className="placeholder" aria-hidden="true" inert>
              <KpiCards summary={PLACEHOLDER_SUMMARY} />
            </div>
          </>
        ) : (
          <KpiCards summary={figures} />
        )}
      </section>
      <section aria-labelledby="trend-title" className="dashboard-below">
        <h2 id="trend-title">{t('dashboard.trend.title')}</h2>
        <TrendSection period={period} />
      </section>
      <section aria-labelledby="breakdown-title" className="breakdown dashboard-below">
        <h2 id="breakdown-title">{t('dashboard.breakdown.title')}</h2>
        <BreakdownSection period={period} />
      </section>
      <section aria-labelledby="overdue-title" className="dashboard-below">
        <h2 id="overdue-title">{t('dashboard.overdue.title')}</h2>
        <OverdueList />
      </section>
      <section aria-labelledby="scorecard-title" className="dashboard-below">
        <h2 id="scorecard-title">{t('dashboard.scorecard.title')}</h2>
        <p>{t('dashboard.scorecard.about')}</p>
        {figures ? <ScorecardTable summary={figures} /> : null}
        <p className="muted small">{t('dashboard.scorecard.estimate')}</p>
      </section>
    </>
  );
}
