import type { UserSummary } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, ErrorMessage, Loading, QueryLoadError } from '../../components/ui';
import { problemText } from '../../lib/errorText';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';
import { QueueTabs } from './QueueTabs';
import { focusDossier, useDeskShortcuts } from './deskShortcuts';
import { ShortcutsHelp, useShortcutsHelp } from './ShortcutsHelp';
import { defaultTab, isQueueTab, queueParams, tabsFor, type QueueFilters as Filters, type QueueTab } from './queueTabs';
import { useQueue } from './useQueue';

const dossierPath = (id: string) => `/staff/dossiers/${encodeURIComponent(id)}`;

/** The staff desk's queues: the tabs of the user's roles, search, filters and "load more". */
export function QueueView({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tabs = tabsFor(user.roles);
  const asked = search.get('tab');
  const tab: QueueTab = isQueueTab(asked) && tabs.includes(asked) ? asked : defaultTab(user.roles);
  const filters: Filters = {
    q: search.get('q') ?? undefined,
    procedureCode: search.get('procedure') ?? undefined,
    sla: search.get('sla') ?? undefined,
  };
  const showSla = tab !== 'overdue';
  const params = queueParams(tab, showSla ? filters : { ...filters, sla: undefined });
  const queue = useQueue(params);

  const go = (nextTab: QueueTab, f: Filters) => {
    const next = new URLSearchParams();
    next.set('tab', nextTab);
    if (f.q) next.set('q', f.q);
    if (f.procedureCode) next.set('procedure', f.procedureCode);
    if (f.sla) next.set('sla', f.sla);
    setSearch(next);
  };

  const list = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const help = useShortcutsHelp();
  useDeskShortcuts({
    next: () => focusDossier(list.current, 1),
    previous: () => focusDossier(list.current, -1),
    search: () => document.getElementById('queue-q')?.focus(),
    // The focused dossier's work screen, its actions in focus.
    actions: () => {
      const id = document.activeElement?.closest('tr')?.querySelector<HTMLElement>('[data-dossier-link]')
        ?.dataset.dossierLink;
      if (id) void navigate(`${dossierPath(id)}#actions`);
    },
    help: help.show,
  });

  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(params.q || filters.procedureCode || (showSla && filters.sla));
  const tabName = t(`desk.queue.tabs.${tab}`);

  return (
    <QueueTabs tabs={tabs} selected={tab} onSelect={(next) => go(next, filters)}>
      <h2 className="visually-hidden">{tabName}</h2>
      <p className="muted">{t(`desk.queue.about.${tab}`)}</p>
      <ShortcutsHelp open={help.open} onOpen={help.show} onClose={help.hide} />
      <QueueFilters
        agencyCode={user.agencyCode}
        filters={filters}
        showSla={showSla}
        onApply={(f) => go(tab, f)}
        onClear={() => go(tab, {})}
      />
      {queue.isPending ? (
        <Loading />
      ) : !queue.data ? (
        <QueryLoadError query={queue} />
      ) : (
        <>
          <div ref={list}>
            <QueueTable
              caption={tabName}
              items={items}
              dossierPath={dossierPath}
              empty={filtered ? t('desk.queue.emptyFiltered') : t(`desk.queue.empty.${tab}`)}
            />
          </div>
          <p role="status" className="queue-count">
            {items.length > 0 ? t('desk.queue.showing', { count: items.length }) : null}
          </p>
          {queue.hasNextPage ? (
            <Button
              variant="secondary"
              disabled={queue.isFetchingNextPage}
              aria-busy={queue.isFetchingNextPage || undefined}
              onClick={() => void queue.fetchNextPage()}
            >
              {queue.isFetchingNextPage ? t('app.loading') : t('desk.queue.loadMore')}
            </Button>
          ) : null}
          {queue.isFetchNextPageError ? <ErrorMessage alert error={problemText(t, queue.error)} /> : null}
        </>
      )}
    </QueueTabs>
  );
}
