import type { HolidayDto, ItemList } from '@motcua/shared';
import { WorkingCalendar } from '@motcua/shared/working-days';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** The holiday calendar as the shared WorkingCalendar (GET /holidays), for date pickers that need working days. */
export function useWorkingCalendar(enabled: boolean): WorkingCalendar | null {
  const q = useQuery({
    queryKey: queryKeys.holidays,
    queryFn: ({ signal }) => api<ItemList<HolidayDto>>('/holidays', { signal }),
    enabled,
    staleTime: 3_600_000,
  });
  return q.data ? new WorkingCalendar(q.data.items) : null;
}
