import type { DossierListResponse } from '@motcua/shared';
import { can } from '@motcua/shared/permissions';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Loading } from '../../components/ui';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { ratingPath } from './rating-anchor';
import { useDossier } from './useDossiers';

const RatingForm = lazy(async () => ({ default: (await import('./RatingForm')).RatingForm }));

/** api.md: lists take at most 100 a page; a citizen's returned dossiers rarely fill one. */
const RETURNED_PAGE = 100;

/**
 * The rating, offered on the public tracking page once the result is returned (issue 16, item 9).
 * The rating API is the applicant's own (`POST /dossiers/{id}/rating`, dossier.own): a visitor is
 * asked to log in and comes back here; a signed-in citizen rates here when the dossier is theirs.
 */
export function TrackingRating({ code }: { code: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  if (user && !can(user, 'dossier.own')) return null;
  if (user) return <OwnerRating code={code} />;
  return (
    <RatingSection>
      <p>{t('tracking.ratingSignIn')}</p>
      <p>
        <Link
          className="btn btn--secondary"
          to={`/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`}
        >
          {t('tracking.ratingSignInLink')}
        </Link>
      </p>
    </RatingSection>
  );
}

function RatingSection({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tracking-rating-title" className="action-block">
      <h3 id="tracking-rating-title">{t('tracking.ratingTitle')}</h3>
      {children}
    </section>
  );
}

function OwnerRating({ code }: { code: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const returned = useQuery({
    queryKey: [...queryKeys.myDossiers('RETURNED'), 'all'],
    queryFn: ({ signal }) => api<DossierListResponse>(`/dossiers?status=RETURNED&limit=${RETURNED_PAGE}`, { signal }),
  });
  const id = returned.data?.items.find((d) => d.code === code)?.id ?? '';
  const dossier = useDossier(id);
  if (returned.isPending || (id && dossier.isPending)) return <Loading />;
  if (!id || dossier.isError) {
    return (
      <RatingSection>
        <p>{t('tracking.ratingNotOwner')}</p>
      </RatingSection>
    );
  }
  if (done || dossier.data?.rating) {
    return (
      <RatingSection>
        <p role="status">
          {done || !dossier.data?.rating
            ? t('tracking.ratingDone')
            : t('dossiers.rating.given', { score: dossier.data.rating.score })}
        </p>
      </RatingSection>
    );
  }
  return (
    <>
      <Suspense fallback={<Loading />}>
        <RatingForm dossierId={id} headingLevel={3} onDone={() => setDone(true)} />
      </Suspense>
      <p>
        <Link to={ratingPath(id)}>{t('tracking.openDossier')}</Link>
      </p>
    </>
  );
}
