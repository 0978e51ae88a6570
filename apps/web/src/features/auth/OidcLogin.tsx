import { useTranslation } from '../../lib/i18n';
import { API_BASE } from '../../lib/api';
import { useAuthProviders } from './useAuthProviders';

export const OIDC_NEXT_KEY = 'motcua.oidcNext';

/**
 * "Log in with digital citizen ID", shown only when the server has an OIDC provider.
 * A full page navigation: the provider's pages are not ours.
 */
export function OidcLogin({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  if (!providers.data?.oidc) return null;
  return (
    <section aria-labelledby="oidc-title" className="oidc-login">
      <h2 id="oidc-title">{t('auth.login.oidcTitle')}</h2>
      <p id="oidc-hint">{t('auth.login.oidcHint')}</p>
      <a
        className="btn btn--secondary btn--block-mobile"
        href={`${API_BASE}/auth/oidc/login`}
        aria-describedby="oidc-hint"
        onClick={() => {
          // The provider sends us back to /login/callback, which resumes the journey from here.
          try {
            if (next) sessionStorage.setItem(OIDC_NEXT_KEY, next);
            else sessionStorage.removeItem(OIDC_NEXT_KEY);
          } catch {
            // Storage disabled: the user lands on their default page instead.
          }
        }}
      >
        {t('auth.login.oidc')}
      </a>
    </section>
  );
}
