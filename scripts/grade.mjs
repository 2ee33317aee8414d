#!/usr/bin/env node
// Prints the Flesch-Kincaid and SMOG grade of each argument (or of each line of stdin), using
// the project's own readability code, so writers can check a definition before committing it.
import { readFileSync } from 'node:fs';
import { core } from './lib/core.mjs';

const texts = process.argv.length > 2 ? process.argv.slice(2) : readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const text of texts) {
  console.log(`FK ${core.fleschKincaidGrade(text).toFixed(1)}  SMOG ${core.smogGrade(text).toFixed(1)}  ${text}`);
}
