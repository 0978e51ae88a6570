import { useTranslation } from '../../lib/i18n';
import { Loading, QueryLoadError } from '../../components/ui';
import type { ProcedureSearchParams } from '../../lib/queryKeys';
import { NoResults } from './NoResults';
import { Pagination } from './Pagination';
import { ProcedureList } from './ProcedureList';
import { useProcedures } from './useProcedures';

/** One page of results; the count is announced to screen readers each time it changes. */
export function ProcedureSearchResults({
  params,
  href,
}: {
  params: Required<Pick<ProcedureSearchParams, 'page' | 'pageSize'>> & ProcedureSearchParams;
  href: (page: number) => string;
}) {
  const { t } = useTranslation();
  const result = useProcedures(params);
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / params.pageSize)) : 1;
  const count = result.data?.total ?? 0;
  return (
    <>
      {/* Always in the page, so that its new text is announced (a live region added with its text is not). */}
      <p role="status" className="results-count">
        {result.data
          ? params.q
            ? t('catalog.results.countFor', { count, q: params.q })
            : t('catalog.results.count', { count })
          : ''}
        {result.data && pages > 1 ? ` · ${t('catalog.results.pageOf', { page: params.page, pages })}` : ''}
      </p>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <QueryLoadError query={result} />
      ) : result.data.items.length === 0 ? (
        <NoResults />
      ) : (
        <>
          <ProcedureList items={result.data.items} headingLevel={2} />
          <Pagination page={params.page} pages={pages} href={href} />
        </>
      )}
    </>
  );
}
