import { useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Button, Dialog } from '../../components/ui';
import { DESK_SHORTCUTS } from './deskShortcuts';

/** The list of the desk's shortcuts, in a dialog (opened by its button or by "?"). */
export function ShortcutsHelp({ open, onOpen, onClose }: { open: boolean; onOpen: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="link" onClick={onOpen} aria-keyshortcuts="?">
        {t('desk.shortcuts.open')}
      </Button>
      {open ? (
        <Dialog title={t('desk.shortcuts.title')} onClose={onClose} describedBy="desk-shortcuts-about">
          <p id="desk-shortcuts-about">{t('desk.shortcuts.about')}</p>
          <table className="table shortcuts">
            <caption className="visually-hidden">{t('desk.shortcuts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.shortcuts.key')}</th>
                <th scope="col">{t('desk.shortcuts.does')}</th>
              </tr>
            </thead>
            <tbody>
              {DESK_SHORTCUTS.map((s) => (
                <tr key={s.key}>
                  <td>
                    <kbd>{s.key}</kbd>
                  </td>
                  <td>{t(`desk.shortcuts.actions.${s.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog__buttons">
            <Button variant="secondary" onClick={onClose}>
              {t('desk.shortcuts.close')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

/** The help dialog's open state (the Dialog gives the focus back to where it was on close). */
export function useShortcutsHelp() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), hide: () => setOpen(false) };
}
