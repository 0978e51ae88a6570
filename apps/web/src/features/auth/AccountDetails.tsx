import type { UserDto } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { SummaryList, type SummaryListRow } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { useAgencies } from '../catalog/useAgencies';
import { useCatalogText } from '../catalog/useCatalogText';

/** The user's record as a GOV.UK summary list. */
export function AccountDetails({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const agency = useAgencies({ enabled: user.agencyCode !== null }).data?.find((a) => a.code === user.agencyCode);
  const none = <span className="muted">{t('account.notProvided')}</span>;
  const rows: SummaryListRow[] = [{ label: t('account.fullName'), value: user.fullName }];
  if (user.nationalId) {
    rows.push({ label: t('account.nationalId'), value: user.nationalId });
    // A password account has not proven its national ID: counter dossiers join it by claim code only.
    rows.push({
      label: t('account.verified'),
      value: user.verified ? t('account.verifiedYes') : t('account.verifiedNo'),
    });
  } else rows.push({ label: t('account.username'), value: user.username });
  if (user.roles.includes('CITIZEN')) {
    rows.push({ label: t('account.dateOfBirth'), value: user.dateOfBirth ? formatDate(user.dateOfBirth) : none });
  }
  rows.push({ label: t('account.email'), value: user.email ?? none });
  if (user.roles.includes('CITIZEN')) rows.push({ label: t('account.phone'), value: user.phone ?? none });
  rows.push({ label: t('account.roles'), value: user.roles.map((r) => t(`auth.roles.${r}`)).join(', ') });
  if (user.agencyCode) {
    rows.push({
      label: t('account.agency'),
      value: agency ? <span lang={text.nameLang(agency)}>{text.name(agency)}</span> : user.agencyCode,
    });
  }
  if (user.assuranceLevel !== null) {
    rows.push({ label: t('account.assurance'), value: t('account.assuranceLevel', { level: user.assuranceLevel }) });
  }
  return <SummaryList rows={rows} />;
}
