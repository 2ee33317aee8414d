// Builds the three bundles from one option set: the desktop (Node) extension, the web
// extension and the `medterms` CLI. `--production` minifies and drops source maps;
// `--watch` rebuilds on change. The knowledge base is not bundled: it ships as data/ files,
// read on first use (see src/core/kb/bundled.ts). The snippets are (see bundledSnippets).
import * as esbuild from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// `import BUNDLED_SNIPPETS from 'medterms:bundled-snippets'`: the snippet files of data/snippets/,
// as { file, text, frontMatter } records. Bundled (about 1 KB each) so the node, web and CLI
// builds carry the same snippets and read no directory at run time. Their front matter is read
// from YAML here, once, rather than at every first use (see SnippetSource.frontMatter); a file
// whose YAML is broken is left for the core to report.
const bundledSnippets = {
  name: 'bundled-snippets',
  setup(build) {
    build.onResolve({ filter: /^medterms:bundled-snippets$/ }, () => ({ path: 'bundled-snippets', namespace: 'medterms' }));
    build.onLoad({ filter: /.*/, namespace: 'medterms' }, () => {
      const dir = new URL('./data/snippets/', import.meta.url);
      const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
      const records = files.map((f) => {
        const text = readFileSync(new URL(f, dir), 'utf8');
        const yaml = /^---\r?\n([^]*?)^---\s*$/m.exec(text)?.[1];
        let frontMatter;
        try {
          frontMatter = yaml === undefined ? undefined : parseYaml(yaml);
        } catch {
          frontMatter = undefined;
        }
        return { file: `data/snippets/${f}`, text, frontMatter };
      });
      return { contents: `export default ${JSON.stringify(records)};`, loader: 'js', watchDirs: [dir.pathname], watchFiles: files.map((f) => new URL(f, dir).pathname) };
    });
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
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  define: { MEDTERMS_VERSION: JSON.stringify(version) },
  plugins: [bundledSnippets],
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
