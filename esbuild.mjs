// Builds the three bundles from one option set: the desktop (Node) extension, the web
// extension and the `medterms` CLI. `--production` minifies and drops source maps;
// `--watch` rebuilds on change. The knowledge base is not bundled: it ships as data/ files,
// read on first use (see src/core/kb/bundled.ts).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'info',
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  define: { MEDTERMS_VERSION: JSON.stringify(version) },
};

const targets = [
  { ...shared, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node' },
  { ...shared, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', mainFields: ['browser', 'module', 'main'] },
  { ...shared, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', platform: 'node', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
}
