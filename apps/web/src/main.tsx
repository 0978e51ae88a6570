import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import './app/i18n';
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

// Rendered once the session is restored (no first call answered 401) and the page's code is
// loaded, so the router never renders an empty hydration fallback (React Router's
// "No HydrateFallback" warning) and the page appears whole.
void Promise.all([restoreSession(), routerReady()]).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  ),
);
