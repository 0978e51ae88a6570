import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { CounterIntake } from '../../features/desk/CounterIntake';
import '../../features/queue/desk.css';

/** /staff/counter — the reception desk registers a walk-in applicant's dossier. */
export function CounterPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <>
      <p>
        <Link to="/staff">{t('desk.work.backToQueue')}</Link>
      </p>
      <CounterIntake user={user} />
    </>
  );
}
