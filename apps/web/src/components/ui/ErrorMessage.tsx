import { useTranslation } from 'react-i18next';

/**
 * The one way an error is written next to what it is about (a field, a button, a list): the text
 * of the current language, prefixed for screen readers by "Lỗi:" / "Error:" (it may be read out
 * of context), never a code. `alert` announces it when it appears on its own.
 */
export function ErrorMessage({ id, error, alert = false }: { id?: string; error?: string | null; alert?: boolean }) {
  const { t } = useTranslation();
  return error ? (
    <p id={id} className="field__error" role={alert ? 'alert' : undefined}>
      <span className="visually-hidden">{t('errors.prefix')} </span>
      {error}
    </p>
  ) : null;
}
