import { useTranslation } from '../../lib/i18n';

/**
 * The one way an error is written next to what it is about (a field, a button, a list): the text
 * of the current language, prefixed for screen readers by "Lỗi:" / "Error:" (it may be read out
 * of context), never a code. `alert` announces it when it appears on its own.
 */
/**
 * The prefix every error text carries for screen readers, the same word in every place: "Lỗi:" in
 * Vietnamese, "Error:" in English (errors.prefix). Visually hidden: the red box or text says it.
 */
export function ErrorPrefix() {
  const { t } = useTranslation();
  return <span className="visually-hidden">{t('errors.prefix')} </span>;
}

export function ErrorMessage({ id, error, alert = false }: { id?: string; error?: string | null; alert?: boolean }) {
  return error ? (
    <p id={id} className="field__error" role={alert ? 'alert' : undefined}>
      <ErrorPrefix />
      {error}
    </p>
  ) : null;
}
