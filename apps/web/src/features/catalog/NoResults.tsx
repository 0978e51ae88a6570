import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';

/** The empty state of a search, with ways forward. */
export function NoResults() {
  const { t } = useTranslation();
  return (
    <div className="no-results">
      <h2>{t('catalog.empty.title')}</h2>
      <p>{t('catalog.empty.suggestionsTitle')}</p>
      <ul>
        <li>{t('catalog.empty.spelling')}</li>
        <li>{t('catalog.empty.fewerWords')}</li>
        <li>
          <Link to="/procedures">{t('catalog.empty.clearFilters')}</Link>
        </li>
        <li>
          <Link to="/">{t('catalog.empty.bySector')}</Link>
        </li>
      </ul>
    </div>
  );
}
