#!/usr/bin/env node
// Lists the entries of data/kb.json that have no plain-language definition yet and that a
// patient-education writer is likely to meet, most likely first:
//   - every entry made or changed by data/manual/separate-concepts.json (the sign and the
//     condition it was kept out of), marked "separated";
//   - every other entry with sayInstead wording or a lay term.
// The order is a rough guess at how often patient education names the entry, from the data
// alone: separated signs first, then entries with hand-written lay words (data/manual), then
// by a score for MeSH headings, ICD-10-CM codes, entries that others relate to, and lay terms
// made of common words (data/manual/common-words.txt). Read it as a to-do list, not a ranking
// of importance.
//   node scripts/kb-undefined.mjs [--all] [--tsv]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const json = (rel) => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));
const kb = json('data/kb.json');
const separated = json('data/manual/separate-concepts.json').separateConcepts;
const layOverlay = json('data/manual/lay-terms.json').layTerms;
const defsDir = path.join(root, 'data/manual/definitions');
const records = readdirSync(defsDir).filter((f) => f.endsWith('.json')).flatMap((f) => json(`data/manual/definitions/${f}`).definitions);
const common = new Set(
  readFileSync(path.join(root, 'data/manual/common-words.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean),
);
const args = new Set(process.argv.slice(2));

const codesOf = (e) => Object.values(e.codes ?? {}).flat();
const byCode = new Map();
for (const e of kb.entries) for (const c of codesOf(e)) byCode.set(c, e);
const incoming = new Map();
for (const e of kb.entries) for (const r of e.related ?? []) incoming.set(r, (incoming.get(r) ?? 0) + 1);

const sepSign = new Map(separated.map((s) => [byCode.get(s.id)?.id, s]));
const sepCondition = new Map(separated.map((s) => [byCode.get(s.from)?.id, s]));
const handLay = new Set([
  ...layOverlay.map((l) => byCode.get(l.target)?.id ?? l.target),
  ...records.filter((r) => r.layTerms?.length || r.sayInstead).map((r) => byCode.get(r.target)?.id),
]);
const everyday = (t) => (t.toLowerCase().match(/[a-z]+/g) ?? []).every((w) => common.has(w) || common.has(w.replace(/e?s$/, '')));

const rows = [];
for (const e of kb.entries) {
  if (e.definition) continue;
  const sep = sepSign.has(e.id) ? 'separated sign' : sepCondition.has(e.id) ? 'separated from' : '';
  const lay = e.layTerms ?? [];
  if (!sep && !lay.length && !e.sayInstead) continue;
  let score = 0;
  if (sepSign.has(e.id)) score += 100;
  else if (sep) score += 50;
  if (handLay.has(e.id)) score += 20;
  if (e.sayInstead) score += 10;
  if (/^D/.test(e.codes?.mesh ?? '')) score += 4;
  if (e.codes?.icd10cm) score += 2;
  score += Math.min(incoming.get(e.id) ?? 0, 5);
  score += 3 * lay.filter(everyday).length;
  rows.push({ score, id: e.id, kind: e.kind, name: e.name, codes: codesOf(e).filter((c) => /^(DOID|HP|SYMP):/.test(c)).join(' '), sep, lay: lay.join('; ') });
}
rows.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
const shown = args.has('--all') ? rows : rows.slice(0, 150);
for (const r of shown) {
  const cols = [r.score, r.kind, r.id, r.codes, r.name, r.sep, r.lay];
  console.log(args.has('--tsv') ? cols.join('\t') : `${String(r.score).padStart(3)}  ${r.kind.padEnd(9)} ${r.codes.padEnd(26)} ${r.name}${r.sep ? `  [${r.sep}]` : ''}${r.lay ? `  — ${r.lay}` : ''}`);
}
console.error(`${rows.length} entries without a definition (${rows.filter((r) => r.sep).length} made or changed by separate-concepts.json)${shown.length < rows.length ? `; first ${shown.length} shown, --all for every one` : ''}`);
