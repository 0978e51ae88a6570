import type { DossierDto, StaffDossierAction, UserSummary } from '@motcua/shared';
import { NOTE_MAX_LENGTH } from '@motcua/shared/dossier';
import { toLocalDate } from '@motcua/shared/dossier-clock';
import { assignmentOf, canMakeMove, noteRequired } from '@motcua/shared/workflow';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from '../../lib/i18n';
import { Button, Dialog, ErrorMessage, Field, Radios } from '../../components/ui';
import { AssigneePicker } from './AssigneePicker';
import { useOfficers } from './useStaff';
import { useWorkingCalendar } from './useWorkingCalendar';

export interface ActionInput {
  note?: string;
  assigneeId?: string;
  newDueDate?: string;
}

/** Actions that ask something before they are sent: a note (the shared rule), or whom to assign. */
export function needsDialog(action: StaffDossierAction): boolean {
  return action === 'assign' || action === 'issue_apology' || noteRequired(action);
}

interface DialogValues {
  who: 'self' | 'other';
  assigneeId: string;
  note: string;
  newDueDate: string;
}

const DATE_ID = 'action-new-due-date';

const NOTE_ID = 'action-note';
const ASSIGNEE_ID = 'action-assignee';

/**
 * The dialog of one action: its note where the shared table requires one, and for `assign` the
 * choice of officer (the caller themself by default, when they are an officer of the agency).
 */
export function ActionDialog({
  action,
  dossier,
  user,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  action: StaffDossierAction;
  dossier: DossierDto;
  user: UserSummary;
  pending: boolean;
  error: string | null;
  onConfirm: (input: ActionInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const isAssign = action === 'assign';
  // The shared table decides: an officer takes a free dossier; the desk or the approver hands it over.
  const caller = {
    roles: user.roles,
    isApplicant: false,
    assignment: assignmentOf(dossier.assignee?.id ?? null, user.id),
  };
  const canTakeSelf =
    isAssign && user.agencyCode === dossier.agency.code && canMakeMove(dossier.status, 'take', caller);
  const canHandOver = isAssign && canMakeMove(dossier.status, 'hand_over', caller);
  const { officers, isPending: loadingOfficers } = useOfficers(isAssign && canHandOver, user.id);
  // api.md: the new appointment is a working day after dueAt's local day (the API says so too, 400).
  const isApology = action === 'issue_apology';
  const calendar = useWorkingCalendar(isApology);
  const minDate =
    isApology && dossier.dueAt && calendar ? calendar.nextWorkingDay(toLocalDate(new Date(dossier.dueAt))) : undefined;
  const {
    register,
    handleSubmit,
    control,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<DialogValues>({
    defaultValues: { who: canTakeSelf ? 'self' : 'other', assigneeId: '', note: '', newDueDate: '' },
  });
  const who = useWatch({ control, name: 'who' });
  // The note of a handover (it moves someone's work) follows the table's rule for `hand_over`.
  const withNote = isAssign ? who === 'other' && noteRequired('hand_over') : noteRequired(action);
  const noteKey = isAssign ? 'hand_over' : action;
  const noColleagues = isAssign && who === 'other' && officers.length === 0 && !loadingOfficers;

  const submit = (v: DialogValues) => {
    const note = v.note.trim();
    let failed = false;
    if (isAssign && v.who === 'other' && !v.assigneeId) {
      setError('assigneeId', { message: t('desk.assign.required') });
      setFocus('assigneeId');
      failed = true;
    }
    if (
      isApology &&
      (!v.newDueDate || (minDate && v.newDueDate < minDate) || calendar?.isWorkingDay(v.newDueDate) === false)
    ) {
      setError('newDueDate', { message: t('desk.apology.dateInvalid') });
      setFocus('newDueDate');
      failed = true;
    }
    if (withNote && !note) {
      setError('note', { message: t(`desk.note.${noteKey}.required`) });
      if (!failed) setFocus('note');
      failed = true;
    } else if (note.length > NOTE_MAX_LENGTH) {
      setError('note', { message: t('desk.note.tooLong', { max: NOTE_MAX_LENGTH }) });
      if (!failed) setFocus('note');
      failed = true;
    }
    if (failed) return;
    onConfirm({
      ...(note && withNote ? { note } : {}),
      ...(isAssign && v.who === 'other' ? { assigneeId: v.assigneeId } : {}),
      ...(isApology ? { newDueDate: v.newDueDate } : {}),
    });
  };

  const label = t(`desk.actions.${action}`);
  return (
    <Dialog title={label} onClose={onCancel} describedBy="action-dialog-about">
      <p id="action-dialog-about">{t(`desk.confirm.${action}`, { code: dossier.code ?? '' })}</p>
      <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
        {canTakeSelf && canHandOver ? (
          <Radios
            id="action-who"
            legend={t('desk.assign.legend')}
            options={[
              { value: 'self', label: t('desk.assign.self') },
              { value: 'other', label: t('desk.assign.other') },
            ]}
            inputProps={register('who')}
          />
        ) : null}
        {isAssign && who === 'other' ? (
          noColleagues ? (
            <ErrorMessage error={t('desk.assign.noColleagues')} />
          ) : (
            <AssigneePicker
              id={ASSIGNEE_ID}
              officers={officers}
              loading={loadingOfficers}
              error={errors.assigneeId?.message}
              inputProps={register('assigneeId')}
            />
          )
        ) : null}
        {isApology ? (
          <Field
            id={DATE_ID}
            label={t('desk.apology.dateLabel')}
            hint={t('desk.apology.dateHint')}
            error={errors.newDueDate?.message}
            required
          >
            <input type="date" min={minDate} {...register('newDueDate')} />
          </Field>
        ) : null}
        {withNote ? (
          <Field
            id={NOTE_ID}
            label={t(`desk.note.${noteKey}.label`)}
            hint={t(`desk.note.${noteKey}.hint`)}
            error={errors.note?.message}
            required
          >
            <textarea rows={5} {...register('note')} />
          </Field>
        ) : null}
        <ErrorMessage alert error={error} />
        <div className="dialog__buttons">
          <Button
            type="submit"
            variant={action === 'refuse' || action === 'reject' ? 'warning' : 'primary'}
            disabled={pending || noColleagues}
            aria-busy={pending || undefined}
          >
            {label}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('desk.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
