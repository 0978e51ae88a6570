import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { routeModules, routePreloads, type BuiltChunk } from './src/app/route-preloads';

const require = createRequire(import.meta.url);
// react-router's package exports point at its development build only; a production bundle takes
// the production one (smaller, without the development warnings) (issue 16, the front end's budget).
const routerProduction = path.join(
  path.dirname(require.resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

/**
 * Writes dist/route-preloads.json: each page route's chunks beyond the shell, which the API announces
 * as modulepreload links in that page's HTML (src/app/route-preloads.ts says why).
 */
function routePreloadsPlugin(): Plugin {
  const appDir = path.resolve(import.meta.dirname, 'src/app');
  return {
    name: 'motcua-route-preloads',
    apply: 'build',
    // After Vite's own generateBundle hooks, which drop the chunks that held only CSS.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks: BuiltChunk[] = Object.values(bundle).flatMap((o) =>
        o.type === 'chunk'
          ? [
              {
                fileName: o.fileName,
                facadeModuleId: o.facadeModuleId,
                imports: o.imports,
                isEntry: o.isEntry,
                css: [...(o.viteMetadata?.importedCss ?? [])],
              },
            ]
          : [],
      );
      const routes = routeModules(readFileSync(path.join(appDir, 'routes.tsx'), 'utf8'));
      const table = routePreloads(
        routes,
        chunks,
        (m) => path.resolve(appDir, m),
        (area) => path.resolve(appDir, '../locales/vi', area),
      );
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: `${JSON.stringify(table, null, 1)}\n` });
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), routePreloadsPlugin()],
  resolve: {
    alias: mode === 'production' ? [{ find: /^react-router$/, replacement: routerProduction }] : [],
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // Required by experimentalInlineCommonChunks below: the app's only entry is index.html's
      // script, whose exports nobody imports.
      preserveEntrySignatures: false,
      output: {
        // Fewer files before a page can draw (issue 16, Lighthouse): on a phone's network each file
        // costs a round trip on one of the browser's six connections, and the page waited on 25-29.
        // - every module the shell loads statically ($initial) goes into one chunk, not six
        //   (react, react-dom, the router, query-core's client and our own code were apart);
        // - a small common chunk (under 16 KiB before minifying) is copied into the page chunks
        //   that use it, instead of being one more file each. A copied module with state only
        //   keeps a cache per page chunk (loadFormRules, formValues), never a shared singleton
        //   (contexts, the session, the translator live in the shell).
        // The apply page went from 29 files to 12 (147 KiB gzipped, under its 150), home from 15 to 9.
        codeSplitting: {
          groups: [{ name: 'shell', tags: ['$initial'] }],
          experimentalInlineCommonChunks: { maxSize: 16 * 1024 },
        },
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
