import { OPEN_SLA_STATES } from '@motcua/shared/dossier-clock';
import { useTranslation } from '../../lib/i18n';
import { Button, Field } from '../../components/ui';
import { useCatalogText } from '../catalog/useCatalogText';
import { useProcedures } from '../catalog/useProcedures';
import type { QueueFilters as Filters } from './queueTabs';

/**
 * Search and filters of a queue (a GET form: the values live in the address, so a filtered
 * queue can be bookmarked or reloaded).
 */
export function QueueFilters({
  agencyCode,
  filters,
  showSla,
  onApply,
  onClear,
}: {
  agencyCode: string | null;
  filters: Filters;
  showSla: boolean;
  onApply: (f: Filters) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const procedures = useProcedures({ agencyCode: agencyCode ?? undefined, pageSize: 100 });
  const active = Boolean(filters.q || filters.procedureCode || (showSla && filters.sla));
  return (
    <form
      role="search"
      aria-label={t('desk.queue.filters.label')}
      className="queue-filters"
      // Keyed by the applied values: a change in the address (a tab, "clear") resets the inputs.
      key={JSON.stringify(filters)}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const get = (k: string) => {
          const v = data.get(k);
          return (typeof v === 'string' ? v.trim() : '') || undefined;
        };
        onApply({ q: get('q'), procedureCode: get('procedureCode'), sla: showSla ? get('sla') : filters.sla });
      }}
    >
      <Field id="queue-q" label={t('desk.queue.filters.q')} hint={t('desk.queue.filters.qHint')}>
        <input type="search" name="q" defaultValue={filters.q ?? ''} autoComplete="off" spellCheck={false} />
      </Field>
      <Field id="queue-procedure" label={t('desk.queue.filters.procedure')}>
        <select name="procedureCode" defaultValue={filters.procedureCode ?? ''}>
          <option value="">{t('desk.queue.filters.anyProcedure')}</option>
          {(procedures.data?.items ?? []).map((p) => (
            <option key={p.code} value={p.code}>
              {text.name(p)}
            </option>
          ))}
          {filters.procedureCode && !procedures.data?.items.some((p) => p.code === filters.procedureCode) ? (
            <option value={filters.procedureCode}>{filters.procedureCode}</option>
          ) : null}
        </select>
      </Field>
      {showSla ? (
        <Field id="queue-sla" label={t('desk.queue.filters.sla')}>
          <select name="sla" defaultValue={filters.sla ?? ''}>
            <option value="">{t('desk.queue.filters.anySla')}</option>
            {OPEN_SLA_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`desk.queue.filters.slaOption.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div className="queue-filters__buttons">
        <Button type="submit" variant="secondary">
          {t('desk.queue.filters.apply')}
        </Button>
        {active ? (
          <Button variant="link" onClick={onClear}>
            {t('desk.queue.filters.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
