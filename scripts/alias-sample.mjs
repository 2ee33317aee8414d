#!/usr/bin/env node
// Draws a seeded random sample of aliases (synonyms, lay terms, say-instead wording) from the
// built knowledge base, for a blind check of the alias audit (issue 13): does each alias name the
// same concept as its card? The same seed always gives the same sample of the same kb.json.
//
//   node scripts/alias-sample.mjs --seed 20261206 [--n 100] [--kb data/kb.json]
//
// Prints one JSON object a line: { seed, i, entry, name, kind, field, alias, definition }.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A small seeded generator (mulberry32): the sample depends on the seed only, not on Math.random. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every alias of the entries, in file order: each synonym, lay term and say-instead wording with its entry. */
export function aliasesOf(entries) {
  return entries.flatMap((e) => [
    ...(e.synonyms ?? []).map((alias) => ({ e, field: 'synonyms', alias })),
    ...(e.layTerms ?? []).map((alias) => ({ e, field: 'layTerms', alias })),
    ...(e.sayInstead ? [{ e, field: 'sayInstead', alias: e.sayInstead }] : []),
  ]);
}

/** `n` distinct aliases drawn without replacement (a partial Fisher-Yates shuffle driven by the seed). */
export function sampleAliases(entries, seed, n) {
  const all = aliasesOf(entries);
  const next = seededRandom(seed);
  const k = Math.min(n, all.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (all.length - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k);
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const seed = Number(arg('--seed', NaN));
  if (!Number.isInteger(seed)) throw new Error('usage: node scripts/alias-sample.mjs --seed <integer> [--n 100] [--kb data/kb.json]');
  const kb = JSON.parse(readFileSync(resolve(arg('--kb', 'data/kb.json')), 'utf8'));
  sampleAliases(kb.entries, seed, Number(arg('--n', 100))).forEach(({ e, field, alias }, i) =>
    console.log(JSON.stringify({ seed, i, entry: e.id, name: e.name, kind: e.kind, field, alias, definition: e.definition ?? null })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
