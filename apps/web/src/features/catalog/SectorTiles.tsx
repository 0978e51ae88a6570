import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Loading, QueryLoadError } from '../../components/ui';
import { useCatalogText } from './useCatalogText';
import { useSectors } from './useSectors';

/**
 * Placeholder tiles while the sectors load, so the page below does not jump when they arrive
 * (Lighthouse's CLS, bench/README.md). A dozen: at 375 px they reach past the fold, so a catalog
 * with more sectors only moves what is off-screen; at 1280 px (four columns) they are three rows.
 */
const SKELETON_TILES = 12;

/** One tile per sector, each opening the procedures of that sector. */
export function SectorTiles() {
  const { t } = useTranslation();
  const text = useCatalogText();
  const sectors = useSectors();
  return (
    <section aria-labelledby="sectors-title">
      <h2 id="sectors-title">{t('catalog.sectorsTitle')}</h2>
      {sectors.isPending ? (
        <>
          {/* Announced once, in words; the placeholders are for the eye only. */}
          <div className="visually-hidden">
            <Loading />
          </div>
          <ul className="tiles" aria-hidden="true">
            {Array.from({ length: SKELETON_TILES }, (_, i) => (
              <li key={i}>
                <span className="tile tile--skeleton" />
              </li>
            ))}
          </ul>
        </>
      ) : sectors.isError ? (
        <QueryLoadError query={sectors} />
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
