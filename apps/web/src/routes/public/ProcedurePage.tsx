import { useTranslation } from '../../lib/i18n';
import { useParams } from 'react-router';
import { Loading } from '../../components/ui';
import { ProcedureDetails } from '../../features/catalog/ProcedureDetails';
import { ProcedureLoadError } from '../../features/catalog/ProcedureLoadError';
import { useProcedure } from '../../features/catalog/useProcedure';
import { problemText } from '../../lib/errorText';

export function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const procedure = useProcedure(code);
  if (procedure.isPending) return <Loading />;
  if (procedure.isError) {
    return (
      <ProcedureLoadError
        error={procedure.error}
        title={t('catalog.loadError')}
        message={problemText(t, procedure.error)}
        onRetry={() => void procedure.refetch()}
      />
    );
  }
  return <ProcedureDetails procedure={procedure.data} />;
}
