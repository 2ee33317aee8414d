import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './helpers';

const CORE = path.join(ROOT, 'src', 'core');

/** Every TypeScript source under `dir` (declaration files aside), relative to src/core. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.relative(CORE, path.join(dir, e.name))] : [],
  );
}

/** The module specifiers a source imports or re-exports, statically or dynamically. */
function importsOf(file: string): string[] {
  return importsIn(readFileSync(path.join(CORE, file), 'utf8'));
}

function importsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4],
  );
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('the core’s boundaries', () => {
  const files = sources(CORE);

  it('reads every source of the core (a test that read none would pass)', () => {
    assert.ok(files.length >= 25, `${files.length} files`);
    assert.ok(importsOf('index.ts').length >= 20);
  });

  it('imports neither vscode nor a Node built-in anywhere under src/core', () => {
    const impure = files.flatMap((file) => importsOf(file).filter((spec) => spec === 'vscode' || spec.startsWith('vscode/') || NODE_BUILTINS.has(spec)).map((spec) => `${file}: ${spec}`));
    assert.deepEqual(impure, []);
  });

  it('keeps kb/ to types, schema and loading: it imports nothing above it', () => {
    const upward = files
      .filter((file) => file.startsWith(`kb${path.sep}`))
      .flatMap((file) => importsOf(file).filter((spec) => spec.startsWith('.') && !/^\.\/|^\.\.\/text$|^\.\.\/\.\.\/\.\.\/data\//.test(spec)).map((spec) => `${file}: ${spec}`));
    assert.deepEqual(upward, []);
  });

  it('the import scan finds what it should (it would catch an impure import)', () => {
    const probe = `import * as vscode from 'vscode';\nimport { readFileSync } from 'node:fs';\nexport { x } from '../match/x';\nconst p = import('path');\nimport 'fs';\nconst q = require('os');`;
    assert.deepEqual(importsIn(probe).sort(), ['../match/x', 'fs', 'node:fs', 'os', 'path', 'vscode']);
  });
});
