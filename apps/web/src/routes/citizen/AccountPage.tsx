import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Button, Loading, QueryLoadError } from '../../components/ui';
import { AccountDetails } from '../../features/auth/AccountDetails';
import { useLogout } from '../../features/auth/useLogout';
import { useMe } from '../../features/auth/useMe';

export function AccountPage() {
  const { t } = useTranslation();
  const logout = useLogout();
  const me = useMe();
  return (
    <>
      <h1>{t('account.title')}</h1>
      <h2>{t('account.detailsTitle')}</h2>
      {me.isPending ? <Loading /> : me.isError ? <QueryLoadError query={me} /> : <AccountDetails user={me.data} />}
      <h2>{t('account.nextTitle')}</h2>
      <p>
        <Link to="/procedures">{t('account.findProcedure')}</Link>
      </p>
      <h2>{t('account.logoutTitle')}</h2>
      <p>{t('account.logoutHint')}</p>
      <Button variant="secondary" onClick={logout}>
        {t('auth.logout')}
      </Button>
    </>
  );
}
