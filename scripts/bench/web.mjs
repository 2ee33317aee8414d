#!/usr/bin/env node
// Bench part for the web extension (issue 16), called by scripts/bench/run.mjs or on its own:
// `node scripts/bench/web.mjs [runs]`. Opens VS Code for the Web on this machine (scripts/lib/
// web-host.mjs) `runs` times (default 5), each a fresh window, and in its web worker extension
// host times MedTerms' activation and its first hover, asked for as soon as activation has
// finished, against what the workbench alone takes at the same moment (the anchors: a hover
// that answers at once, and a 1 KB file read through workspace.fs); see test/web/firstHover.ts.
// `firstHoverAddedMs` is the median of the runs' first hover minus the longer anchor: what
// MedTerms added to it (an upper bound: the longer anchor stands for the workbench's whole part,
// which also holds the other's). On the example article, as built in dist/web/extension.js (`npm run build`: not minified, so if anything slower to
// load than the packaged build). It also times, in the same worker, the two ways to ship the
// knowledge base: as data files read through vscode.workspace.fs (what the extension does) or
// inside a JavaScript file. After each window, the desktop anchor: the same first hover in a
// fresh Node process (scripts/bench/activation.mjs: load the core, read and load the knowledge
// base, analyse the article, render the card), so that the web figure can be stated as a ratio
// to work measured under the same load (this machine is shared and noisy). Prints one JSON
// object: the median of each figure and every run's figures.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureRuntime } from '../setup-vscode-runtime.mjs';
import { freePort } from '../lib/code-server.mjs';
import { buildWebBundle, runInBrowser, startWebServer } from '../lib/web-host.mjs';

const runs = Number(process.argv[2]) || 5;
const runtime = await ensureRuntime({ server: false, web: true });
const repo = runtime.repoRoot;
if (!fs.existsSync(path.join(repo, 'dist/web/extension.js'))) throw new Error('dist/web/extension.js is missing: run `npm run build` first');
const entry = await buildWebBundle(repo, 'test/web/firstHover.ts', 'out/web-bench/firstHover.js');
// The alternative: the data files as string literals of one CommonJS module.
const read = (f) => fs.readFileSync(path.join(repo, f), 'utf8');
fs.writeFileSync(path.join(repo, 'out/web-bench/kb-bundled.js'), `module.exports = { entries: ${JSON.stringify(read('data/kb.json'))}, terms: ${JSON.stringify(read('data/kb-terms.tsv'))} };\n`);
// And copies of the files as they ship, at an address the window has not read (and cached) yet.
fs.mkdirSync(path.join(repo, 'out/web-bench/data'), { recursive: true });
for (const f of ['data/kb.json', 'data/kb-terms.tsv']) fs.copyFileSync(path.join(repo, f), path.join(repo, 'out/web-bench', f));
fs.writeFileSync(path.join(repo, 'out/web-bench/anchor.txt'), 'anchor\n'.repeat(146));
// The core for the desktop anchor, built as scripts/bench/run.mjs builds it.
const core = path.join(repo, 'out/web-bench/core.cjs');
await esbuild.build({ entryPoints: [path.join(repo, 'src/core/index.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'es2022', minify: true, mainFields: ['module', 'main'], outfile: core, logLevel: 'warning' });
const nodeFirstHoverMs = () =>
  JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, 'activation.mjs'), core, ...['data/kb.json', 'data/kb-terms.tsv', 'examples/numbness-in-hands.md'].map((f) => path.join(repo, f))], { encoding: 'utf8' })).firstHoverMs;

const results = [];
for (let i = 0; i < runs; i++) {
  const port = await freePort();
  const server = await startWebServer({ runtime, port, extension: repo, tests: entry, folder: path.join(repo, 'examples') });
  try {
    let line;
    const { code, log } = await runInBrowser({ runtime, url: `http://127.0.0.1:${port}/`, timeoutMs: 120_000, onReport: (l) => (line = l) });
    if (code !== 0 || !line) throw new Error(`web bench run failed (exit ${code}); browser console:\n${log.slice(-20).join('\n')}`);
    results.push({ ...JSON.parse(line), nodeFirstHoverMs: Math.round(nodeFirstHoverMs() * 10) / 10 });
  } finally {
    server.close();
    server.closeAllConnections?.();
  }
}
/** What MedTerms added to a run's first hover: beyond the longer of what the workbench alone took at that moment. */
const added = (r) => Math.round((r.firstHoverMs - Math.max(r.anchorHoverMs, r.anchorReadMs)) * 10) / 10;
const median = (pick) => results.map(pick).sort((a, b) => a - b)[results.length >> 1];
console.log(
  JSON.stringify({
    runs: results.length,
    activationMs: median((r) => r.activationMs),
    firstHoverMs: median((r) => r.firstHoverMs),
    anchorHoverMs: median((r) => r.anchorHoverMs),
    anchorReadMs: median((r) => r.anchorReadMs),
    firstHoverAddedMs: median(added),
    nodeFirstHoverMs: median((r) => r.nodeFirstHoverMs),
    firstHoverAddedToNode: median((r) => Math.round((added(r) / r.nodeFirstHoverMs) * 10) / 10),
    warmHoverMs: median((r) => r.warmHoverMs),
    cardFound: results.every((r) => r.cardFound && r.anchorFound),
    data: { workspaceFsMs: median((r) => r.data.workspaceFsMs), bundledInJsMs: median((r) => r.data.bundledInJsMs), chars: results[0].data.chars },
    bundleKB: Math.round(fs.statSync(path.join(repo, 'out/web-bench/kb-bundled.js')).size / 102.4) / 10,
    each: results,
  }),
);
process.exit(0);
