import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteObject } from 'react-router';
import { routeModules, routePreloads, type BuiltChunk } from './route-preloads';
import { routes } from './routes';

/** The real route table's lazy routes, with their full paths (guards and the layout have none). */
function lazyPaths(list: RouteObject[], base = ''): string[] {
  return list.flatMap((r) => {
    const here = r.index ? base || '/' : r.path ? `${base}/${r.path}` : base;
    const own = r.lazy ? [here] : [];
    return [...own, ...lazyPaths(r.children ?? [], here === '/' ? '' : here)];
  });
}

describe('route preloads', () => {
  it('reads every lazy route of routes.tsx, in order, with the page module it imports', () => {
    const source = readFileSync(path.join(__dirname, 'routes.tsx'), 'utf8');
    const read = routeModules(source);
    expect(read.map((r) => r.path)).toEqual(lazyPaths(routes));
    expect(read[0]).toEqual({ path: '/', module: '../routes/public/HomePage', areas: [] });
    expect(read.find((r) => r.path === '/register')?.areas).toEqual(['privacy']);
    expect(read.find((r) => r.path === '/procedures/:code')?.module).toBe('../routes/public/ProcedurePage');
    expect(read.at(-1)?.path).toBe('/*');
  });

  it("lists a page's chunk and what it imports, not what the shell already loads", () => {
    const chunk = (fileName: string, over: Partial<BuiltChunk> = {}): BuiltChunk => ({
      fileName,
      facadeModuleId: null,
      imports: [],
      isEntry: false,
      css: [],
      ...over,
    });
    const chunks = [
      chunk('assets/index.js', { isEntry: true, imports: ['assets/react.js'] }),
      chunk('assets/react.js'),
      chunk('assets/Home.js', { facadeModuleId: '/src/routes/Home.tsx', imports: ['assets/react.js', 'assets/ui.js'] }),
      chunk('assets/ui.js', { imports: ['assets/icons.js'], css: ['assets/ui.css'] }),
      chunk('assets/icons.js'),
      chunk('assets/core-vi.js', { facadeModuleId: '/src/locales/vi/core.json' }),
      chunk('assets/help-vi.js', { facadeModuleId: '/src/locales/vi/help.json' }),
      chunk('assets/help-en.js', { facadeModuleId: '/src/locales/en/help.json' }),
    ];
    const table = routePreloads(
      [
        { path: '/', module: '../routes/Home', areas: ['help'] },
        { path: '/gone', module: '../routes/Gone', areas: [] },
      ],
      chunks,
      (m) => path.posix.resolve('/src/app', m),
      (area) => `/src/locales/vi/${area}`,
    );
    expect(table).toEqual([
      {
        path: '/',
        files: [
          '/assets/Home.js',
          '/assets/ui.js',
          '/assets/ui.css',
          '/assets/icons.js',
          '/assets/core-vi.js',
          '/assets/help-vi.js',
        ],
      },
    ]);
  });
});
