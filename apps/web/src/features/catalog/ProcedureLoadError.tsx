import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { LoadError } from '../../components/ui';
import { ApiError } from '../../lib/api';

/**
 * A procedure that did not load: "not found" with the way back to the catalog, or any other error
 * under the page's title with a retry.
 */
export function ProcedureLoadError({
  error,
  title,
  message,
  onRetry,
}: {
  error: unknown;
  title: string;
  message: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
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
      <h1>{title}</h1>
      <LoadError message={message} onRetry={onRetry} retryLabel={t('catalog.retry')} />
    </>
  );
}
