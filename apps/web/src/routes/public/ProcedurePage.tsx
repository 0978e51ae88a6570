import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/ui';
import { ProcedureDetails } from '../../features/catalog/ProcedureDetails';
import { useProcedure } from '../../features/catalog/useProcedure';
import { ApiError } from '../../lib/api';
import { problemText } from '../../lib/errorText';

export function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const procedure = useProcedure(code);
  if (procedure.isPending) return <Loading />;
  if (procedure.isError) {
    if (procedure.error instanceof ApiError && procedure.error.status === 404) {
      return (
        <>
          <h1>{t('catalog.procedure.notFoundTitle')}</h1>
          <p>{t('catalog.procedure.notFoundBody')}</p>
          <p>
            <Link to="/procedures">{t('catalog.procedure.back')}</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>{t('catalog.loadError')}</h1>
        <LoadError
          message={problemText(t, procedure.error)}
          onRetry={() => void procedure.refetch()}
          retryLabel={t('catalog.retry')}
        />
      </>
    );
  }
  return <ProcedureDetails procedure={procedure.data} />;
}
