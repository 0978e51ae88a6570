import { can } from '@motcua/shared/permissions';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { QueueView } from '../../features/queue/QueueView';
import '../../features/queue/desk.css';

/** /staff — the desk: the queues of the user's roles, and walk-in intake for the reception desk. */
export function StaffHomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <>
      <h1>{t('staffHome.title')}</h1>
      <p className="lead">{t('staffHome.lead', { name: user.fullName })}</p>
      {can(user, 'counter.intake') ? (
        <p>
          <Link to="/staff/counter" className="btn btn--secondary">
            {t('desk.counter.start')}
          </Link>
        </p>
      ) : null}
      <QueueView user={user} />
    </>
  );
}
