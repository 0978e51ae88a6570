import type { BreakdownBy, BreakdownResponse, ReportSummary } from '@motcua/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

export interface PeriodParams {
  from: string;
  to: string;
}

/** A refused request (4xx: a bad period, no right) is not asked again; a failure once more. */
const retryReport = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1;

export const reportQuery = (params: Record<string, string>) => new URLSearchParams(params).toString();

export function useReportSummary(params: PeriodParams) {
  const p = { ...params };
  return useQuery({
    queryKey: queryKeys.reportSummary(p),
    queryFn: ({ signal }) => api<ReportSummary>(`/reports/summary?${reportQuery(p)}`, { signal }),
    placeholderData: keepPreviousData,
    retry: retryReport,
  });
}

export function useBreakdown(params: PeriodParams, by: BreakdownBy) {
  const p = { ...params, by };
  return useQuery({
    queryKey: queryKeys.reportBreakdown(p),
    queryFn: ({ signal }) => api<BreakdownResponse>(`/reports/breakdown?${reportQuery(p)}`, { signal }),
    placeholderData: keepPreviousData,
    retry: retryReport,
  });
}
