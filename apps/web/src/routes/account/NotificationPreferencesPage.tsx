import type { NotificationPreferences, NotificationPreferencesInput } from '@motcua/shared';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n';
import { Link } from 'react-router';
import { Button, Checkbox, ErrorMessage, Loading, QueryLoadError } from '../../components/ui';
import { Notice } from '../../features/dossiers/Notice';
import { usePreferences, useSavePreferences } from '../../features/notifications/useNotifications';
import { problemText } from '../../lib/errorText';

/**
 * /account/notifications — e-mail and SMS for the non-essential notifications, and the consent to
 * SMS. Essential ones (supplement requests, results, apologies) are said to go regardless.
 */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  return (
    <>
      <h1>{t('notifications.preferences.title')}</h1>
      <p>{t('notifications.preferences.lead')}</p>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <QueryLoadError query={prefs} />
      ) : (
        <PreferencesForm prefs={prefs.data} />
      )}
      <p>
        <Link to="/notifications">{t('notifications.preferences.back')}</Link>
      </p>
    </>
  );
}

function PreferencesForm({ prefs }: { prefs: NotificationPreferences }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const [form, setForm] = useState<NotificationPreferencesInput>({
    emailUpdates: prefs.emailUpdates,
    smsUpdates: prefs.smsUpdates,
    smsAgreed: prefs.smsAgreed,
  });
  const [saved, setSaved] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form, { onSuccess: () => setSaved((n) => n + 1) });
  };
  const toggle = (key: keyof NotificationPreferencesInput) => ({
    checked: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.checked })),
  });
  return (
    <>
      {saved > 0 ? (
        <Notice key={saved} focus>
          {t('notifications.preferences.saved')}
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>{t('notifications.preferences.emailLegend')}</legend>
          <Checkbox
            id="pref-email"
            label={t('notifications.preferences.emailUpdates')}
            hint={prefs.hasEmail ? undefined : t('notifications.preferences.noEmail')}
            inputProps={toggle('emailUpdates')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('notifications.preferences.smsLegend')}</legend>
          <Checkbox
            id="pref-sms-agreed"
            label={t('notifications.preferences.smsAgreed')}
            hint={
              prefs.hasPhone ? t('notifications.preferences.smsAgreedHint') : t('notifications.preferences.noPhone')
            }
            inputProps={toggle('smsAgreed')}
          />
          <Checkbox
            id="pref-sms"
            label={t('notifications.preferences.smsUpdates')}
            inputProps={{ ...toggle('smsUpdates'), disabled: !form.smsAgreed }}
          />
        </fieldset>
        <p>{t('notifications.preferences.essential')}</p>
        {save.isError ? <ErrorMessage alert error={problemText(t, save.error)} /> : null}
        <Button type="submit" disabled={save.isPending}>
          {t('notifications.preferences.save')}
        </Button>
      </form>
    </>
  );
}
