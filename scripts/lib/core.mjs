// The project's pure core (src/core), bundled in memory with esbuild, for the build scripts:
// normalisation, readability and the term index have one definition, shared with the extension.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const { outputFiles } = buildSync({
  entryPoints: [fileURLToPath(new URL('src/core/index.ts', root))],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  mainFields: ['module', 'main'],
  write: false,
});
const module = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(new URL('package.json', root)));

/** `src/core/index.ts`'s exports. */
export const core = module.exports;
