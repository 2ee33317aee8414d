// The files the build writes: data/kb.json (one entry per line, after a header with the
// version and sources: src/core/bundled.ts reads entries lazily by that layout), its
// prebuilt term index data/kb-terms.tsv, and the writing itself. The version is a hash of the
// content, so the same inputs always give the same version and byte-identical files.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { core } from '../lib/core.mjs';

/**
 * data/kb.json's text, and its version, for the final entries `out`, the contextual
 * abbreviations (those no entry ships are left out) and the source attributions.
 */
export function renderKb(out, contextual, sources, mondoVersion) {
  const body = { contextualAbbreviations: [...contextual].filter((a) => out.some((e) => e.abbreviations?.includes(a))).sort(), entries: out };
  const hash = createHash('sha256').update(JSON.stringify({ sources, ...body })).digest('hex').slice(0, 12);
  const version = `sources-${mondoVersion}+${hash}`;
  const lines = ['{', `  "$schema": "./schema/kb.schema.json",`, `  "version": ${JSON.stringify(version)},`, '  "sources": ['];
  sources.forEach((s, i) => lines.push(`    ${JSON.stringify(s)}${i < sources.length - 1 ? ',' : ''}`));
  lines.push('  ],', `  "contextualAbbreviations": ${JSON.stringify(body.contextualAbbreviations)},`, '  "entries": [');
  out.forEach((e, i) => lines.push(`    ${JSON.stringify(e)}${i < out.length - 1 ? ',' : ''}`));
  lines.push('  ]', '}', '');
  const kbText = lines.join('\n');
  return { version, contextualAbbreviations: body.contextualAbbreviations, kbText };
}

/** The term index, built here once rather than by every editor at start-up (see TermIndex.toText). */
export function renderTermIndex(out, contextualAbbreviations) {
  return core.TermIndex.fromEntries(out, contextualAbbreviations).toText();
}

/** Writes each `[file, text]`, making its folder if needed. */
export function writeOutputs(files) {
  for (const [file, text] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
