// Jest runs in CommonJS mode; this transformer lets it load our TypeScript and
// the ESM-only files of NestJS 12 (see docs/toolchain.md, trap 1).
// It compiles `.ts`/`.tsx` and the ES modules of `@nestjs/*` with SWC to CommonJS,
// turns `import.meta.*` into values derived from the file's own path (SWC
// renames a local `require`, so no require call is used for it), and lets SWC
// turn dynamic import() into require(). Remove once Node >= 24.9 is the floor
// and jest's native ESM mode works with the CommonJS @nestjs/throttler.
const { pathToFileURL } = require('node:url');
const path = require('node:path');
const swcJest = require('@swc/jest');

const transformer = swcJest.createTransformer({
  jsc: {
    parser: { syntax: 'typescript', tsx: true, decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
});

// Our sources import `./x.js` (nodenext ESM); under jest the file is `./x.ts`.
// Rewritten here because globalSetup files do not get moduleNameMapper.
const RELATIVE_JS = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\.js\2/g;

function rewrite(src, filename) {
  if (!filename.includes('node_modules')) src = src.replace(RELATIVE_JS, '$1$2$3$2');
  if (!src.includes('import.meta')) return src;
  return src
    .replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(filename).href))
    .replace(/import\.meta\.dirname/g, JSON.stringify(path.dirname(filename)))
    .replace(/import\.meta\.filename/g, JSON.stringify(filename))
    .replace(/import\.meta\.resolve\(/g, '((s) => require.resolve(s))(');
}

module.exports = {
  canInstrument: false,
  process(src, filename, options) {
    return transformer.process(rewrite(src, filename), filename, options);
  },
  getCacheKey(src, filename, options) {
    return transformer.getCacheKey(rewrite(src, filename), filename, options) + 'v1';
  },
};
