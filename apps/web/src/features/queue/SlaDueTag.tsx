import type { DossierStatus, SlaState } from '@motcua/shared';
import type { TFunction } from '../../lib/i18n';
import { useTranslation } from '../../lib/i18n';
import { Tag } from '../../components/ui';
import { slaDue, slaTone, type SlaDue } from './slaDue';

export function slaDueText(t: TFunction, due: SlaDue): string {
  switch (due.kind) {
    case 'none':
      return t('desk.sla.none');
    case 'daysLeft':
      return t('desk.sla.daysLeft', { count: due.days });
    case 'dueToday':
      return t('desk.sla.dueToday');
    case 'waiting':
      return t('desk.sla.waiting');
    case 'overdue':
      return due.days === 0 ? t('desk.sla.overdueToday') : t('desk.sla.overdue', { count: due.days });
    case 'decided':
      return t(`desk.sla.decided.${due.outcome}`);
  }
}

/** "Còn 2 ngày", "Quá hạn 1 ngày": the words say it, the colour only repeats it. */
export function SlaDueTag({
  item,
  now,
}: {
  item: { status: DossierStatus; sla: SlaState | null; dueAt: string | null };
  now?: Date;
}) {
  const { t } = useTranslation();
  const due = slaDue(item, now ?? new Date());
  return <Tag tone={slaTone(due)}>{slaDueText(t, due)}</Tag>;
}
