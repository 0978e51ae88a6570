import type { DossierStatus } from '@motcua/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Button, Field, Loading, QueryLoadError } from '../../components/ui';
import { dossierErrorText } from '../../features/dossiers/dossierErrors';
import { ClaimDossierForm } from '../../features/dossiers/ClaimDossierForm';
import { DossierList } from '../../features/dossiers/DossierList';
import { Notice } from '../../features/dossiers/Notice';
import { useMyDossiers } from '../../features/dossiers/useDossiers';
import { STATUS_ORDER, useDossierText } from '../../features/dossiers/useDossierText';

function parseStatus(s: string | null): DossierStatus | null {
  return s && (STATUS_ORDER as readonly string[]).includes(s) ? (s as DossierStatus) : null;
}

/** /dossiers — the citizen's dossiers, filtered by status, a page at a time. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  const text = useDossierText();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const [choice, setChoice] = useState<string>(status ?? '');
  const list = useMyDossiers(status);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // After "Show more", the first new dossier takes the focus, so keyboard users carry on from there.
  // A ref, not state: it changes no output, only where the focus goes once the page has arrived.
  const focusIndex = useRef<number | null>(null);

  // A new status in the URL (back/forward) resets the select, adjusted during render.
  const [seenStatus, setSeenStatus] = useState(status);
  if (status !== seenStatus) {
    setSeenStatus(status);
    setChoice(status ?? '');
  }
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || items.length <= index) return;
    document.querySelector<HTMLElement>(`[data-dossier-index="${index}"]`)?.focus();
    focusIndex.current = null;
  }, [items.length]);

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    setParams(choice ? { status: choice } : {});
  };

  return (
    <>
      <h1>{t('dossiers.list.title')}</h1>
      {notice ? <Notice>{t(`dossiers.notice.${notice}`)}</Notice> : null}
      <form className="filter-form" onSubmit={onFilter} aria-label={t('dossiers.list.filterLabel')}>
        <Field id="status-filter" label={t('dossiers.list.statusFilter')}>
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('dossiers.list.allStatuses')}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {text.status(s)}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" variant="secondary">
          {t('dossiers.list.filter')}
        </Button>
      </form>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryLoadError query={list} errorText={dossierErrorText} />
      ) : items.length === 0 ? (
        status ? (
          <>
            <h2>{t('dossiers.list.emptyFilteredTitle', { status: text.status(status) })}</h2>
            <p>
              <Link to="/dossiers">{t('dossiers.list.showAll')}</Link>
            </p>
          </>
        ) : (
          <>
            <h2>{t('dossiers.list.emptyTitle')}</h2>
            <p>{t('dossiers.list.emptyBody')}</p>
            <p>
              <Link to="/procedures" className="btn btn--primary">
                {t('dossiers.list.findProcedure')}
              </Link>
            </p>
          </>
        )
      ) : (
        <>
          <p role="status" className="results-count">
            {status
              ? t('dossiers.list.countFiltered', { count: items.length, status: text.status(status) })
              : t('dossiers.list.count', { count: items.length })}
          </p>
          <DossierList items={items} />
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              disabled={list.isFetchingNextPage}
              onClick={() => {
                focusIndex.current = items.length;
                void list.fetchNextPage();
              }}
            >
              {list.isFetchingNextPage ? t('app.loading') : t('dossiers.list.more')}
            </Button>
          ) : null}
        </>
      )}
      <ClaimDossierForm />
    </>
  );
}
