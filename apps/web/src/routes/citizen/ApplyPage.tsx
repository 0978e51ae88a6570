import { useTranslation } from '../../lib/i18n';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/ui';
import { ApplyWizard } from '../../features/apply/ApplyWizard';
import { useDraftId } from '../../features/apply/useDraft';
import { ProcedureLoadError } from '../../features/catalog/ProcedureLoadError';
import { useProcedure } from '../../features/catalog/useProcedure';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { useDossier } from '../../features/dossiers/useDossiers';
import { useMe } from '../../features/auth/useMe';
import { useMemo } from 'react';
import { PrivacyNotice } from '../../features/help/PrivacyNotice';

/** /apply/:procedureCode/:step? — the citizen's draft for the procedure, found or started, and its wizard. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { procedureCode = '', step } = useParams();
  const procedure = useProcedure(procedureCode);
  const draftId = useDraftId(procedureCode);
  const dossier = useDossier(draftId.data ?? '');
  // The profile the procedure's mapped fields are prefilled from (and, verified, locked to).
  const me = useMe();
  const profile = useMemo(
    () =>
      me.data
        ? {
            verified: me.data.verified,
            values: {
              fullName: me.data.fullName,
              birthDate: me.data.dateOfBirth,
              nationalId: me.data.nationalId,
              phone: me.data.phone,
              email: me.data.email,
            },
          }
        : undefined,
    [me.data],
  );
  const retry = <Link to={`/procedures/${encodeURIComponent(procedureCode)}`}>{t('apply.backToProcedure')}</Link>;

  if (procedure.isError) {
    return (
      <ProcedureLoadError
        error={procedure.error}
        title={t('apply.loadErrorTitle')}
        message={dossierErrorText(t, procedure.error)}
        onRetry={() => void procedure.refetch()}
      />
    );
  }
  if (draftId.isError || dossier.isError) {
    return (
      <>
        <h1>{t('apply.loadErrorTitle')}</h1>
        <LoadError
          message={dossierErrorText(t, draftId.error ?? dossier.error)}
          onRetry={() => void (draftId.isError ? draftId.refetch() : dossier.refetch())}
          retryLabel={t('catalog.retry')}
        />
        <p>{retry}</p>
      </>
    );
  }
  // Without the profile (it failed to load) the form simply starts unfilled.
  if (procedure.isPending || !draftId.data || dossier.isPending || me.isPending) return <Loading />;

  if (dossier.data.status !== 'DRAFT') {
    // Sent from another tab or device since this page found the draft.
    return (
      <>
        <h1>{t('apply.alreadySent.title')}</h1>
        <p>{t('apply.alreadySent.body', { code: dossier.data.code ?? '' })}</p>
        <p>
          <Link to={`/dossiers/${encodeURIComponent(dossier.data.id)}`}>{t('apply.alreadySent.link')}</Link>
        </p>
      </>
    );
  }
  return (
    <ApplyWizard
      procedure={procedure.data}
      dossier={dossier.data}
      step={step}
      profile={profile}
      // Decree 13/2023: the notice on every page of the form that collects the data.
      footer={<PrivacyNotice context="apply" />}
    />
  );
}
