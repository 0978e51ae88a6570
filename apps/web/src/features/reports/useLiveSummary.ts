import type { ReportSummary } from '@motcua/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../lib/queryKeys';
import { connectSse, type SseStatus } from '../../lib/sse';
import { reportQuery, type PeriodParams } from './useReports';

/** Tables and lists follow a change after this pause, so a burst of changes costs one reload. */
const RELOAD_DEBOUNCE_MS = 2000;

/**
 * GET /reports/live for the period: each `summary` event replaces the summary in the cache (the
 * cards change at once); the breakdown, trend and overdue list reload shortly after.
 */
export function useLiveSummary(params: PeriodParams): { status: SseStatus; updatedAt: Date | null } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SseStatus>('connecting');
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { from, to } = params;

  useEffect(() => {
    const p = { from, to };
    let first = true;
    const conn = connectSse(`/reports/live?${reportQuery(p)}`, {
      onStatus: setStatus,
      onEvent: (e) => {
        if (e.event !== 'summary') return;
        let summary: ReportSummary;
        try {
          summary = JSON.parse(e.data) as ReportSummary;
        } catch {
          return;
        }
        queryClient.setQueryData(queryKeys.reportSummary(p), summary);
        setUpdatedAt(new Date());
        // The event on connect is the state already loaded; only later ones are changes.
        if (first) {
          first = false;
          return;
        }
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          void queryClient.invalidateQueries({
            queryKey: queryKeys.reports,
            predicate: (q) => q.queryKey[1] !== 'summary',
          });
          void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
        }, RELOAD_DEBOUNCE_MS);
      },
    });
    return () => {
      conn.close();
      clearTimeout(timer.current);
    };
  }, [from, to, queryClient]);

  return { status, updatedAt };
}
