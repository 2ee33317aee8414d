#!/usr/bin/env node
// Bench part for the web extension (issue 16), called by scripts/bench/run.mjs or on its own:
// `node scripts/bench/web.mjs [runs]`. Opens VS Code for the Web on this machine (scripts/lib/
// web-host.mjs) `runs` times (default 3), each a fresh window, and in its web worker extension
// host times MedTerms' activation and first hover (test/web/firstHover.ts) on the example
// article, as built in dist/web/extension.js (`npm run build`: not minified, so if anything
// slower to load than the packaged build). It also times, in the same worker, the two ways
// to ship the knowledge base: as data files read through vscode.workspace.fs (what the
// extension does) or inside a JavaScript file. Prints one JSON object: the median of each
// figure and every run's figures.

import fs from 'node:fs';
import path from 'node:path';
import { ensureRuntime } from '../setup-vscode-runtime.mjs';
import { freePort } from '../lib/code-server.mjs';
import { buildWebBundle, runInBrowser, startWebServer } from '../lib/web-host.mjs';

const runs = Number(process.argv[2]) || 3;
const runtime = await ensureRuntime({ server: false, web: true });
const repo = runtime.repoRoot;
if (!fs.existsSync(path.join(repo, 'dist/web/extension.js'))) throw new Error('dist/web/extension.js is missing: run `npm run build` first');
const entry = await buildWebBundle(repo, 'test/web/firstHover.ts', 'out/web-bench/firstHover.js');
// The alternative: the data files as string literals of one CommonJS module.
const read = (f) => fs.readFileSync(path.join(repo, f), 'utf8');
fs.writeFileSync(path.join(repo, 'out/web-bench/kb-bundled.js'), `module.exports = { entries: ${JSON.stringify(read('data/kb.json'))}, terms: ${JSON.stringify(read('data/kb-terms.tsv'))} };\n`);

const results = [];
for (let i = 0; i < runs; i++) {
  const port = await freePort();
  const server = await startWebServer({ runtime, port, extension: repo, tests: entry, folder: path.join(repo, 'examples') });
  try {
    let line;
    const { code, log } = await runInBrowser({ runtime, url: `http://127.0.0.1:${port}/`, timeoutMs: 120_000, onReport: (l) => (line = l) });
    if (code !== 0 || !line) throw new Error(`web bench run failed (exit ${code}); browser console:\n${log.slice(-20).join('\n')}`);
    results.push(JSON.parse(line));
  } finally {
    server.close();
    server.closeAllConnections?.();
  }
}
const median = (pick) => results.map(pick).sort((a, b) => a - b)[results.length >> 1];
console.log(
  JSON.stringify({
    runs: results.length,
    activationMs: median((r) => r.activationMs),
    firstHoverMs: median((r) => r.firstHoverMs),
    warmHoverMs: median((r) => r.warmHoverMs),
    cardFound: results.every((r) => r.cardFound),
    data: { workspaceFsMs: median((r) => r.data.workspaceFsMs), bundledInJsMs: median((r) => r.data.bundledInJsMs), chars: results[0].data.chars },
    bundleKB: Math.round(fs.statSync(path.join(repo, 'out/web-bench/kb-bundled.js')).size / 102.4) / 10,
    each: results,
  }),
);
process.exit(0);
