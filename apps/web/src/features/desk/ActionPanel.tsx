import type { DossierAction, DossierDto, StaffDossierAction, UserSummary } from '@motcua/shared';
import { STAFF_DOSSIER_ACTIONS } from '@motcua/shared/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { useLocation } from 'react-router';
import { Button, ErrorMessage } from '../../components/ui';
import { queryKeys } from '../../lib/queryKeys';
import { dossierErrorText } from '../dossiers/dossierErrors';
import { DownloadButton } from '../dossiers/DownloadButton';
import { useDeskShortcuts } from '../queue/deskShortcuts';
import { ShortcutsHelp, useShortcutsHelp } from '../queue/ShortcutsHelp';
import { ActionDialog, needsDialog, type ActionInput } from './ActionDialog';
import { isConflict, useStaffAction } from './useStaffAction';

function isStaffAction(a: DossierAction): a is StaffDossierAction {
  return (STAFF_DOSSIER_ACTIONS as readonly DossierAction[]).includes(a);
}

/** Refusals in red; the step that moves the dossier on in the primary colour. */
const BUTTON_VARIANT: Record<StaffDossierAction, 'primary' | 'secondary' | 'warning'> = {
  receive: 'primary',
  refuse: 'warning',
  assign: 'primary',
  request_supplement: 'secondary',
  submit_for_approval: 'primary',
  approve: 'primary',
  reject: 'warning',
  return_to_officer: 'secondary',
  return_result: 'primary',
  issue_apology: 'secondary',
};

/**
 * What the user may do with the dossier now: exactly the API's `availableActions`, each a
 * button; a dialog where a note or an assignee is needed; a clear way out of a 409.
 */
export function ActionPanel({ dossier, user }: { dossier: DossierDto; user: UserSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useStaffAction(dossier.id);
  const [open, setOpen] = useState<StaffDossierAction | null>(null);
  const [done, setDone] = useState<StaffDossierAction | null>(null);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const actions = dossier.availableActions.filter(isStaffAction);
  const sectionRef = useRef<HTMLElement>(null);
  const help = useShortcutsHelp();
  const { hash } = useLocation();

  // "a" (here, or on a queue row: #actions) puts the focus on the first action, else on the section.
  const focusActions = () => {
    const first = sectionRef.current?.querySelector<HTMLElement>('.work-actions__buttons button');
    (first ?? sectionRef.current)?.focus();
  };
  useDeskShortcuts({ actions: focusActions, help: help.show });
  useEffect(() => {
    if (hash === '#actions') focusActions();
  }, [hash]);

  useEffect(() => {
    if (done) noticeRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const send = (action: StaffDossierAction, input: ActionInput = {}) => {
    setDone(null);
    setFailure(null);
    mutation.mutate(
      { action, version: dossier.version, ...input },
      {
        onSuccess: () => {
          setOpen(null);
          setDone(action);
        },
        onError: (e) => {
          if (isConflict(e)) {
            setOpen(null);
            setConflict(true);
          } else if (!needsDialog(action)) {
            setFailure(e);
          }
        },
      },
    );
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.dossier(dossier.id) });
    setConflict(false);
    mutation.reset();
  };

  const received = dossier.receivedAt !== null;
  const code = dossier.code ?? dossier.id;
  const receipt = (
    <DownloadButton
      path={`/dossiers/${encodeURIComponent(dossier.id)}/receipt.pdf`}
      fileName={`phieu-tiep-nhan-${code}.pdf`}
      label={t('desk.receipt')}
      variant={dossier.status === 'RETURNED' ? 'primary' : 'secondary'}
    />
  );

  return (
    <section ref={sectionRef} id="actions" tabIndex={-1} className="work-actions" aria-labelledby="work-actions-title">
      <h2 id="work-actions-title">{t('desk.work.actionsTitle')}</h2>
      {done ? (
        <div ref={noticeRef} className="work-notice" role="status" tabIndex={-1}>
          <p>{t(`desk.done.${done}`)}</p>
        </div>
      ) : null}
      {conflict ? (
        <div ref={conflictRef} className="work-conflict" role="alert" tabIndex={-1}>
          <p>{t('desk.conflict')}</p>
          <Button variant="secondary" onClick={() => void reload()}>
            {t('desk.reload')}
          </Button>
        </div>
      ) : null}
      {failure ? <ErrorMessage alert error={dossierErrorText(t, failure)} /> : null}
      {actions.length > 0 && !conflict ? (
        <div className="work-actions__buttons">
          {actions.map((a) => (
            <Button
              key={a}
              variant={BUTTON_VARIANT[a]}
              disabled={mutation.isPending}
              aria-busy={(mutation.isPending && mutation.variables?.action === a) || undefined}
              onClick={() => (needsDialog(a) ? setOpen(a) : send(a))}
            >
              {t(`desk.actions.${a}`)}
            </Button>
          ))}
        </div>
      ) : !conflict ? (
        <p>{t('desk.work.noActions')}</p>
      ) : null}
      {received ? <p>{receipt}</p> : null}
      <ShortcutsHelp open={help.open} onOpen={help.show} onClose={help.hide} />
      {open ? (
        <ActionDialog
          action={open}
          dossier={dossier}
          user={user}
          pending={mutation.isPending}
          error={mutation.isError && !isConflict(mutation.error) ? dossierErrorText(t, mutation.error) : null}
          onConfirm={(input) => send(open, input)}
          onCancel={() => {
            setOpen(null);
            mutation.reset();
          }}
        />
      ) : null}
    </section>
  );
}
