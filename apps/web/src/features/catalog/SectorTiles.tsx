import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/ui';
import { problemText } from '../../lib/errorText';
import { useCatalogText } from './useCatalogText';
import { useSectors } from './useSectors';

/** One tile per sector, each opening the procedures of that sector. */
export function SectorTiles() {
  const { t } = useTranslation();
  const text = useCatalogText();
  const sectors = useSectors();
  return (
    <section aria-labelledby="sectors-title">
      <h2 id="sectors-title">{t('catalog.sectorsTitle')}</h2>
      {sectors.isPending ? (
        <Loading />
      ) : sectors.isError ? (
        <LoadError
          message={problemText(t, sectors.error)}
          onRetry={() => void sectors.refetch()}
          retryLabel={t('catalog.retry')}
        />
      ) : (
        <ul className="tiles">
          {sectors.data.map((s) => (
            <li key={s.code}>
              <Link
                className="tile"
                to={`/procedures?sectorCode=${encodeURIComponent(s.code)}`}
                lang={text.nameLang(s)}
              >
                {text.name(s)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
