import type { StaffMember } from '@motcua/shared';
import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { useTranslation } from '../../lib/i18n';
import { describedBy, FieldError, messageIds } from '../../components/ui/FieldMessages';

/** Lower case without diacritics (đ as d), so "nguyen van" finds "Nguyễn Văn". */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Whom to hand a dossier to: a search box over the officers' names (diacritics optional) and the
 * matching officers as radios, each with their open load. Radios keep the keyboard native (Tab
 * into the group, arrows between officers) and are read as one question (GOV.UK radios pattern).
 */
export function AssigneePicker({
  id,
  officers,
  loading,
  error,
  inputProps,
}: {
  /** The first radio's id: the error summary and setFocus reach it. */
  id: string;
  officers: StaffMember[];
  loading: boolean;
  error?: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { errorId } = messageIds(id, undefined, error);
  const needle = foldName(q.trim());
  const shown = needle ? officers.filter((o) => foldName(o.fullName).includes(needle)) : officers;
  const searchId = `${id}-search`;
  const countId = `${id}-count`;
  return (
    <div className={error ? 'field field--error assignee-picker' : 'field assignee-picker'}>
      <label className="field__label" htmlFor={searchId}>
        {t('desk.assign.search')}
      </label>
      <input
        id={searchId}
        type="search"
        className="assignee-picker__search"
        value={q}
        autoComplete="off"
        aria-describedby={countId}
        onChange={(e) => setQ(e.target.value)}
        // Enter in the search box must not send the dialog's form.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <p id={countId} className="field__hint" aria-live="polite">
        {loading ? t('app.loading') : t('desk.assign.matches', { count: shown.length, total: officers.length })}
      </p>
      <fieldset className="fieldset" aria-describedby={describedBy(undefined, errorId)}>
        <legend className="field__label fieldset__legend">
          {t('desk.assign.officer')}
          <span aria-hidden="true"> *</span>
        </legend>
        <FieldError id={errorId} error={error} />
        {shown.length === 0 && !loading ? (
          <p className="assignee-picker__empty">{t('desk.assign.noMatch', { q: q.trim() })}</p>
        ) : null}
        <div className="choices assignee-picker__list">
          {shown.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.id}`;
            return (
              <div className="choice" key={o.id}>
                <input
                  {...inputProps}
                  type="radio"
                  id={optionId}
                  value={o.id}
                  required
                  aria-invalid={error ? true : undefined}
                />
                <label htmlFor={optionId} className="choice__label assignee-picker__label">
                  <span className="assignee-picker__name">{o.fullName}</span>{' '}
                  <span className="assignee-picker__load">{t('desk.assign.openLoad', { count: o.openAssigned })}</span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
