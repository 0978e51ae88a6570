import type { AttachmentDto, DossierDto, RequiredDocument } from '@motcua/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useNavigate } from 'react-router';
import { Button, ErrorSummary } from '../../components/ui';
import { useCatalogText } from '../catalog/useCatalogText';
import { DocumentUpload, documentFieldId } from './DocumentUpload';
import type { StepNav } from './QuestionsStep';
import { StepLayout } from './StepLayout';
import { missingDocuments } from './steps';
import { useAddAttachment, useRemoveAttachment } from './useDraft';

/** The required documents, one upload each; "Continue" needs every required one. */
export function DocumentsStep({
  dossier,
  documents,
  nav,
  serverMissing,
  onDone,
}: {
  dossier: DossierDto;
  documents: RequiredDocument[];
  nav: StepNav;
  /** Documents the API said were missing at submit (422). */
  serverMissing: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const navigate = useNavigate();
  const addAttachment = useAddAttachment(dossier.id);
  const removeAttachment = useRemoveAttachment(dossier.id);
  const [missing, setMissing] = useState<string[]>(serverMissing);
  // New codes from the API's submit answer replace the list, adjusted during render rather than in an effect.
  const [seenServerMissing, setSeenServerMissing] = useState(serverMissing);
  if (serverMissing !== seenServerMissing) {
    setSeenServerMissing(serverMissing);
    if (serverMissing.length) setMissing(serverMissing);
  }

  // Documents uploaded on this page since "Continue" (or the API) said they were missing.
  const [fixed, setFixed] = useState<string[]>([]);
  const uploadedCodes = new Set(dossier.attachments.map((a) => a.documentCode));
  const stillMissing = missing.filter((c) => !uploadedCodes.has(c));
  const stillListed = missing.filter((c) => !fixed.includes(c));
  const onUploaded = (a: AttachmentDto) => {
    addAttachment(a);
    setFixed((f) => [...f, a.documentCode]);
  };
  const english = text.english;
  // The summary lists what is still missing: an upload that fixes an error takes it off (GOV.UK).
  // A new array only when that list or the language changes.
  const stillMissingKey = stillListed.join(' ');
  const summaryErrors = useMemo(
    () =>
      stillMissingKey.split(' ').flatMap((code) => {
        const doc = documents.find((d) => d.code === code);
        if (!doc) return [];
        const name = english && doc.nameEn ? doc.nameEn : doc.name;
        return [{ fieldId: documentFieldId(code), message: t('apply.documents.missing', { name }) }];
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `missing`: each "Continue" shows (and focuses) the summary anew
    [stillMissingKey, missing, documents, t, english],
  );

  const onContinue = () => {
    const codes = missingDocuments(documents, dossier.attachments).map((d) => d.code);
    setMissing(codes);
    setFixed([]);
    if (codes.length === 0) {
      onDone();
      void navigate(nav.next);
    }
  };

  return (
    <StepLayout
      caption={nav.caption}
      captionLang={nav.captionLang}
      title={t('apply.documents.title')}
      stepLabel={nav.stepLabel}
      back={nav.back}
      focusHeading={nav.focusHeading}
      errorSummary={<ErrorSummary title={t('errors.summaryTitle')} errors={summaryErrors} />}
    >
      <p>{t('apply.documents.lead')}</p>
      {documents.map((d) => (
        <DocumentUpload
          key={d.code}
          dossierId={dossier.id}
          document={d}
          attachments={dossier.attachments.filter((a) => a.documentCode === d.code)}
          error={stillMissing.includes(d.code) ? t('apply.documents.missing', { name: text.name(d) }) : undefined}
          onUploaded={onUploaded}
          onRemove={removeAttachment}
        />
      ))}
      <div className="button-group">
        <Button onClick={onContinue}>{t('apply.continue')}</Button>
      </div>
    </StepLayout>
  );
}
