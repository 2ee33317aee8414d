// What every step of the knowledge-base build shares: where the data lives, how a step fails,
// the order of entry kinds, and the small helpers (comparison, de-duplication, normalisation).
// Normalisation is the core's own (src/core/match/normalize.ts), so "the same term" in the
// build means the same thing as in the matcher.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { core } from '../lib/core.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = join(ROOT, 'data');
export const SRC = join(DATA, 'sources');
export const MANUAL = join(DATA, 'manual');

export const KIND_ORDER = ['condition', 'symptom', 'test', 'treatment', 'anatomy'];

/** A problem in the inputs: the build stops and prints its message, without a stack trace. */
export class BuildError extends Error {}
export const fail = (msg) => {
  throw new BuildError(msg);
};

export const { termKey } = core;
const { foldCase } = core;

/** An entry id made of a name: lower case, ASCII letters and digits, words joined by hyphens. */
export function slug(text) {
  return foldCase(text)
    .replace(/['’]s\b/g, 's')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
export const uniq = (xs) => [...new Set(xs)];

/** Orders entries by kind (conditions first), then by `key`. */
export const byKindThen = (key) => (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || cmp(key(a), key(b));
