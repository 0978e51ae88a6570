import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/ui';
import { problemText } from '../../lib/errorText';
import { ProcedureList } from './ProcedureList';
import { useProcedures } from './useProcedures';

const POPULAR_COUNT = 6;

/** A few procedures to start from, and the way to all of them. */
export function PopularProcedures() {
  const { t } = useTranslation();
  const procedures = useProcedures({ pageSize: POPULAR_COUNT });
  return (
    <section aria-labelledby="popular-title">
      <h2 id="popular-title">{t('catalog.popularTitle')}</h2>
      {procedures.isPending ? (
        <Loading />
      ) : procedures.isError ? (
        <LoadError
          message={problemText(t, procedures.error)}
          onRetry={() => void procedures.refetch()}
          retryLabel={t('catalog.retry')}
        />
      ) : (
        <ProcedureList items={procedures.data.items} headingLevel={3} />
      )}
      <p>
        <Link to="/procedures">{t('catalog.allProcedures')}</Link>
      </p>
    </section>
  );
}
