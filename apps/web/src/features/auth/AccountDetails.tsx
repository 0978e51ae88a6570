import type { UserDto } from '@motcua/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useAgencies } from '../catalog/useAgencies';
import { useCatalogText } from '../catalog/useCatalogText';

/** The user's record as a GOV.UK summary list. */
export function AccountDetails({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const agency = useAgencies({ enabled: user.agencyCode !== null }).data?.find((a) => a.code === user.agencyCode);
  const none = <span className="muted">{t('account.notProvided')}</span>;
  const rows: [string, ReactNode][] = [[t('account.fullName'), user.fullName]];
  if (user.nationalId) rows.push([t('account.nationalId'), user.nationalId]);
  else rows.push([t('account.username'), user.username]);
  if (user.roles.includes('CITIZEN')) {
    rows.push([t('account.dateOfBirth'), user.dateOfBirth ? formatDate(user.dateOfBirth) : none]);
  }
  rows.push([t('account.email'), user.email ?? none]);
  if (user.roles.includes('CITIZEN')) rows.push([t('account.phone'), user.phone ?? none]);
  rows.push([t('account.roles'), user.roles.map((r) => t(`auth.roles.${r}`)).join(', ')]);
  if (user.agencyCode) {
    rows.push([
      t('account.agency'),
      agency ? <span lang={text.nameLang(agency)}>{text.name(agency)}</span> : user.agencyCode,
    ]);
  }
  if (user.assuranceLevel !== null) {
    rows.push([t('account.assurance'), t('account.assuranceLevel', { level: user.assuranceLevel })]);
  }
  return (
    <dl className="summary-list">
      {rows.map(([k, v]) => (
        <div className="summary-list__row" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
