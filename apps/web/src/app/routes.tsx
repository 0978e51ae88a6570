import type { RouteObject } from 'react-router';
import { withTexts } from './i18n';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';

/**
 * Every page is its own chunk, loaded when its URL is visited, with the text areas it says besides
 * the core (app/i18n.ts TEXTS; routes.spec.ts checks the list against the page's code), so no page
 * renders a key.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await withTexts(import('../routes/public/HomePage'))).HomePage }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await withTexts(import('../routes/public/LoginPage'))).LoginPage }),
      },
      {
        path: 'login/callback',
        lazy: async () => ({
          Component: (await withTexts(import('../routes/public/LoginCallbackPage'))).LoginCallbackPage,
        }),
      },
      {
        path: 'register',
        lazy: async () => ({
          Component: (await withTexts(import('../routes/public/RegisterPage'), 'privacy')).RegisterPage,
        }),
      },
      {
        path: 'procedures',
        lazy: async () => ({ Component: (await withTexts(import('../routes/public/ProceduresPage'))).ProceduresPage }),
      },
      {
        path: 'procedures/:code',
        lazy: async () => ({ Component: (await withTexts(import('../routes/public/ProcedurePage'))).ProcedurePage }),
      },
      {
        path: 'track/:code?',
        lazy: async () => ({
          Component: (await withTexts(import('../routes/public/TrackPage'), 'dossiers', 'tracking')).TrackPage,
        }),
      },
      {
        path: 'tro-giup',
        lazy: async () => ({
          Component: (await withTexts(import('../routes/public/HelpPage'), 'help', 'privacy')).HelpPage,
        }),
      },
      {
        path: 'quyen-rieng-tu',
        lazy: async () => ({
          Component: (await withTexts(import('../routes/public/PrivacyPage'), 'help', 'privacy')).PrivacyPage,
        }),
      },
      {
        path: 'verify/:code',
        lazy: async () => ({
          Component: (await withTexts(import('../routes/public/VerifyPage'), 'verify')).VerifyPage,
        }),
      },
      {
        // The citizen's own pages: the application wizard and their dossiers.
        element: <RequireAuth permission="dossier.own" />,
        children: [
          {
            path: 'apply/:procedureCode/:step?',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/ApplyPage'), 'apply', 'dossiers', 'privacy'))
                .ApplyPage,
            }),
          },
          {
            path: 'dossiers',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/MyDossiersPage'), 'dossiers')).MyDossiersPage,
            }),
          },
          {
            path: 'dossiers/:id',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/DossierPage'), 'apply', 'dossiers', 'payments'))
                .DossierPage,
            }),
          },
          {
            path: 'dossiers/:id/submitted',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/SubmittedPage'), 'dossiers')).SubmittedPage,
            }),
          },
          {
            path: 'dossiers/:id/payment',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/PaymentResultPage'), 'dossiers', 'payments'))
                .PaymentResultPage,
            }),
          },
          {
            path: 'dossiers/:id/withdraw',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/WithdrawPage'), 'dossiers')).WithdrawPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: 'account',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/citizen/AccountPage'), 'account')).AccountPage,
            }),
          },
          {
            path: 'notifications',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/account/NotificationsPage'))).NotificationsPage,
            }),
          },
          {
            path: 'account/notifications',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/account/NotificationPreferencesPage')))
                .NotificationPreferencesPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth permission="dossier.act" />,
        children: [
          {
            path: 'staff',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/staff/StaffHomePage'), 'dossiers', 'staff')).StaffHomePage,
            }),
          },
          {
            path: 'staff/dossiers/:id',
            lazy: async () => ({
              Component: (
                await withTexts(import('../routes/staff/StaffDossierPage'), 'apply', 'dossiers', 'payments', 'staff')
              ).StaffDossierPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth permission="counter.intake" />,
        children: [
          {
            path: 'staff/counter',
            lazy: async () => ({
              Component: (await withTexts(import('../routes/staff/CounterPage'), 'apply', 'dossiers', 'staff'))
                .CounterPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth permission="report.read" />,
        children: [
          {
            path: 'manager',
            lazy: async () => ({
              Component: (
                await withTexts(import('../routes/manager/ManagerHomePage'), 'dashboard', 'dossiers', 'staff')
              ).ManagerHomePage,
            }),
          },
          {
            // The work screen, read-only for a manager (the API offers them no action).
            path: 'manager/dossiers/:id',
            lazy: async () => ({
              Component: (
                await withTexts(import('../routes/staff/StaffDossierPage'), 'apply', 'dossiers', 'payments', 'staff')
              ).StaffDossierPage,
            }),
          },
        ],
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await withTexts(import('../routes/public/NotFoundPage'))).NotFoundPage }),
      },
    ],
  },
];
