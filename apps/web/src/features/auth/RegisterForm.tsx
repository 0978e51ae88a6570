import { zodResolver } from '@hookform/resolvers/zod';
import type { RegisterRequest, RegisterResponse } from '@motcua/shared';
import { refinePasswordPersonalData, registerFieldsSchema } from '@motcua/shared/identity';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from '../../lib/i18n';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { useAuth } from '../../app/useAuth';
import { Button, ErrorSummary, Field, TryAgainLater } from '../../components/ui';
import { api } from '../../lib/api';
import { problemMessage } from '../../lib/errorText';
import { landingPath, safeNext, withNext } from './landing';
import { retryAfterSeconds } from '../../lib/retryAfter';
import { errorKey, setApiFieldErrors, summaryFromErrors, useSummaryErrors, type SummaryItem } from './formErrors';

/** The API's schema plus the confirmation only the screen asks for. */
const registerFormSchema = registerFieldsSchema
  .extend({ confirmPassword: z.string() })
  // Messages are locale keys (errors.field.password.personal, …confirmPassword.mismatch), never shown as is.
  .superRefine(refinePasswordPersonalData('personal'))
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'mismatch',
    when: () => true,
  });
type RegisterFormValues = z.input<typeof registerFormSchema>;

const FIELDS = [
  'nationalId',
  'fullName',
  'dateOfBirth',
  'email',
  'phone',
  'password',
  'confirmPassword',
] as const satisfies readonly (keyof RegisterFormValues)[];
type FieldName = (typeof FIELDS)[number];
const fieldId = (f: string) => `register-${f}`;
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export function RegisterForm({ next = null }: { next?: string | null }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  /** Registrations are limited per address (429): a wait, said under its own title. */
  const [limited, setLimited] = useState<{ seconds: number; at: Date; now: Date } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<RegisterFormValues>({
    resolver: zodResolver(registerFormSchema),
    defaultValues: { nationalId: '', fullName: '', dateOfBirth: '', email: '', password: '', confirmPassword: '' },
    shouldFocusError: false,
  });

  const onValid = async ({ confirmPassword: _confirm, ...body }: RegisterFormValues) => {
    setLimited(null);
    try {
      await api<RegisterResponse>('/auth/register', { method: 'POST', body: body satisfies RegisterRequest });
    } catch (e) {
      const seconds = retryAfterSeconds(e);
      if (seconds !== null) {
        const now = new Date();
        setSummary([]);
        setLimited({ seconds, at: new Date(now.getTime() + seconds * 1000), now });
        return;
      }
      const fieldErrors = setApiFieldErrors(e, FIELDS, setError);
      setSummary(fieldErrors.length ? fieldErrors : [{ field: 'nationalId', ...problemMessage(e) }]);
      return;
    }
    try {
      const res = await login(body.nationalId, body.password);
      await navigate(landingPath(res.user.roles, next), { replace: true });
    } catch {
      // The account exists; only the automatic login failed (e.g. throttled): log in by hand.
      await navigate(withNext('/login', safeNext(next) ?? '/account'), { replace: true });
    }
  };

  const summaryErrors = useSummaryErrors(summary, fieldId);
  const field = (f: FieldName) => {
    const key = errorKey(f, errors[f], getValues(f));
    return { id: fieldId(f), error: key ? t(key) : undefined };
  };

  return (
    <form
      noValidate
      onSubmit={(e) =>
        void handleSubmit(onValid, (errs) => setSummary(summaryFromErrors(FIELDS, errs, getValues())))(e)
      }
    >
      {limited ? (
        <TryAgainLater
          id="register-limited"
          title={t('auth.register.limitedTitle')}
          reason={t('auth.register.limitedText')}
          {...limited}
        />
      ) : null}
      <ErrorSummary title={t('errors.summaryTitle')} errors={summaryErrors} />
      <Field
        {...field('nationalId')}
        label={t('auth.register.nationalId')}
        hint={t('auth.register.nationalIdHint')}
        required
      >
        <input
          type="text"
          inputMode="numeric"
          autoComplete="username"
          spellCheck={false}
          maxLength={12}
          className="input--id"
          {...register('nationalId')}
        />
      </Field>
      <Field {...field('fullName')} label={t('auth.register.fullName')} hint={t('auth.register.fullNameHint')} required>
        <input type="text" autoComplete="name" spellCheck={false} {...register('fullName')} />
      </Field>
      <Field {...field('dateOfBirth')} label={t('auth.register.dateOfBirth')} required>
        <input type="date" autoComplete="bday" min="1900-01-01" className="input--date" {...register('dateOfBirth')} />
      </Field>
      <Field {...field('email')} label={t('auth.register.email')} hint={t('auth.register.emailHint')} required>
        <input type="email" autoComplete="email" spellCheck={false} {...register('email')} />
      </Field>
      <Field {...field('phone')} label={t('auth.register.phone')} hint={t('auth.register.phoneHint')}>
        <input
          type="tel"
          autoComplete="tel"
          className="input--id"
          {...register('phone', { setValueAs: emptyToUndefined })}
        />
      </Field>
      <Field {...field('password')} label={t('auth.register.password')} hint={t('auth.register.passwordHint')} required>
        <input type="password" autoComplete="new-password" {...register('password')} />
      </Field>
      <Field {...field('confirmPassword')} label={t('auth.register.confirmPassword')} required>
        <input type="password" autoComplete="new-password" {...register('confirmPassword')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t('auth.register.submitting') : t('auth.register.submit')}
      </Button>
    </form>
  );
}
