import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Button, LoadError, Loading } from '../../components/ui';
import { AccountDetails } from '../../features/auth/AccountDetails';
import { useLogout } from '../../features/auth/useLogout';
import { useMe } from '../../features/auth/useMe';
import { problemText } from '../../lib/errorText';

export function AccountPage() {
  const { t } = useTranslation();
  const logout = useLogout();
  const me = useMe();
  return (
    <>
      <h1>{t('account.title')}</h1>
      <h2>{t('account.detailsTitle')}</h2>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <LoadError
          message={problemText(t, me.error)}
          onRetry={() => void me.refetch()}
          retryLabel={t('catalog.retry')}
        />
      ) : (
        <AccountDetails user={me.data} />
      )}
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
