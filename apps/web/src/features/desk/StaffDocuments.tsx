import type { AttachmentDto, DossierDto, ProcedureDetail } from '@motcua/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, ErrorMessage, Tag } from '../../components/ui';
import { formatSize } from '../apply/DocumentUpload';
import { useCatalogText } from '../catalog/useCatalogText';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { DownloadButton } from '../dossiers/DownloadButton';
import { fetchPrivateBlob } from './privateBlob';

const PREVIEWABLE = ['application/pdf', 'image/jpeg', 'image/png'];

/** A file shown in the page: a PDF in an iframe, an image with its alt text, from a blob URL. */
function Preview({ dossierId, file, docName }: { dossierId: string; file: AttachmentDto; docName: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | null = null;
    fetchPrivateBlob(
      `/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(file.id)}`,
      abort.signal,
    )
      .then((blob) => {
        // The type the API sniffed from the content, not whatever the blob says.
        objectUrl = URL.createObjectURL(new Blob([blob], { type: file.mimeType }));
        setUrl(objectUrl);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      });
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [dossierId, file.id, file.mimeType]);

  if (error) return <ErrorMessage alert error={dossierErrorText(t, error)} />;
  if (!url) return <p role="status">{t('app.loading')}</p>;
  if (file.mimeType === 'application/pdf') {
    return <iframe src={url} title={t('desk.documents.previewOf', { doc: docName, file: file.fileName })} />;
  }
  return <img src={url} alt={t('desk.documents.imageAlt', { doc: docName, file: file.fileName })} />;
}

function AttachmentRow({ dossierId, file, docName }: { dossierId: string; file: AttachmentDto; docName: string }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const [open, setOpen] = useState(false);
  const previewId = `preview-${file.id}`;
  return (
    <li>
      <div className="doc-list__file">
        <span>
          {file.fileName} <span className="muted">({formatSize(file.size, text.english)})</span>
        </span>
        {PREVIEWABLE.includes(file.mimeType) ? (
          <Button variant="link" aria-expanded={open} aria-controls={previewId} onClick={() => setOpen((o) => !o)}>
            {open
              ? t('desk.documents.hidePreview', { file: file.fileName })
              : t('desk.documents.preview', { file: file.fileName })}
          </Button>
        ) : null}
        <DownloadButton
          variant="link"
          path={`/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(file.id)}`}
          fileName={file.fileName}
          label={t('desk.documents.download', { file: file.fileName })}
        />
      </div>
      <div id={previewId} className={open ? 'preview' : undefined} hidden={!open}>
        {open ? <Preview dossierId={dossierId} file={file} docName={docName} /> : null}
      </div>
    </li>
  );
}

/** The procedure's required documents with what was handed in for each, previewable in place. */
export function StaffDocuments({
  dossier,
  procedure,
}: {
  dossier: DossierDto;
  procedure: ProcedureDetail | undefined;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const docs = procedure?.requiredDocuments ?? [];
  const known = new Set(docs.map((d) => d.code));
  const rows = [
    ...docs.map((d) => ({ code: d.code, name: text.name(d), required: d.required })),
    ...[...new Set(dossier.attachments.map((a) => a.documentCode))]
      .filter((c) => !known.has(c))
      .map((c) => ({ code: c, name: c, required: false })),
  ];
  if (dossier.attachments.length === 0) {
    return <p>{dossier.channel === 'COUNTER' ? t('desk.documents.paper') : t('desk.documents.none')}</p>;
  }
  return (
    <ul className="plain-list doc-list">
      {rows.map((r) => {
        const files = dossier.attachments.filter((a) => a.documentCode === r.code);
        return (
          <li key={r.code} className="doc-list__item">
            <p className="doc-list__name">{r.name}</p>
            {files.length ? (
              <ul className="plain-list">
                {files.map((f) => (
                  <AttachmentRow key={f.id} dossierId={dossier.id} file={f} docName={r.name} />
                ))}
              </ul>
            ) : (
              <p>
                <Tag tone={r.required ? 'danger' : 'neutral'}>
                  {r.required ? t('desk.documents.missingRequired') : t('desk.documents.notProvided')}
                </Tag>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
