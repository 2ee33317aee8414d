#!/usr/bin/env node
// Prints the Flesch-Kincaid and SMOG grade of each argument (or of each line of stdin), using
// the project's own readability code, so writers can check a definition before committing it.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const out = buildSync({ entryPoints: [new URL('../src/core/readability/readability.ts', import.meta.url).pathname], bundle: true, format: 'cjs', platform: 'node', write: false });
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
const { fleschKincaidGrade, smogGrade } = mod.exports;

const texts = process.argv.length > 2 ? process.argv.slice(2) : readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const text of texts) {
  console.log(`FK ${fleschKincaidGrade(text).toFixed(1)}  SMOG ${smogGrade(text).toFixed(1)}  ${text}`);
}
