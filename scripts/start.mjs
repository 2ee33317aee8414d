#!/usr/bin/env node
// `npm start`: runs MedTerms in a real VS Code (code-server, in the browser) on the
// examples/ folder, until Ctrl-C. Run after `npm run build` and setup-vscode-runtime.mjs
// (npm start does both).
//
// How the unpackaged extension is loaded: a fresh --extensions-dir holding a symlink
// `<publisher>.<name>-<version>` -> the repo. VS Code scans that dir and treats the repo as
// an installed extension, so the plain URL works in any browser and a window reload picks
// up a rebuilt dist/. Verified with a throwaway extension: it activated in the Node
// extension host and its hover showed up in the editor. (The alternative, the
// extensionDevelopmentPath `payload`, needs the smoke-test-driver option and a URL that
// only our own tooling builds; code-server has no server-side extensionDevelopmentPath,
// and --install-extension takes only ids or .vsix files.)
//
// The file to show first is opened through the workbench's `openFile` payload entry,
// which (unlike extensionDevelopmentPath) needs no special option.
//
// When a desktop VS Code (`code`) is on the PATH, it first offers to open the article there
// instead (as a development extension: `code --extensionDevelopmentPath=...`), which needs no
// code-server at all; without a terminal to ask in, it prints that command and goes on.
//
// Options (defaults in brackets), mainly for trying the script on another extension:
//   --extension=DIR [repo root]  --folder=DIR [examples/]  --open=FILE [examples/numbness-in-hands.md]
//   --browser: do not offer the desktop VS Code
// Environment: PORT [8080; a free port is used when it is taken].

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { ensureRuntime } from './setup-vscode-runtime.mjs';
import { encodePath, freePort, portIsFree, remoteUri, startCodeServer, tail, waitHealthy } from './lib/code-server.mjs';

const log = (msg) => console.log(`[start] ${msg}`);

function option(name, fallback) {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  return path.resolve(arg ? arg.slice(prefix.length) : fallback);
}

/** The first `code` executable on the PATH: a desktop VS Code (code-server's is `code-server`). */
function desktopCode() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir || '.', 'code');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Offers to open the article in the desktop VS Code on the PATH instead; true when it did. Asks
 * only in a terminal; elsewhere it prints the command and the browser build starts as usual.
 */
async function openedInDesktop(extDir, folder, openFile) {
  const code = process.argv.includes('--browser') ? undefined : desktopCode();
  if (!code) return false;
  const args = [`--extensionDevelopmentPath=${extDir}`, folder, ...(fs.existsSync(openFile) ? [openFile] : [])];
  log(`a desktop VS Code is on your PATH (${code}); to use it instead: ${code} ${args.map((a) => JSON.stringify(a)).join(' ')}`);
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('[start] Open the example article there instead of VS Code in the browser? [y/N] ');
  prompt.close();
  if (!/^y/i.test(answer.trim())) return false;
  spawn(code, args, { stdio: 'inherit', detached: true }).unref();
  log('opened in the desktop VS Code (the MedTerms window is marked [Extension Development Host])');
  return true;
}

async function main() {
  const repoRoot = path.resolve(import.meta.dirname, '..');
  const extDir = option('extension', repoRoot);
  const folder = option('folder', path.join(repoRoot, 'examples'));
  const openFile = option('open', path.join(folder, 'numbness-in-hands.md'));
  if (await openedInDesktop(extDir, folder, openFile)) return;
  const runtime = await ensureRuntime();

  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
  const extId = `${manifest.publisher}.${manifest.name}`;
  if (manifest.main && !fs.existsSync(path.join(extDir, manifest.main))) {
    log(`WARNING: ${manifest.main} does not exist in ${extDir}; run \`npm run build\` first (npm start does).`);
  }
  if (!fs.existsSync(folder)) fs.mkdirSync(folder, { recursive: true });

  // Fresh state every time: a stale extensions cache could hide a version bump or rebuild.
  // Kept under .vscode-runtime/ (not /tmp) so the log survives for a look after a crash;
  // one dir per run so that two `npm start`s do not clash.
  fs.mkdirSync(runtime.runtimeDir, { recursive: true });
  const stateDir = fs.mkdtempSync(path.join(runtime.runtimeDir, 'start-'));
  const extensionsDir = path.join(stateDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.symlinkSync(extDir, path.join(extensionsDir, `${extId}-${manifest.version}`), 'dir');

  const wanted = Number(process.env.PORT) || 8080;
  let port = wanted;
  if (!(await portIsFree(wanted))) {
    port = await freePort();
    log(`port ${wanted} is in use; using ${port} instead`);
  }

  const logFile = path.join(stateDir, 'code-server.log');
  log(`starting code-server ${runtime.codeServerVersion} with ${extId} from ${extDir} (log: ${logFile})`);
  const server = startCodeServer({
    runtime,
    port,
    stateDir,
    extensionsDir,
    env: process.env,
    // Folder positional = the folder a plain http://127.0.0.1:PORT/ opens.
    extraArgs: [folder],
    logFile,
  });

  let stopping = false;
  let ready = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    server.killGroup('SIGTERM');
    setTimeout(() => {
      server.killGroup('SIGKILL');
      if (code === 0) fs.rmSync(stateDir, { recursive: true, force: true });
      else log(`kept ${stateDir} for inspection`);
      process.exit(code);
    }, 500);
  };
  process.on('exit', () => server.killGroup('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      log('stopping code-server');
      stop(0);
    });
  }
  server.child.on('exit', (code, signal) => {
    if (stopping || !ready) return; // before /healthz answers, waitHealthy reports it
    log(`code-server exited unexpectedly (${code ?? signal}); last log lines:\n${tail(logFile)}`);
    stop(1);
  });

  try {
    await waitHealthy(port, server);
  } catch (err) {
    log(`FAILED: ${err.message}`);
    stop(1);
    return;
  }
  ready = true;

  let url = `http://127.0.0.1:${port}/?folder=${encodePath(folder)}`;
  if (fs.existsSync(openFile)) {
    url += `&payload=${encodeURIComponent(JSON.stringify([['openFile', remoteUri(port, openFile)]]))}`;
  }
  console.log('');
  console.log(`MedTerms is running: open ${url}`);
  console.log(`  (or just http://127.0.0.1:${port}/ for the ${path.basename(folder)} folder)`);
  console.log('  Press Ctrl-C to stop.');
  console.log('');
}

main().catch((err) => {
  console.error(`[start] FAILED: ${err.message}`);
  process.exit(1);
});
