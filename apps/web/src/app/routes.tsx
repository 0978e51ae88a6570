import type { RouteObject } from 'react-router';
import { DASHBOARD_ROLES, DESK_ROLES } from '../features/auth/landing';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';

/** The citizen's own pages: the application wizard and their dossiers. */
const CITIZEN_ROLES = ['CITIZEN'] as const;

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
        path: 'verify/:code',
        lazy: async () => ({ Component: (await import('../routes/public/VerifyPage')).VerifyPage }),
      },
      {
        element: <RequireAuth roles={CITIZEN_ROLES} />,
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
        ],
      },
      {
        element: <RequireAuth roles={DESK_ROLES} />,
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
        element: <RequireAuth roles={['RECEPTIONIST']} />,
        children: [
          {
            path: 'staff/counter',
            lazy: async () => ({ Component: (await import('../routes/staff/CounterPage')).CounterPage }),
          },
        ],
      },
      {
        element: <RequireAuth roles={DASHBOARD_ROLES} />,
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
