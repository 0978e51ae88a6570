import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import type { QueueTab } from './queueTabs';

export const tabId = (tab: QueueTab) => `queue-tab-${tab}`;
export const QUEUE_PANEL_ID = 'queue-panel';

/**
 * The queues as ARIA tabs: one tab stop, arrow keys (and Home/End) move between them and open
 * the one reached.
 */
export function QueueTabs({
  tabs,
  selected,
  onSelect,
  children,
}: {
  tabs: QueueTab[];
  selected: QueueTab;
  onSelect: (tab: QueueTab) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<QueueTab, HTMLButtonElement | null>>>({});
  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (to === null) return;
    e.preventDefault();
    onSelect(tabs[to]);
    refs.current[tabs[to]]?.focus();
  };
  return (
    <div className="queue-tabs">
      <div role="tablist" aria-label={t('desk.queue.tabsLabel')} className="queue-tabs__list">
        {tabs.map((tab, i) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={tab === selected}
            aria-controls={QUEUE_PANEL_ID}
            tabIndex={tab === selected ? 0 : -1}
            className="queue-tabs__tab"
            onClick={() => onSelect(tab)}
            onKeyDown={(e) => move(e, i)}
          >
            {t(`desk.queue.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={QUEUE_PANEL_ID} aria-labelledby={tabId(selected)} className="queue-tabs__panel">
        {children}
      </div>
    </div>
  );
}
