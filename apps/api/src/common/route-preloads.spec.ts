import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { encodedPageHtml, matchesRoute, pageHtml } from './route-preloads.js';

describe('route preloads', () => {
  it('matches react-router patterns segment by segment', () => {
    expect(matchesRoute('/', '/')).toBe(true);
    expect(matchesRoute('/', '/procedures')).toBe(false);
    expect(matchesRoute('/procedures/:code', '/procedures/1.001193')).toBe(true);
    expect(matchesRoute('/procedures/:code', '/procedures')).toBe(false);
    expect(matchesRoute('/procedures', '/procedures/1.001193')).toBe(false);
    expect(matchesRoute('/track/:code?', '/track')).toBe(true);
    expect(matchesRoute('/track/:code?', '/track/HS-1')).toBe(true);
    expect(matchesRoute('/track/:code?', '/track/HS-1/more')).toBe(false);
    expect(matchesRoute('/apply/:procedureCode/:step?', '/apply/1.001193/2')).toBe(true);
    expect(matchesRoute('/apply/:procedureCode/:step?', '/apply')).toBe(false);
    expect(matchesRoute('/dossiers/:id', '/dossiers/abc/submitted')).toBe(false);
    expect(matchesRoute('/dossiers/:id/submitted', '/dossiers/abc/submitted')).toBe(true);
    expect(matchesRoute('/*', '/no/such/page')).toBe(true);
  });

  describe('pageHtml', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'route-preloads-'));
      writeFileSync(path.join(dir, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("announces the first matching route's files in <head>, scripts as module preloads and styles as stylesheets", () => {
      writeFileSync(
        path.join(dir, 'route-preloads.json'),
        JSON.stringify([
          { path: '/procedures/:code', files: ['/assets/ProcedurePage-a1.js', '/assets/ui-b2.css'] },
          { path: '/*', files: ['/assets/NotFound-c3.js'] },
        ]),
      );
      const page = pageHtml(dir);
      const html = page('/procedures/1.001193');
      expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/ProcedurePage-a1.js">');
      expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/ui-b2.css">');
      expect(html.indexOf('ProcedurePage-a1.js')).toBeLessThan(html.indexOf('</head>'));
      expect(html).not.toContain('NotFound-c3.js');
      expect(page('/nowhere')).toContain('/assets/NotFound-c3.js');
    });

    it('announces nothing that is not one of the build’s asset names', () => {
      writeFileSync(
        path.join(dir, 'route-preloads.json'),
        JSON.stringify([
          { path: '/', files: ['/assets/a.js"><script>alert(1)</script>', 'https://evil.example/x.js'] },
        ]),
      );
      expect(pageHtml(dir)('/')).toBe('<html><head><title>x</title></head><body></body></html>');
    });

    it('serves index.html as it is without the table (an older build)', () => {
      expect(pageHtml(dir)('/procedures/1')).toBe('<html><head><title>x</title></head><body></body></html>');
    });
  });

  it('sends the page compressed as the browser accepts: brotli, else gzip, else as it is', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'route-preloads-'));
    try {
      const html = `<html><head><title>${'Một cửa '.repeat(200)}</title></head><body></body></html>`;
      writeFileSync(path.join(dir, 'index.html'), html);
      const page = encodedPageHtml(dir);
      const br = page('/', 'gzip, deflate, br');
      expect(br.encoding).toBe('br');
      expect(brotliDecompressSync(br.body).toString('utf8')).toBe(html);
      expect(br.body.length).toBeLessThan(html.length / 4);
      const gz = page('/', 'gzip');
      expect(gz.encoding).toBe('gzip');
      expect(gunzipSync(gz.body).toString('utf8')).toBe(html);
      const plain = page('/', undefined);
      expect(plain.encoding).toBeNull();
      expect(plain.body.toString('utf8')).toBe(html);
      expect(page('/', 'br').body).toBe(br.body);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
