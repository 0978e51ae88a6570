import { zodResolver } from '@hookform/resolvers/zod';
import { loginSchema, type LoginRequest } from '@motcua/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/useAuth';
import { Button, ErrorSummary, Field } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { problemMessage } from '../../lib/errorText';
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
    try {
      const res = await login(values.username, values.password);
      await navigate(landingPath(res.user.roles, next), { replace: true });
    } catch (e) {
      setSummary(failureSummary(e));
    }
  };

  const failureSummary = (e: unknown): SummaryItem[] => {
    if (e instanceof ApiError && e.status === 401) {
      return [{ field: 'username', key: 'auth.login.wrongCredentials' }];
    }
    if (e instanceof ApiError && e.status === 429) {
      const seconds = Number(e.problem.retryAfter);
      const params = { seconds: seconds > 0 ? Math.ceil(seconds) : 60 };
      return [{ field: 'username', key: 'auth.login.tooManyAttempts', params }];
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
