import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Loading, QueryLoadError } from '../../components/ui';
import { ProcedureList } from './ProcedureList';
import { useProcedures } from './useProcedures';

const POPULAR_COUNT = 6;

/** A few procedures to start from, and the way to all of them. */
export function PopularProcedures() {
  const { t } = useTranslation();
  const procedures = useProcedures({ pageSize: POPULAR_COUNT });
  return (
    <section aria-labelledby="popular-title">
      <h2 id="popular-title">{t('catalog.popularTitle')}</h2>
      {procedures.isPending ? (
        <>
          <div className="visually-hidden">
            <Loading />
          </div>
          {/* The list's own classes, one line of name and one of details: the size of what loads. */}
          <ul className="procedure-list" aria-hidden="true">
            {Array.from({ length: POPULAR_COUNT }, (_, i) => (
              <li key={i} className="procedure-list__item">
                <span className="procedure-list__name skeleton">&nbsp;</span>
                <span className="procedure-list__meta skeleton skeleton--short">&nbsp;</span>
              </li>
            ))}
          </ul>
        </>
      ) : procedures.isError ? (
        <QueryLoadError query={procedures} />
      ) : (
        <ProcedureList items={procedures.data.items} headingLevel={3} />
      )}
      <p>
        <Link to="/procedures">{t('catalog.allProcedures')}</Link>
      </p>
    </section>
  );
}
