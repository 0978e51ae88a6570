import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
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
});
