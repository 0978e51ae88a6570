import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { coreTexts } from './app/i18n';
import { routes } from './app/routes';
import { restoreSession } from './lib/auth';
import './styles.css';

const router = createBrowserRouter(routes);

/** The first page's lazy route modules are loaded (the router is initialised). */
function routerReady(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (state.initialized) {
        stop();
        resolve();
      }
    });
  });
}

// Rendered once the session is restored (no first call answered 401) and the page's code and
// texts are loaded (the core texts in the stored language, the page's own with its route), so the
// router never renders an empty hydration fallback (React Router's "No HydrateFallback" warning)
// and the page appears whole, never showing a key.
//
// The first render is a transition: React renders it in slices of a few milliseconds, yielding to
// the browser between them, instead of one long task a phone cannot answer a tap during
// (Lighthouse's total blocking time, issue 16).
void Promise.all([restoreSession(), routerReady(), coreTexts]).finally(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    ),
  );
});
