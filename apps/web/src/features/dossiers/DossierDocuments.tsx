import type { DossierDto, ProcedureDetail } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { useCatalogText } from '../catalog/useCatalogText';
import { formatSize } from '../apply/DocumentUpload';
import { DownloadButton } from './DownloadButton';

/** The files handed in, by required document, each downloadable. */
export function DossierDocuments({
  dossier,
  procedure,
}: {
  dossier: DossierDto;
  procedure: ProcedureDetail | undefined;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  if (dossier.attachments.length === 0) return <p>{t('dossiers.documents.none')}</p>;
  const codes = [...new Set(dossier.attachments.map((a) => a.documentCode))];
  const nameOf = (code: string) => {
    const doc = procedure?.requiredDocuments.find((d) => d.code === code);
    return doc ? text.name(doc) : code;
  };
  return (
    <ul className="plain-list attachment-list">
      {codes.map((code) => (
        <li key={code} className="attachment-list__item">
          <p className="attachment-list__doc">{nameOf(code)}</p>
          <ul className="plain-list">
            {dossier.attachments
              .filter((a) => a.documentCode === code)
              .map((a) => (
                <li key={a.id}>
                  <DownloadButton
                    variant="link"
                    path={`/dossiers/${encodeURIComponent(dossier.id)}/attachments/${encodeURIComponent(a.id)}`}
                    fileName={a.fileName}
                    label={t('dossiers.documents.download', {
                      file: a.fileName,
                      size: formatSize(a.size, text.english),
                    })}
                  />
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
