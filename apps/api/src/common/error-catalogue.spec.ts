import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, isErrorCode } from '@motcua/shared';
import { AppError } from './app-error.js';

/**
 * Every code the API can answer is in the one catalogue of @motcua/shared (with its vi/en text):
 * the compiler checks AppError's argument, and this walks the source for the places it cannot see
 * (a code in a string the compiler has no type for, a problemBody built by hand).
 */
const SRC = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Codes thrown or answered: `new AppError('X'`, `AppError.conflict('X'`, `problemBody(503, 'X'`, [code, detail] pairs, `const code = … 'X'`. */
const USES = [
  /new AppError(?:<[^>]*>)?\(\s*'([A-Za-z_]+)'/g,
  /AppError\.(?:conflict|unprocessable)\(\s*'([A-Za-z_]+)'/g,
  /problemBody\(\s*[^,]+,\s*'([A-Za-z_]+)'/g,
  /\[\s*'([A-Z][A-Z_]+)',\s*'[^']* [^']*'\s*\]/g,
  /const code\b[^=]*=[^;]*?'([A-Z][A-Z_]{3,})'/g,
  /^\s*\d{3}: '([A-Z][A-Z_]+)',$/gm,
];

function codesUsed(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of USES) {
      for (const m of text.matchAll(re)) {
        used.set(m[1], [...(used.get(m[1]) ?? []), path.relative(SRC, file)]);
      }
    }
  }
  return used;
}

describe('error catalogue (the API side)', () => {
  const used = codesUsed();

  it('finds the codes the API throws (the walk itself works)', () => {
    for (const code of [
      'NOT_ASSIGNEE',
      'INVALID_ASSIGNEE',
      'ACTION_FORBIDDEN',
      'DATABASE_DOWN',
      'HEADERS_TOO_LARGE',
      'CONFLICT',
    ])
      expect(used.has(code)).toBe(true);
    expect(used.size).toBeGreaterThan(50);
  });

  it('has every code the API source uses', () => {
    const unknown = [...used]
      .filter(([code]) => !isErrorCode(code))
      .map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('holds no code the API never answers (a dead entry is a text nobody reads)', () => {
    const unused = Object.keys(ERROR_CODES).filter((code) => !used.has(code));
    expect(unused).toEqual([]);
  });

  it('lets AppError take only a catalogue code with its own status (checked by tsc in lint)', () => {
    // @ts-expect-error: not a code of the catalogue
    expect(new AppError('NO_SUCH_CODE', 404, 'x').code).toBe('NO_SUCH_CODE');
    // @ts-expect-error: NOT_FOUND is answered with 404, not 400
    expect(new AppError('NOT_FOUND', 400, 'x').status).toBe(400);
    // @ts-expect-error: a conflict takes a 409 code only
    expect(AppError.conflict('NOT_FOUND', 'x').status).toBe(409);
    expect(new AppError('NOT_ASSIGNEE', 403, 'x').status).toBe(ERROR_CODES.NOT_ASSIGNEE.status);
  });
});
