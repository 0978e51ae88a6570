import { zodResolver } from '@hookform/resolvers/zod';
import type { LoginRequest } from '@motcua/shared';
import { loginSchema } from '@motcua/shared/identity';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from '../../lib/i18n';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Button, ErrorSummary, Field, TryAgainLater } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { problemMessage } from '../../lib/errorText';
import { retryAfterSeconds } from '../../lib/retryAfter';
import { errorKey, setApiFieldErrors, summaryFromErrors, useSummaryErrors, type SummaryItem } from './formErrors';
import { landingPath } from './landing';

const FIELDS = ['username', 'password'] as const;
const fieldId = (f: string) => `login-${f}`;

/** National ID (or staff username) and password; the same zod schema the API checks. */

export function LoginForm({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  /** Too many failed logins: when the account (or this address) may try again. */
  const [lockedUntil, setLockedUntil] = useState<{ seconds: number; at: Date; now: Date } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<LoginRequest>({
    resolver: zodResolver(loginSchema),
    defaultValues: { username: '', password: '' },
    // The error summary takes the focus, not the first field (GOV.UK pattern).
    shouldFocusError: false,
  });

  const onValid = async (values: LoginRequest) => {
    setLockedUntil(null);
    try {
      const res = await login(values.username, values.password);
      await navigate(landingPath(res.user.roles, next), { replace: true });
    } catch (e) {
      const seconds = retryAfterSeconds(e);
      if (seconds !== null) {
        // Read the clock here, in the handler, never during render.
        const now = new Date();
        setSummary([]);
        setLockedUntil({ seconds, at: new Date(now.getTime() + seconds * 1000), now });
        return;
      }
      setSummary(failureSummary(e));
    }
  };

  const failureSummary = (e: unknown): SummaryItem[] => {
    if (e instanceof ApiError && e.status === 401) {
      return [{ field: 'username', key: 'auth.login.wrongCredentials' }];
    }
    const fieldErrors = setApiFieldErrors(e, FIELDS, setError);
    return fieldErrors.length ? fieldErrors : [{ field: 'username', ...problemMessage(e) }];
  };

  const summaryErrors = useSummaryErrors(summary, fieldId);
  const inline = (f: (typeof FIELDS)[number]) => {
    const key = errorKey(f, errors[f], getValues(f));
    return key ? t(key) : undefined;
  };

  return (
    <form
      noValidate
      onSubmit={(e) =>
        void handleSubmit(onValid, (errs) => setSummary(summaryFromErrors(FIELDS, errs, getValues())))(e)
      }
    >
      {lockedUntil ? (
        <TryAgainLater
          id="login-locked"
          title={t('auth.login.lockedTitle')}
          reason={t('auth.login.lockedText')}
          {...lockedUntil}
        >
          <p>{t('auth.login.lockedHint')}</p>
        </TryAgainLater>
      ) : null}
      <ErrorSummary title={t('errors.summaryTitle')} errors={summaryErrors} />
      <Field
        id={fieldId('username')}
        label={t('auth.login.username')}
        hint={t('auth.login.usernameHint')}
        error={inline('username')}
      >
        <input type="text" autoComplete="username" spellCheck={false} autoCapitalize="none" {...register('username')} />
      </Field>
      <Field id={fieldId('password')} label={t('auth.login.password')} error={inline('password')}>
        <input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t('auth.login.submitting') : t('auth.login.submit')}
      </Button>
    </form>
  );
}
