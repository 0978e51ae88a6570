import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';

/** Every page is its own chunk, loaded when its URL is visited. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../routes/public/HomePage')).HomePage }) },
      { path: 'login', lazy: async () => ({ Component: (await import('../routes/public/LoginPage')).LoginPage }) },
      {
        path: 'login/callback',
        lazy: async () => ({ Component: (await import('../routes/public/LoginCallbackPage')).LoginCallbackPage }),
      },
      {
        path: 'register',
        lazy: async () => ({ Component: (await import('../routes/public/RegisterPage')).RegisterPage }),
      },
      {
        path: 'procedures',
        lazy: async () => ({ Component: (await import('../routes/public/ProceduresPage')).ProceduresPage }),
      },
      {
        path: 'procedures/:code',
        lazy: async () => ({ Component: (await import('../routes/public/ProcedurePage')).ProcedurePage }),
      },
      {
        path: 'track/:code?',
        lazy: async () => ({ Component: (await import('../routes/public/TrackPage')).TrackPage }),
      },
      {
        path: 'tro-giup',
        lazy: async () => ({ Component: (await import('../routes/public/HelpPage')).HelpPage }),
      },
      {
        path: 'quyen-rieng-tu',
        lazy: async () => ({ Component: (await import('../routes/public/PrivacyPage')).PrivacyPage }),
      },
      {
        path: 'verify/:code',
        lazy: async () => ({ Component: (await import('../routes/public/VerifyPage')).VerifyPage }),
      },
      {
        // The citizen's own pages: the application wizard and their dossiers.
        element: <RequireAuth permission="dossier.own" />,
        children: [
          {
            path: 'apply/:procedureCode/:step?',
            lazy: async () => ({ Component: (await import('../routes/citizen/ApplyPage')).ApplyPage }),
          },
          {
            path: 'dossiers',
            lazy: async () => ({ Component: (await import('../routes/citizen/MyDossiersPage')).MyDossiersPage }),
          },
          {
            path: 'dossiers/:id',
            lazy: async () => ({ Component: (await import('../routes/citizen/DossierPage')).DossierPage }),
          },
          {
            path: 'dossiers/:id/submitted',
            lazy: async () => ({ Component: (await import('../routes/citizen/SubmittedPage')).SubmittedPage }),
          },
          {
            path: 'dossiers/:id/payment',
            lazy: async () => ({
              Component: (await import('../routes/citizen/PaymentResultPage')).PaymentResultPage,
            }),
          },
          {
            path: 'dossiers/:id/withdraw',
            lazy: async () => ({ Component: (await import('../routes/citizen/WithdrawPage')).WithdrawPage }),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('../routes/citizen/AccountPage')).AccountPage }),
          },
          {
            path: 'notifications',
            lazy: async () => ({
              Component: (await import('../routes/account/NotificationsPage')).NotificationsPage,
            }),
          },
          {
            path: 'account/notifications',
            lazy: async () => ({
              Component: (await import('../routes/account/NotificationPreferencesPage')).NotificationPreferencesPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth permission="dossier.act" />,
        children: [
          {
            path: 'staff',
            lazy: async () => ({ Component: (await import('../routes/staff/StaffHomePage')).StaffHomePage }),
          },
          {
            path: 'staff/dossiers/:id',
            lazy: async () => ({ Component: (await import('../routes/staff/StaffDossierPage')).StaffDossierPage }),
          },
        ],
      },
      {
        element: <RequireAuth permission="counter.intake" />,
        children: [
          {
            path: 'staff/counter',
            lazy: async () => ({ Component: (await import('../routes/staff/CounterPage')).CounterPage }),
          },
        ],
      },
      {
        element: <RequireAuth permission="report.read" />,
        children: [
          {
            path: 'manager',
            lazy: async () => ({ Component: (await import('../routes/manager/ManagerHomePage')).ManagerHomePage }),
          },
          {
            // The work screen, read-only for a manager (the API offers them no action).
            path: 'manager/dossiers/:id',
            lazy: async () => ({ Component: (await import('../routes/staff/StaffDossierPage')).StaffDossierPage }),
          },
        ],
      },
      { path: '*', lazy: async () => ({ Component: (await import('../routes/public/NotFoundPage')).NotFoundPage }) },
    ],
  },
];
