import type { QueueItem } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Table, type Column } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { StatusTag } from '../dossiers/StatusTags';
import { useDossierText } from '../dossiers/useDossierText';
import { SlaDueTag } from './SlaDueTag';

/** Rows of a queue: the code links to the dossier's work screen. */
export function QueueTable({
  caption,
  items,
  dossierPath,
  empty,
}: {
  caption: string;
  items: QueueItem[];
  dossierPath: (id: string) => string;
  empty: string;
}) {
  const { t } = useTranslation();
  const text = useDossierText();
  const now = new Date();
  const columns: Column<QueueItem>[] = [
    {
      key: 'code',
      header: t('desk.queue.columns.code'),
      render: (r) => (
        <Link to={dossierPath(r.id)} className="dossier-code" data-dossier-link={r.id}>
          {r.code}
        </Link>
      ),
    },
    {
      key: 'procedure',
      header: t('desk.queue.columns.procedure'),
      render: (r) => <span lang="vi">{r.procedureName}</span>,
    },
    {
      key: 'applicant',
      header: t('desk.queue.columns.applicant'),
      render: (r) => <span lang="vi">{r.applicantName}</span>,
    },
    {
      key: 'status',
      header: t('desk.queue.columns.status'),
      render: (r) => (
        <>
          <StatusTag status={r.status} />
          <br />
          <span className="muted small">{text.channel(r.channel)}</span>
        </>
      ),
    },
    {
      key: 'due',
      header: t('desk.queue.columns.due'),
      render: (r) => (
        <>
          <SlaDueTag item={r} now={now} />
          {r.dueAt ? (
            <>
              <br />
              <time dateTime={r.dueAt} className="small">
                {formatDateTime(r.dueAt)}
              </time>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'assignee',
      header: t('desk.queue.columns.assignee'),
      render: (r) =>
        r.assignee ? (
          <span lang="vi">{r.assignee.fullName}</span>
        ) : (
          <span className="muted">{t('desk.queue.unassigned')}</span>
        ),
    },
  ];
  return <Table caption={caption} columns={columns} rows={items} rowKey={(r) => r.id} empty={empty} cards />;
}
