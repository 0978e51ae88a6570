import { act, render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/App';
import { setLanguage, type Language } from '../app/i18n';
import { routes } from '../app/routes';
import { clearSession } from '../lib/auth';

/** The whole app (providers, layout, lazy routes) at one address, as a visitor opens it. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(<App router={router} />);
  return { ...view, router };
}

/** A fresh visitor: no session, no stored language, the given language. */
export function resetVisitor(lang: Language = 'vi'): void {
  localStorage.clear();
  sessionStorage.clear();
  clearSession();
  act(() => setLanguage(lang));
}
