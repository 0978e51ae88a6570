import type { DossierDto, RequiredDocument } from '@motcua/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ErrorSummary } from '../../components/ui';
import { useCatalogText } from '../catalog/useCatalogText';
import { DocumentUpload, documentFieldId } from './DocumentUpload';
import type { StepNav } from './QuestionsStep';
import { StepLayout } from './StepLayout';
import { missingDocuments } from './steps';
import { useAddAttachment } from './useDraft';

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
  const [missing, setMissing] = useState<string[]>(serverMissing);
  // New codes from the API's submit answer replace the list, adjusted during render rather than in an effect.
  const [seenServerMissing, setSeenServerMissing] = useState(serverMissing);
  if (serverMissing !== seenServerMissing) {
    setSeenServerMissing(serverMissing);
    if (serverMissing.length) setMissing(serverMissing);
  }

  const uploadedCodes = new Set(dossier.attachments.map((a) => a.documentCode));
  const stillMissing = missing.filter((c) => !uploadedCodes.has(c));
  const english = text.english;
  // A new array only on "Continue" or a language change: the summary takes focus on each new one.
  const summaryErrors = useMemo(
    () =>
      missing.flatMap((code) => {
        const doc = documents.find((d) => d.code === code);
        if (!doc) return [];
        const name = english && doc.nameEn ? doc.nameEn : doc.name;
        return [{ fieldId: documentFieldId(code), message: t('apply.documents.missing', { name }) }];
      }),
    [missing, documents, t, english],
  );

  const onContinue = () => {
    const codes = missingDocuments(documents, dossier.attachments).map((d) => d.code);
    setMissing(codes);
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
          onUploaded={addAttachment}
        />
      ))}
      <div className="button-group">
        <Button onClick={onContinue}>{t('apply.continue')}</Button>
      </div>
    </StepLayout>
  );
}
