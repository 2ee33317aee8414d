#!/usr/bin/env node
// Runs a VS Code extension test suite in a real (Node) extension host, offline.
//
// No desktop VS Code can be downloaded here, so this stands in for the `code`
// executable that @vscode/test-electron would launch (via scripts/code-shim.sh):
//   1. start code-server (VS Code server + web UI, installed by setup-vscode-runtime.mjs),
//   2. open its workbench in headless Debian chromium through playwright-core — the server
//      only starts an extension host once a client connects,
//   3. hand the workbench extensionDevelopmentPath/extensionTestsPath through the `payload`
//      URL parameter, which the built workbench only honours with the smoke-test-driver
//      option (otherwise it is silently ignored and nothing runs),
//   4. the workbench runs the test module and reports the exit code through
//      window.codeAutomationExit, which we expose from the page.
//
// Accepts the argument style test-electron passes to an executable:
//   --extensionDevelopmentPath=DIR (repeatable)  --extensionTestsPath=MODULE  [FOLDER]
// All other flags (--no-sandbox, --user-data-dir=..., --disable-extensions, ...) are ignored:
// every run gets fresh temporary user-data and extensions dirs, so no other extension loads.
//
// Environment:
//   VSCODE_TEST_RESULT_FILE  file the mocha bootstrap appends its report to; printed at the
//                            end (created in the temp dir when unset). The extension host
//                            inherits code-server's environment, which is ours.
//   VSCODE_TEST_TIMEOUT_MS   overall limit for the run (default 300000 = 5 min).
//   VSCODE_TEST_VERBOSE=1    also echo the browser console (extension host logs land there).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureRuntime } from './setup-vscode-runtime.mjs';
import { CHROMIUM_ARGS, freePort, remoteUri, startCodeServer, tail, waitHealthy } from './lib/code-server.mjs';

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[vscode-tests] ${msg}`);
// Workbench log lines that say nothing about the extension under test (offline chat/agent features).
const NOISE = /No signed-in session|ChatModelSelection|AgentHost|AccountPolicyGate/;

function parseArgs(argv) {
  const devPaths = [];
  let testsPath;
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(extensionDevelopmentPath|extensionTestsPath)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (m[1] === 'extensionDevelopmentPath') devPaths.push(path.resolve(value));
      else testsPath = path.resolve(value);
    } else if (!a.startsWith('-')) {
      positionals.push(a);
    }
  }
  // Only an existing path can be the folder to open (guards against stray flag values).
  const folder = positionals.map((p) => path.resolve(p)).find((p) => fs.existsSync(p));
  for (const p of positionals) if (path.resolve(p) !== folder) log(`ignoring argument ${JSON.stringify(p)}`);
  return { devPaths, testsPath, folder };
}

async function main() {
  const { devPaths, testsPath, folder } = parseArgs(process.argv.slice(2));
  if (devPaths.length === 0 || !testsPath) {
    console.error('usage: run-vscode-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE [FOLDER]');
    return 2;
  }
  const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 300_000;
  const verbose = process.env.VSCODE_TEST_VERBOSE === '1';

  const runtime = await ensureRuntime();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-tests-'));
  const resultFile = process.env.VSCODE_TEST_RESULT_FILE || path.join(tmp, 'results.txt');
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  fs.writeFileSync(resultFile, ''); // a stale report must not pass for this run's
  const serverLog = path.join(tmp, 'code-server.log');

  const port = await freePort();
  log(`extension: ${devPaths.join(', ')}`);
  log(`tests:     ${testsPath}`);
  log(`folder:    ${folder ?? '(none)'}`);
  log(`starting code-server ${runtime.codeServerVersion} on 127.0.0.1:${port} (log: ${serverLog})`);
  const server = startCodeServer({
    runtime,
    port,
    stateDir: tmp,
    env: { ...process.env, VSCODE_TEST_RESULT_FILE: resultFile },
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    logFile: serverLog,
  });

  let browser;
  let finished = false;
  // The workbench log is noisy (failed gallery/telemetry lookups, ...): keep the tail and
  // show it only when the run produced no report, i.e. when it is needed to diagnose.
  const workbenchLog = [];
  const cleanup = async () => {
    if (finished) return;
    finished = true;
    await browser?.close().catch(() => {});
    server.killGroup('SIGTERM');
    // Give the group a moment to exit cleanly, then make sure nothing survives.
    await new Promise((r) => setTimeout(r, 500));
    server.killGroup('SIGKILL');
  };
  // Safety net for unexpected exits: never leave a server behind.
  process.on('exit', () => server.killGroup('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      log(`${sig} received, stopping`);
      await cleanup();
      process.exit(130);
    });
  }

  let code;
  try {
    await waitHealthy(port, server);
    log(`code-server healthy after ${elapsed()}; launching chromium`);

    browser = await chromium.launch({ executablePath: runtime.chromium, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();

    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = `[workbench:${type}] ${(Array.isArray(args) ? args : [args]).join(' ')}`;
      if (verbose) console.log(line);
      if (NOISE.test(line)) return;
      workbenchLog.push(line);
      if (workbenchLog.length > 80) workbenchLog.shift();
    });
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    page.on('crash', () => resolveExit(Promise.reject(new Error('browser page crashed'))));
    if (verbose) page.on('console', (msg) => console.log(`[browser:${msg.type()}] ${msg.text()}`));

    const payload = [
      ...devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(port, p)]),
      ['extensionTestsPath', remoteUri(port, testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    let url = `http://127.0.0.1:${port}/?`;
    if (folder) url += `folder=${encodeURIComponent(folder)}&`;
    url += `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    log(`workbench loaded after ${elapsed()}; waiting for the test run (limit ${timeoutMs / 1000} s)`);

    let timer;
    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for the tests to finish (set VSCODE_TEST_VERBOSE=1 to see the extension host log)`)),
        timeoutMs - (Date.now() - t0),
      );
    });
    try {
      code = await Promise.race([exited, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  } catch (err) {
    log(`ERROR: ${err.message}`);
    log(`last lines of the code-server log:\n${tail(serverLog)}`);
    code = 1;
  }

  const report = fs.existsSync(resultFile) ? fs.readFileSync(resultFile, 'utf8').trimEnd() : '';
  if (report) console.log(`\n${report}\n`);
  else log(`the test run wrote no report; last workbench log lines:\n${workbenchLog.join('\n') || '(none)'}`);
  await cleanup();
  log(`exit code ${code} after ${elapsed()}`);
  if (code === 0) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp} for inspection`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode-tests] FAILED: ${err.stack ?? err}`);
    process.exit(1);
  },
);
