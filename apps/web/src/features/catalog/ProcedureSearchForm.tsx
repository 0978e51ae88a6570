import { ONLINE_LEVELS } from '@motcua/shared/dossier-status';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, Field } from '../../components/ui';
import { useCatalogText } from './useCatalogText';
import { useSectors } from './useSectors';

export interface SearchCriteria {
  q: string;
  sectorCode: string;
  onlineLevel: string;
}

/** The search box and its filters; submitting starts again from page 1. */
export function ProcedureSearchForm({
  initial,
  onSearch,
}: {
  initial: SearchCriteria;
  onSearch: (c: SearchCriteria) => void;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const sectors = useSectors();
  const [c, setC] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...c, q: c.q.trim() });
  };
  return (
    <form role="search" className="search-form" onSubmit={onSubmit}>
      <Field id="procedures-q" label={t('catalog.search.q')} hint={t('catalog.search.qHint')}>
        <input
          type="search"
          name="q"
          value={c.q}
          onChange={(e) => setC({ ...c, q: e.target.value })}
          autoComplete="off"
        />
      </Field>
      <div className="search-form__filters">
        <Field id="procedures-sector" label={t('catalog.search.sector')}>
          <select name="sectorCode" value={c.sectorCode} onChange={(e) => setC({ ...c, sectorCode: e.target.value })}>
            <option value="">{t('catalog.search.anySector')}</option>
            {(sectors.data ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {text.name(s)}
              </option>
            ))}
            {c.sectorCode && !sectors.data?.some((s) => s.code === c.sectorCode) ? (
              <option value={c.sectorCode}>{c.sectorCode}</option>
            ) : null}
          </select>
        </Field>
        <Field id="procedures-level" label={t('catalog.search.onlineLevel')}>
          <select
            name="onlineLevel"
            value={c.onlineLevel}
            onChange={(e) => setC({ ...c, onlineLevel: e.target.value })}
          >
            <option value="">{t('catalog.search.anyLevel')}</option>
            {ONLINE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {text.level(l)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit">{t('catalog.search.submit')}</Button>
    </form>
  );
}
