import type { AttachmentDto, RequiredDocument } from '@motcua/shared';
import { useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, Field } from '../../components/ui';
import { useCatalogText } from '../catalog/useCatalogText';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { ACCEPT_ATTRIBUTE, checkFile, uploadAttachment } from './uploadAttachment';

export const documentFieldId = (code: string) => `doc-${code}`;

/** Progress is announced at these steps only, so that a screen reader is not flooded. */
const ANNOUNCE_EVERY = 25;

export function formatSize(bytes: number, english: boolean): string {
  const locale = english ? 'en-GB' : 'vi-VN';
  if (bytes < 1024 * 1024) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/**
 * The upload of one required document: the file's type and size are checked here first, then it
 * is sent with its progress shown and announced; the API's refusal (413, 415) is said in words.
 */
export function DocumentUpload({
  dossierId,
  document: doc,
  attachments,
  error,
  onUploaded,
  onRemove,
}: {
  dossierId: string;
  document: RequiredDocument;
  attachments: AttachmentDto[];
  /** "Upload this document" when the applicant continued without it. */
  error?: string;
  onUploaded: (attachment: AttachmentDto) => void;
  /** Remove an uploaded file from the draft (to drop it, or before choosing another); drafts only. */
  onRemove?: (attachmentId: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const text = useCatalogText();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [percent, setPercent] = useState(0);
  const [announced, setAnnounced] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const id = documentFieldId(doc.code);
  const name = text.name(doc);

  const remove = async (a: AttachmentDto) => {
    if (!onRemove) return;
    setUploadError(null);
    setRemoving(a.id);
    try {
      await onRemove(a.id);
      setAnnounced(t('apply.documents.removed', { file: a.fileName }));
      // The file is gone from the list: the focus goes back to the file input, where a new one is chosen.
      input.current?.focus();
    } catch (e) {
      const message = dossierErrorText(t, e);
      setUploadError(message);
      setAnnounced(message);
    } finally {
      setRemoving(null);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    const problem = checkFile(file, doc.maxSizeMb);
    if (problem) {
      const message = t(`apply.documents.fileProblem.${problem}`, { mb: doc.maxSizeMb, file: file.name });
      setUploadError(message);
      setAnnounced(message);
      if (input.current) input.current.value = '';
      return;
    }
    setUploading(file.name);
    setPercent(0);
    setAnnounced(t('apply.documents.uploadingPercent', { file: file.name, percent: 0 }));
    let lastAnnounced = 0;
    try {
      const attachment = await uploadAttachment(dossierId, doc.code, file, (p) => {
        setPercent(p);
        if (p - lastAnnounced >= ANNOUNCE_EVERY && p < 100) {
          lastAnnounced = p - (p % ANNOUNCE_EVERY);
          setAnnounced(t('apply.documents.uploadingPercent', { file: file.name, percent: lastAnnounced }));
        }
      });
      onUploaded(attachment);
      setAnnounced(t('apply.documents.uploaded', { file: attachment.fileName }));
    } catch (e) {
      const message = dossierErrorText(t, e, { mb: doc.maxSizeMb, file: file.name });
      setUploadError(message);
      setAnnounced(message);
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  };

  const shownError = uploadError ?? error;
  return (
    <div className="document-upload">
      <Field
        id={id}
        label={name}
        hint={t('apply.documents.hint', { mb: doc.maxSizeMb })}
        error={shownError}
        required={doc.required}
      >
        <input
          ref={input}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          disabled={uploading !== null}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </Field>
      {uploading !== null ? (
        <div className="upload-progress">
          <label htmlFor={`${id}-progress`}>{t('apply.documents.uploading', { file: uploading })}</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent}%
          </progress>
        </div>
      ) : null}
      {attachments.length > 0 ? (
        <div className="uploaded">
          <p className="uploaded__title" id={`${id}-uploaded`}>
            {t('apply.documents.uploadedTitle')}
          </p>
          <ul className="uploaded__list" aria-labelledby={`${id}-uploaded`}>
            {attachments.map((a) => (
              <li key={a.id}>
                <span className="uploaded__name">{a.fileName}</span>{' '}
                <span className="muted">({formatSize(a.size, english)})</span>{' '}
                {onRemove ? (
                  <Button
                    variant="link"
                    aria-label={t('apply.documents.removeFile', { file: a.fileName })}
                    disabled={removing !== null || uploading !== null}
                    onClick={() => void remove(a)}
                  >
                    {t('apply.documents.remove')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}
