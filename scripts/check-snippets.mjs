#!/usr/bin/env node
// Checks snippet files as a writer edits them: front matter against the schema, snippet syntax,
// knowledge-base ids in `terms`, and the reading grade (Flesch-Kincaid of the body at its
// defaults, list items read as sentences), which must be 8 or below. `--write-grade` records
// the computed grade in each file's `readingGrade` (the unit tests check it is up to date).
// Usage: node scripts/check-snippets.mjs [--write-grade] [FILE.md ...]   (default: data/snippets/*.md)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { core } from './lib/core.mjs';

const args = process.argv.slice(2);
const write = args.includes('--write-grade');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) files.push(...readdirSync('data/snippets').filter((f) => f.endsWith('.md')).map((f) => `data/snippets/${f}`));
const kb = core.parseKbFile(readFileSync('data/kb.json', 'utf8'), 'data/kb.json', { trusted: true }).kb;
const ids = new Set(kb.entries.map((e) => e.id));

let bad = 0;
for (const file of files) {
  let text = readFileSync(file, 'utf8');
  const { snippet, problems } = core.parseSnippet({ file, text });
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.message}`);
  if (!snippet) {
    bad++;
    continue;
  }
  const grade = core.snippetReadingGrade(snippet, core.fleschKincaidGrade);
  const words = core.snippetText(snippet).split(/\s+/).filter(Boolean).length;
  const issues = [];
  for (const id of snippet.terms) if (!ids.has(id)) issues.push(`unknown term id "${id}"`);
  if (grade > 8) issues.push(`reading grade ${grade} is above 8`);
  if (`${snippet.id}.md` !== file.split('/').pop()) issues.push(`file name should be ${snippet.id}.md`);
  if (write && snippet.readingGrade !== grade) {
    text = /^readingGrade:.*$/m.test(text) ? text.replace(/^readingGrade:.*$/m, `readingGrade: ${grade}`) : text.replace(/^(reviewDue:.*)$/m, `$1\nreadingGrade: ${grade}`);
    writeFileSync(file, text);
  }
  if (issues.length) bad++;
  console.log(`${issues.length ? 'FAIL' : 'ok  '} grade ${grade.toFixed(1)}  ${words} words  ${file}${issues.length ? `\n     ${issues.join('\n     ')}` : ''}`);
}
process.exitCode = bad ? 1 : 0;
