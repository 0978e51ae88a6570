import type { RouteObject } from 'react-router';
import { Layout } from './Layout';

/** Every page is its own chunk, loaded when its URL is visited. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../routes/public/HomePage')).HomePage }) },
      { path: '*', lazy: async () => ({ Component: (await import('../routes/public/NotFoundPage')).NotFoundPage }) },
    ],
  },
];
