#!/usr/bin/env node
// Cards worth hovering (issue 12): counts the recognised mentions in some Markdown files that
// lead to a card without a definition, and lists those entries with the words that lit them.
// By default it reads the example article and, when it is there, the dev evaluation passages
// (../shared/eval-dev/corpus); give files or folders to read others. Also lists the entries
// patient phrasing (data/manual/phrasing.json) leads to that have no definition.
//   node scripts/cards-undefined.mjs [--json] [FILE|DIR …]
// Exits 1 when a mention or a phrasing target leads to a card without a definition.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { core } from './lib/core.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const given = args.filter((a) => a !== '--json');
const defaults = [path.join(root, 'examples/numbness-in-hands.md'), path.join(root, '../shared/eval-dev/corpus')].filter((p) => existsSync(p));
const files = (given.length ? given : defaults).flatMap((p) =>
  statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(p, f)) : [p],
);

const layer = { file: 'data/kb.json', ...core.parseKbFile(readFileSync(path.join(root, 'data/kb.json'), 'utf8'), 'data/kb.json'), termIndex: core.TermIndex.fromText(readFileSync(path.join(root, 'data/kb-terms.tsv'), 'utf8')) };
const kb = new core.KnowledgeBase([layer]);

let mentions = 0;
const undefinedMentions = new Map(); // entry id -> words as written
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const hit of core.DocumentAnalysis.of(text).terms(kb.termIndex)) {
    mentions++;
    if (kb.get(hit.entryId)?.definition) continue;
    const words = undefinedMentions.get(hit.entryId) ?? [];
    words.push(text.slice(hit.start, hit.end));
    undefinedMentions.set(hit.entryId, words);
  }
}
const phrasing = JSON.parse(readFileSync(path.join(root, 'data/manual/phrasing.json'), 'utf8'));
const targetIds = phrasing.functions.flatMap((fn) => Object.entries(fn).filter(([sense, id]) => sense !== 'forms' && typeof id === 'string').map(([, id]) => id));
const phrasingTargets = [...new Set(targetIds)].filter((id) => kb.get(id) && !kb.get(id).definition);
const withoutDefinition = [...undefinedMentions.values()].reduce((n, words) => n + words.length, 0);

if (asJson) {
  console.log(JSON.stringify({ files: files.length, mentions, withoutDefinition, entries: Object.fromEntries(undefinedMentions), phrasingTargets }, null, 2));
} else {
  console.log(`${files.length} files, ${mentions} recognised mentions, ${withoutDefinition} lead to a card without a definition (${undefinedMentions.size} entries)`);
  for (const [id, words] of undefinedMentions) console.log(`  ${id}\t${words.length}\t${[...new Set(words)].slice(0, 4).join(' | ')}`);
  console.log(`phrasing targets without a definition: ${phrasingTargets.length}${phrasingTargets.length ? `: ${phrasingTargets.join(', ')}` : ''}`);
}
process.exitCode = withoutDefinition + phrasingTargets.length > 0 ? 1 : 0;
