import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);
// react-router's package exports point at its development build only; a production bundle takes
// the production one (smaller, without the development warnings) (issue 16, the front end's budget).
const routerProduction = path.join(
  path.dirname(require.resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: {
    alias: mode === 'production' ? [{ find: /^react-router$/, replacement: routerProduction }] : [],
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The CSP forbids eval (script-src 'self'): zod 4 probes `Function('')` for its JIT when a
        // schema is made, a CSP violation the browser reports (Lighthouse: inspector-issues). Its
        // global config is read from here; every chunk sets it first, so it is set before zod runs.
        banner: 'globalThis.__zod_globalConfig ??= { jitless: true };',
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
}));
