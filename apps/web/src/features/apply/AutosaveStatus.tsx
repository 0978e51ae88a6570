import { useTranslation } from '../../lib/i18n';
import { formatTime } from '../../lib/format';
import type { AutosaveState } from './useAutosave';

/**
 * "Đã lưu lúc 10:42": when the draft was last saved, in Asia/Ho_Chi_Minh whatever the device's
 * zone; announced politely (a status), never interrupting the typing.
 */
export function AutosaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation();
  const text =
    state.status === 'saving'
      ? t('apply.autosave.saving')
      : state.status === 'saved'
        ? t('apply.autosave.saved', { time: formatTime(state.at) })
        : state.status === 'failed'
          ? t('apply.autosave.failed')
          : '';
  return (
    <p className="autosave muted" role="status">
      {text}
    </p>
  );
}
