import type { DeliveryMethod, DossierDto } from '@motcua/shared';
import { useTranslation } from '../../lib/i18n';
import { formatDateTime } from '../../lib/format';
import { useCatalogText } from '../catalog/useCatalogText';

/** A dossier's fee and delivery in words: the amount, whether and how it was paid. */
export function useFeeText() {
  const { t } = useTranslation();
  const catalog = useCatalogText();
  return {
    /** "50.000 ₫ · Đã thanh toán trực tuyến 27/11/2026 09:05". */
    fee: (fee: DossierDto['fee']): string => {
      if (fee.status === 'NONE') return catalog.fee(0);
      const parts = [catalog.fee(fee.amount), t(`payments.status.${fee.status}`)];
      if (fee.method) parts.push(t(`payments.method.${fee.method}`));
      if (fee.paidAt) parts.push(formatDateTime(fee.paidAt));
      if (fee.receiptNo) parts.push(t('payments.receiptNoShort', { receiptNo: fee.receiptNo }));
      return parts.join(' · ');
    },
    delivery: (method: DeliveryMethod, postalAddress: string | null): string =>
      method === 'POSTAL' && postalAddress
        ? `${t('payments.delivery.POSTAL')}: ${postalAddress}`
        : t(`payments.delivery.${method}`),
  };
}

/** Whether the applicant may pay online now: a fee not yet paid on a dossier that was sent and is not closed. */
export function canPayOnline(d: DossierDto): boolean {
  return (
    d.submittedAt !== null &&
    (d.fee.status === 'UNPAID' || d.fee.status === 'PENDING') &&
    !['WITHDRAWN', 'NOT_ACCEPTED'].includes(d.status)
  );
}
