import { useTranslation, type TFunction } from '../../lib/i18n';
import { problemText } from '../../lib/errorText';
import { Button } from './Button';
import { ErrorPrefix } from './ErrorMessage';

/** "Loading…", announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {label ?? t('app.loading')}
    </p>
  );
}

/** A failed load: what happened, in words, and a way to try again. */
export function LoadError({
  message,
  onRetry,
  retryLabel,
}: {
  message: string;
  onRetry?: () => void;
  retryLabel: string;
}) {
  return (
    <div className="load-error" role="alert">
      <p>
        <ErrorPrefix />
        {message}
      </p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}

/** What QueryLoadError reads of a query (TanStack Query's result has both). */
export interface FailedQuery {
  error: unknown;
  refetch: () => Promise<unknown>;
}

/**
 * A query's failed load, the way every page shows it: the error in the citizen's words
 * (`errorText`: the shared catalogue's text by default; dossierErrorText for dossier calls) and a
 * "try again" that refetches the query.
 */
export function QueryLoadError({
  query,
  errorText = problemText,
}: {
  query: FailedQuery;
  errorText?: (t: TFunction, error: unknown) => string;
}) {
  const { t } = useTranslation();
  return (
    <LoadError
      message={errorText(t, query.error)}
      onRetry={() => void query.refetch()}
      retryLabel={t('catalog.retry')}
    />
  );
}
