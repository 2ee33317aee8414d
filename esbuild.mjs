// Builds the three bundles from one option set: the desktop (Node) extension, the web
// extension and the `medterms` CLI. `--production` minifies and drops source maps;
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * `import text from 'medterms:data/kb.json'` → the text of that file of data/. Shipping the
 * knowledge base as a string and parsing it with JSON.parse on first use is much faster to
 * load than a JS object literal of the same data, and keeps activation cheap.
 */
const bundledData = {
  name: 'bundled-data',
  setup(build) {
    build.onResolve({ filter: /^medterms:data\// }, (args) => ({ path: new URL(`./${args.path.slice('medterms:'.length)}`, import.meta.url).pathname, namespace: 'bundled-data' }));
    build.onLoad({ filter: /.*/, namespace: 'bundled-data' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text', watchFiles: [args.path] }));
  },
};

const shared = {
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'info',
  plugins: [bundledData],
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
