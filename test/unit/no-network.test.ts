import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { transformSync } from 'esbuild';
import { ROOT } from './helpers';

// No network, no telemetry: MedTerms works offline and sends nothing anywhere. This reads the
// bundles that ship (`npm run compile`, which `npm run test:unit` runs first, builds them) and
// fails if any can reach the network.
//
// What counts as a reference, precisely:
// - Comments do not: they cannot run, and the bundled libraries' comments mention such words
//   (markdown-it's and linkify-it's `import … from '…'` examples, say). esbuild re-prints each
//   bundle without comments before anything is looked for.
// - Every other occurrence does, strings included: `globalThis['fetch']` reaches the network
//   through a string. So a network global (`fetch`, `XMLHttpRequest`, `WebSocket`, …) or
//   telemetry API named anywhere in the code as a whole word fails the test.
// - Modules: every `require(…)` / `import(…)` / `from '…'` left in a bundle (the modules esbuild
//   did not bundle) must be on the allow-list below; a dynamic `require(name)` is not. The
//   network modules of Node (`http`, `https`, `http2`, `net`, `tls`, `dgram`, `dns`, with or
//   without `node:`) are named explicitly, so the message says why.
// URL strings such as `https://` in markdown-it's link validation, or the sources' own
// addresses, are text: they are not references.

const BUNDLES = ['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js'];

const NETWORK_GLOBALS = /\b(fetch|XMLHttpRequest|WebSocket|WebSocketStream|EventSource|WebTransport|RTCPeerConnection|sendBeacon|importScripts|createTelemetryLogger|TelemetryLogger|telemetry)\b/gi;
const NETWORK_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'ws', 'node-fetch', 'axios'].flatMap((m) => [m, `node:${m}`]));
/** What each bundle may leave to the runtime: VS Code's API, and (Node bundles) files, paths and the standard streams. */
const ALLOWED_MODULES: Record<string, readonly string[]> = {
  'dist/extension.js': ['vscode', 'buffer', 'process'],
  'dist/web/extension.js': ['vscode'],
  'dist/cli.js': ['buffer', 'process', 'node:fs', 'node:path'],
};

/** A bundle's code with every comment removed (esbuild re-prints it; the code is unchanged). */
function codeOf(bundle: string): string {
  return transformSync(readFileSync(path.join(ROOT, bundle), 'utf8'), { loader: 'js', minifyWhitespace: true, legalComments: 'none' }).code;
}

/** The modules a bundle loads at run time: each `require`, dynamic `import` or `from`, as written. */
function modulesOf(code: string): string[] {
  // After `from`, a specifier starts as a module name does (a letter, `@`, `.` or `/`): bundled
  // text that ends in the word (`"suffers from","suggest":…` in the person-first patterns) is not an import.
  const specifiers = [...code.matchAll(/\b(?:require|import)\s*\(\s*([^)]*)\)|\bfrom\s*("[\w@./][^"]*"|'[\w@./][^']*')/g)].map((m) => (m[1] ?? m[2]).trim());
  return [...new Set(specifiers)].map((s) => (/^(["'`])[^"'`]*\1$/.test(s) ? s.slice(1, -1) : `dynamic: ${s}`));
}

describe('no network, no telemetry', function () {
  this.timeout(120_000);

  before(() => {
    if (BUNDLES.some((b) => !existsSync(path.join(ROOT, b)))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  });

  for (const bundle of BUNDLES) {
    it(`${bundle} names no network or telemetry API and loads no network module`, () => {
      const code = codeOf(bundle);
      assert.ok(code.length > 100_000, 'the bundle was not read');
      const globals = [...new Set([...code.matchAll(NETWORK_GLOBALS)].map((m) => m[0]))];
      assert.deepEqual(globals, [], `${bundle} names ${globals.join(', ')}`);
      const modules = modulesOf(code);
      assert.deepEqual(
        modules.filter((m) => NETWORK_MODULES.has(m)),
        [],
        `${bundle} loads a network module`,
      );
      assert.deepEqual(modules.filter((m) => !ALLOWED_MODULES[bundle].includes(m)), [], `${bundle} loads a module not on the allow-list (add it only if it cannot reach the network)`);
    });
  }

  it('would catch a reference: the checks find fetch, https and a dynamic require in a sample', () => {
    const sample = transformSync('/* fetch( in a comment */ const a = globalThis["fetch"]; const h = require("node:https"); const x = require(name); const s = "https://example.org";', { loader: 'js', minifyWhitespace: true, legalComments: 'none' }).code;
    assert.deepEqual([...sample.matchAll(NETWORK_GLOBALS)].map((m) => m[0]), ['fetch']);
    assert.deepEqual(modulesOf(sample), ['node:https', 'dynamic: name']);
  });
});
