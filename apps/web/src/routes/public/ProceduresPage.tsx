import { ONLINE_LEVELS } from '@motcua/shared/dossier-status';
import { useTranslation } from '../../lib/i18n';
import { useNavigate, useSearchParams } from 'react-router';
import { ProcedureSearchForm, type SearchCriteria } from '../../features/catalog/ProcedureSearchForm';
import { ProcedureSearchResults } from '../../features/catalog/ProcedureSearchResults';

const PAGE_SIZE = 10;

function toQuery(c: Partial<SearchCriteria> & { page?: number }): string {
  const qs = new URLSearchParams();
  if (c.q) qs.set('q', c.q);
  if (c.sectorCode) qs.set('sectorCode', c.sectorCode);
  if (c.onlineLevel) qs.set('onlineLevel', c.onlineLevel);
  if (c.page && c.page > 1) qs.set('page', String(c.page));
  const s = qs.toString();
  return s ? `/procedures?${s}` : '/procedures';
}

/** /procedures?q=&sectorCode=&onlineLevel=&page= : the address holds the whole search. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const criteria: SearchCriteria = {
    q: params.get('q') ?? '',
    sectorCode: params.get('sectorCode') ?? '',
    onlineLevel: params.get('onlineLevel') ?? '',
  };
  // A hand-edited address must not turn into a 400 from the API.
  if (!(ONLINE_LEVELS as readonly string[]).includes(criteria.onlineLevel)) criteria.onlineLevel = '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  return (
    <>
      <h1>{t('catalog.search.title')}</h1>
      <ProcedureSearchForm
        key={`${criteria.q}|${criteria.sectorCode}|${criteria.onlineLevel}`}
        initial={criteria}
        onSearch={(c) => void navigate(toQuery(c))}
      />
      <ProcedureSearchResults
        params={{
          q: criteria.q || undefined,
          sectorCode: criteria.sectorCode || undefined,
          onlineLevel: criteria.onlineLevel || undefined,
          page,
          pageSize: PAGE_SIZE,
        }}
        href={(p) => toQuery({ ...criteria, page: p })}
      />
    </>
  );
}
