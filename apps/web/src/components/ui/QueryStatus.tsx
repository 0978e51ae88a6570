import { useTranslation } from '../../lib/i18n';
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
