import { zodResolver } from '@hookform/resolvers/zod';
import { loginSchema, type LoginRequest } from '@motcua/shared';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Button, ErrorSummary, Field } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { problemMessage } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { errorKey, setApiFieldErrors, summaryFromErrors, useSummaryErrors, type SummaryItem } from './formErrors';
import { landingPath } from './landing';

const FIELDS = ['username', 'password'] as const;
const fieldId = (f: string) => `login-${f}`;

/** National ID (or staff username) and password; the same zod schema the API checks. */
/** When a lockout of `seconds` ends; read in the submit handler, never during render. */
function secondsFromNow(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}

export function LoginForm({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  /** Too many failed logins: when the account (or this address) may try again. */
  const [lockedUntil, setLockedUntil] = useState<{ seconds: number; at: Date } | null>(null);
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
      if (e instanceof ApiError && e.status === 429) {
        const retryAfter = Number(e.problem.retryAfter);
        const seconds = retryAfter > 0 ? Math.ceil(retryAfter) : 60;
        setSummary([]);
        setLockedUntil({ seconds, at: secondsFromNow(seconds) });
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
      {lockedUntil ? <LockedOut seconds={lockedUntil.seconds} at={lockedUntil.at} /> : null}
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

/**
 * Too many failed logins (429): not a mistake in a field but a wait, said under its own title with
 * how long and until when (the Retry-After of the answer).
 */
function LockedOut({ seconds, at }: { seconds: number; at: Date }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [at]);
  const wait =
    seconds < 60
      ? t('auth.login.lockedSeconds', { count: seconds })
      : t('auth.login.lockedMinutes', { count: Math.ceil(seconds / 60) });
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="login-locked-title" tabIndex={-1}>
      <h2 id="login-locked-title" className="error-summary__title">
        {t('auth.login.lockedTitle')}
      </h2>
      <p className="error-summary__text">{t('auth.login.lockedText', { wait, time: formatDateTime(at) })}</p>
      <p>{t('auth.login.lockedHint')}</p>
    </div>
  );
}
