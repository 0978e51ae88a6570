import { useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorPrefix } from '../../components/ui';
import { dossierErrorText } from './dossierErrors';
import { downloadFile } from './download';

/** A button that downloads a private file; says so while it works and in words when it fails. */
export function DownloadButton({
  path,
  fileName,
  label,
  variant = 'secondary',
  headers,
}: {
  path: string;
  fileName: string;
  label: string;
  variant?: 'primary' | 'secondary' | 'link';
  /** Extra request headers (the desk's claim code to print on a receipt). */
  headers?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <span className="download">
      <Button
        variant={variant}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadFile(path, fileName, headers)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('dossiers.downloading') : label}
      </Button>
      <span role="alert" className="download__error">
        {error ? (
          <>
            <ErrorPrefix />
            {dossierErrorText(t, error)}
          </>
        ) : null}
      </span>
    </span>
  );
}
