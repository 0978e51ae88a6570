import type { DossierStatus, SlaState } from '@motcua/shared';
import { Tag } from '../../components/ui';
import { useDossierText } from './useDossierText';

export function StatusTag({ status }: { status: DossierStatus }) {
  const text = useDossierText();
  return <Tag tone={text.statusTone(status)}>{text.status(status)}</Tag>;
}

export function SlaTag({ sla }: { sla: SlaState }) {
  const text = useDossierText();
  return <Tag tone={text.slaTone(sla)}>{text.sla(sla)}</Tag>;
}
