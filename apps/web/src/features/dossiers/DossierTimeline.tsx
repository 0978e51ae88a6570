import type { TimelineEntry } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { i18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { useDossierText } from './useDossierText';

/** The dossier's history, oldest first: what changed, who did it, their note, when (Vietnam time). */
export function DossierTimeline({ events }: { events: TimelineEntry[] }) {
  const { t } = useTranslation();
  const text = useDossierText();
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const what = (e: TimelineEntry) => {
    if (e.toStatus === 'DRAFT' && e.fromStatus === null) return t('dossiers.timeline.created');
    if (e.toStatus && e.toStatus !== e.fromStatus)
      return t('dossiers.timeline.changed', { status: text.status(e.toStatus) });
    const key = `dossiers.timeline.type.${e.type}`;
    return i18n.exists(key) ? t(key) : t('dossiers.timeline.updated');
  };
  return (
    <ol className="timeline">
      {ordered.map((e, i) => (
        <li key={`${e.at}-${i}`} className="timeline__item">
          <p className="timeline__what">{what(e)}</p>
          <p className="timeline__when">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </p>
          {e.actor.role || e.actor.fullName ? (
            <p className="timeline__who">
              {e.actor.role ? text.role(e.actor.role) : null}
              {e.actor.role && e.actor.fullName ? ': ' : null}
              {e.actor.fullName ? <span lang="vi">{e.actor.fullName}</span> : null}
            </p>
          ) : null}
          {e.note ? (
            <p className="timeline__note pre-line">
              <span className="timeline__label">{t('dossiers.timeline.note')}</span> {e.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
