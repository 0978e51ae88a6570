import { memo, useDeferredValue } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Loading, QueryLoadError } from '../../components/ui';
import { QueueTable } from '../queue/QueueTable';
import { useQueueHead } from '../queue/useQueue';

export const OVERDUE_LIST_SIZE = 20;
const OVERDUE = { sla: 'OVERDUE' };

/** The open dossiers past their due time, longest overdue first, each linked to its work screen. */
export const OverdueList = memo(function OverdueList() {
  const { t } = useTranslation();
  const q = useQueueHead(OVERDUE, OVERDUE_LIST_SIZE);
  // Drawn at transition priority, in slices (BreakdownSection says why).
  const data = useDeferredValue(q.data);
  if (q.isError) {
    return <QueryLoadError query={q} />;
  }
  if (!data) return <Loading />;
  return (
    <>
      <QueueTable
        caption={t('dashboard.overdue.caption', { count: OVERDUE_LIST_SIZE })}
        items={data.items}
        dossierPath={(id) => `/manager/dossiers/${encodeURIComponent(id)}`}
        empty={t('dashboard.overdue.empty')}
      />
      {data.nextCursor ? <p className="muted">{t('dashboard.overdue.more', { count: OVERDUE_LIST_SIZE })}</p> : null}
    </>
  );
});
