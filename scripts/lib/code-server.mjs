// Shared helpers for running code-server (the VS Code server + web UI installed by
// scripts/setup-vscode-runtime.mjs) from the test driver and from `npm start`.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Asks the kernel for an unused 127.0.0.1 port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True if `port` can be bound on 127.0.0.1 right now. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Encodes an absolute file path for use in a vscode-remote:// URI (keeps the slashes). */
export function encodePath(absPath) {
  return absPath.split('/').map(encodeURIComponent).join('/');
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: how the web workbench names files on the server. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${encodePath(absPath)}`;
}

/**
 * User settings for a fresh profile: no network-bound features (there is no network),
 * no AI chat panel or welcome pages taking space and logging noise.
 */
export const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

/**
 * Starts code-server on 127.0.0.1:port in its own process group (it spawns file
 * watchers, agent hosts, ... that would be orphaned by killing just its pid).
 * All state goes under `stateDir`, so nothing touches ~/.config/code-server or ~/.local.
 * stdout/stderr go to `logFile`. Returns { child, killGroup, logFile }.
 */
export function startCodeServer({ runtime, port, stateDir, extensionsDir, userDataDir, env, extraArgs = [], logFile }) {
  fs.mkdirSync(stateDir, { recursive: true });
  const configFile = path.join(stateDir, 'config.yaml');
  // Without --config, code-server writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(configFile, 'auth: none\n');
  userDataDir ??= path.join(stateDir, 'user-data');
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify(DEFAULT_SETTINGS, null, 2) + '\n');
  }
  const args = [
    runtime.codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir ?? path.join(stateDir, 'extensions'),
    ...extraArgs,
  ];
  const out = fs.openSync(logFile, 'a');
  const child = spawn(runtime.node, args, {
    detached: true, // own process group, see above
    stdio: ['ignore', out, out],
    // code-server lets $PORT override --bind-addr; the caller has already chosen the port.
    env: { ...env, PORT: undefined },
  });
  fs.closeSync(out);

  let dead = false;
  child.on('exit', () => (dead = true));
  const killGroup = (signal = 'SIGTERM') => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // group already gone
    }
  };
  return { child, killGroup, logFile, isDead: () => dead };
}

/** Polls /healthz until code-server answers, it dies, or `timeoutMs` passes. */
export async function waitHealthy(port, server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.isDead()) throw new Error(`code-server exited during startup (log: ${server.logFile})\n${tail(server.logFile)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not become healthy within ${timeoutMs / 1000} s (log: ${server.logFile})\n${tail(server.logFile)}`);
}

/** Last `n` lines of a file, for error messages. */
export function tail(file, n = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Chromium flags for headless use in a container without network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', // running as root in a container
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
