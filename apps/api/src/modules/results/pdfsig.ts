import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * poppler's `pdfsig` on a PDF: its report. Tests prove signatures with it; without it they fail
 * (never skip) with a message saying what to install.
 */
export function runPdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-pdfsig-'));
  try {
    const file = path.join(dir, 'result.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdfsig not found: install poppler-utils (apt-get install -y poppler-utils)');
    }
    if (r.error) throw r.error;
    return `${r.stdout}${r.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
