import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/cli';
import {
  BUNDLED_PLAIN_WORDS,
  bundledPlainWords,
  DocumentAnalysis,
  documentFindings,
  KnowledgeBase,
  knowledgeFileRole,
  namedKnowledgeFile,
  knowledgeLayers,
  parsePlainWordsLayer,
  plainWordsLayerSchema,
  validateJson,
  type StyleFinding,
} from '../../src/core';
import { bundledLayer, repoText, ROOT } from './helpers';

const FILE = '.medterms/jargon/team.json';

/** The bundled knowledge base with a team's jargon files (`jargon/<name>`) layered over it. */
function kbWith(...files: [name: string, text: string][]): KnowledgeBase {
  const team = knowledgeLayers(files.map(([name, text]) => ({ relative: `jargon/${name}`, file: `.medterms/jargon/${name}`, text })));
  return new KnowledgeBase([bundledLayer(), ...team]);
}

/** The general-jargon findings of `text` with `kb`'s rules, as the editor and `medterms check` find them. */
function jargon(kb: KnowledgeBase, text: string): StyleFinding[] {
  const analysis = DocumentAnalysis.of(text);
  const input = { text, hits: analysis.terms(kb.termIndex), headings: analysis.headings, prose: analysis.prose };
  return documentFindings(input, kb, { today: '2026-01-01' }, (group, err) => assert.fail(`${group}: ${String(err)}`)).filter((f) => f.rule === 'jargon');
}
const flagged = (kb: KnowledgeBase, text: string) => jargon(kb, text).map((f) => text.slice(f.start, f.end));

const TEAM = `{
  "$schema": "https://medterms.invalid/schema/jargon-layer.schema.json",
  "words": [
    { "term": "quarbify", "plain": "mix up", "source": "our style guide" },
    { "term": "prognosis", "plain": "what to expect" },
    { "term": "benign", "suppress": true }
  ]
}`;

describe('team jargon lists, .medterms/jargon/*.json (issue 15)', () => {
  it('adds a pair, overrides a bundled pair\'s wording, and suppresses one, in the rules the editor and check run', () => {
    const text = 'Do not quarbify the pills. The prognosis is good. The lump was benign.\n';
    assert.deepEqual(flagged(new KnowledgeBase([bundledLayer()]), text), ['prognosis', 'benign']);
    const kb = kbWith(['team.json', TEAM]);
    assert.deepEqual(kb.problems, []);
    const findings = jargon(kb, text);
    assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['quarbify', 'prognosis']);
    assert.deepEqual(findings.map((f) => f.fixes[0].replacement), ['mix up', 'what to expect']);
    // The override keeps the bundled fields it does not write.
    const prognosis = kb.plainWords.words.find((w) => w.term === 'prognosis');
    assert.deepEqual(prognosis, { ...BUNDLED_PLAIN_WORDS.words.find((w) => w.term === 'prognosis'), plain: 'what to expect' });
    assert.ok(!kb.plainWords.words.some((w) => w.term === 'benign'));
  });

  it('uses the bundled list itself when no layer has a jargon file', () => {
    assert.equal(new KnowledgeBase([bundledLayer()]).plainWords, bundledPlainWords());
  });

  it('applies later lists over earlier ones, in layer order, and adds context words', () => {
    const kb = kbWith(
      ['a.json', '{"words": [{"term": "titrate", "plain": "change the dose"}], "contexts": {"test-result": ["assay"]}}'],
      ['b.json', '{"words": [{"term": "titrate", "plain": "adjust the dose bit by bit"}, {"term": "reactive", "plain": "showing a reaction", "near": "test-result"}]}'],
    );
    assert.deepEqual(kb.problems, []);
    const text = 'Titrate slowly. The assay was reactive. Reactive people.\n';
    const findings = jargon(kb, text);
    assert.deepEqual(findings.map((f) => [text.slice(f.start, f.end), f.fixes[0].replacement]), [['Titrate', 'Adjust the dose bit by bit'], ['reactive', 'showing a reaction']]);
  });

  it('reports every problem at its line and column; the other words still load', () => {
    const text = '{"words": [\n  {"term": "Titrate", "plain": "x"},\n  {"term": "zorbify"},\n  {"term": "no-such-word", "suppress": true},\n  {"term": "okay word", "plain": "fine", "colour": "red"},\n  {"term": "good", "plain": "fine"},\n  {"term": "good", "plain": "again"}\n]}';
    const kb = kbWith(['team.json', text]);
    assert.deepEqual(
      kb.problems.map((p) => [p.file, p.line, p.column, p.severity]),
      [
        [FILE, 2, 12, 'error'],
        [FILE, 5, 52, 'error'],
        [FILE, 7, 12, 'error'],
        [FILE, 3, 3, 'error'],
        [FILE, 4, 12, 'warning'],
      ],
    );
    const messages = kb.problems.map((p) => p.message);
    assert.match(messages[0], /^words\[0\]\.term "Titrate" does not match the pattern .*; this word was not loaded\.$/);
    assert.match(messages[1], /unknown property "colour"/);
    assert.match(messages[2], /repeats the term "good" of an earlier word/);
    assert.match(messages[3], /"zorbify" is not in the bundled list .* needs its "plain" wording; this word was not loaded/);
    assert.match(messages[4], /suppresses "no-such-word", which is not in the bundled list/);
    assert.deepEqual(flagged(kb, 'Good news.\n'), ['Good']);
  });

  it('reports a file that is not JSON, or not a list of words, and loads nothing from it', () => {
    const broken = kbWith(['team.json', '{"words": [\n  {"term": "titrate",, }\n]}']);
    assert.deepEqual([broken.problems[0].line, broken.problems[0].column, broken.problems[0].severity], [2, 22, 'error']);
    assert.match(broken.problems[0].message, /not valid JSON/);
    const notWords = kbWith(['team.json', '{"entries": []}']);
    assert.match(notWords.problems.map((p) => p.message).join('\n'), /missing the required property "words"; nothing in this file was loaded/);
    assert.equal(notWords.plainWords.words.length, BUNDLED_PLAIN_WORDS.words.length);
  });

  it('reads a file a setting names on its own as its folder says: a JSON file in a jargon folder is a jargon list', () => {
    assert.deepEqual(
      ['/share/house/jargon/words.json', 'C:\\share\\jargon\\words.json', '/share/team.json', '/share/jargon/notes.md', '/share/consent.md', 'team.yaml'].map(namedKnowledgeFile),
      ['jargon/words.json', 'jargon/words.json', 'terms/team.json', 'snippets/notes.md', 'snippets/consent.md', 'terms/team.yaml'],
    );
  });

  it('reads jargon/*.json of a knowledge folder, each file a layer, and leaves other files there alone', () => {
    assert.deepEqual(knowledgeFileRole('jargon/team.json'), { kind: 'jargon' });
    assert.equal(knowledgeFileRole('jargon/team.yaml'), undefined);
    assert.equal(knowledgeFileRole('jargon/sub/team.json'), undefined);
    const layers = knowledgeLayers([
      { relative: 'jargon/b.json', file: 'B', text: '{"words": []}' },
      { relative: 'terms/t.json', file: 'T', text: '{"entries": []}' },
      { relative: 'jargon/a.json', file: 'A', text: '{"words": []}' },
    ]);
    assert.deepEqual(layers.map((l) => [l.file, l.plainWords !== undefined]), [['A', true], ['B', true], ['T', false]]);
  });

  it('data/schema/jargon-layer.schema.json is the schema the loader uses, contributed for .medterms/jargon/*.json', () => {
    const written = JSON.parse(repoText('data/schema/jargon-layer.schema.json'));
    assert.deepEqual(written, JSON.parse(JSON.stringify(plainWordsLayerSchema())));
    const pkg = JSON.parse(repoText('package.json'));
    const contributed = pkg.contributes.jsonValidation.find((v: { url: string }) => v.url === './data/schema/jargon-layer.schema.json');
    assert.deepEqual(contributed?.fileMatch, ['.medterms/jargon/*.json']);
    // The bundled list is a valid team list too: a team can start from a copy of it.
    assert.deepEqual(validateJson(JSON.parse(repoText('data/jargon/general.json')), written), []);
    assert.deepEqual(parsePlainWordsLayer(TEAM, FILE).problems, []);
  });
});

describe('team jargon lists in the CLI (issue 15)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'medterms-jargon-'));
    mkdirSync(path.join(dir, '.medterms', 'jargon'), { recursive: true });
    writeFileSync(path.join(dir, '.medterms', 'jargon', 'team.json'), TEAM);
    writeFileSync(path.join(dir, 'doc.md'), 'Do not quarbify the pills. The prognosis is good. The lump was benign.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const CLI = path.join(ROOT, 'dist', 'cli.js');
  const run = (...args: string[]) => {
    try {
      return execFileSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      return (e as { stdout: string }).stdout; // check exits 1 when it finds something
    }
  };

  it('medterms check --workspace flags what the team list says, with its wording', () => {
    const { findings } = JSON.parse(run('check', path.join(dir, 'doc.md'), '--json', '--workspace', dir)) as { findings: { rule: string; message: string; fixes: { replacement: string }[] }[] };
    const replacements = findings.filter((f) => f.rule === 'jargon').map((f) => f.fixes[0].replacement);
    assert.deepEqual(replacements, ['mix up', 'what to expect']);
  });

  it('medterms export --vale writes the merged pairs: the team\'s added and overridden, not the suppressed', () => {
    run('export', '--vale', path.join(dir, 'vale'));
    const swap = parse(readFileSync(path.join(dir, 'vale', 'MedTerms', 'PlainLanguage.yml'), 'utf8')).swap as Record<string, string>;
    assert.equal(swap.quarbify, 'mix up');
    assert.equal(swap.prognosis, 'what to expect');
    assert.equal(swap.benign, undefined);
    assert.equal(swap.malignant, 'cancerous'); // the bundled pairs the team left alone stay
  });
});

describe('CLI problems on standard error (issue 15)', () => {
  it('name file, line and column of a layer file\'s problem: file:line:column: severity: message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'medterms-col-'));
    try {
      mkdirSync(path.join(dir, '.medterms', 'terms'), { recursive: true });
      mkdirSync(path.join(dir, '.medterms', 'jargon'), { recursive: true });
      const terms = path.join(dir, '.medterms', 'terms', 'team.json');
      const words = path.join(dir, '.medterms', 'jargon', 'team.json');
      writeFileSync(terms, '{"entries": [\n  {"id": "ok", "kind": "condition", "name": "ok"},\n  {"id": "bad", "kind": "illness", "name": "bad"}\n]}');
      writeFileSync(words, '{"words": [\n  {"term": "zorbify"}\n]}');
      writeFileSync(path.join(dir, 'doc.md'), 'Nothing here.\n');
      let err = '';
      const status = runCli(['scan', 'doc.md', '--workspace', dir], {
        bundled: bundledLayer,
        readFile: (p) => readFileSync(path.resolve(dir, p), 'utf8'),
        readKnowledgeFolder: (folder) =>
          [terms, words].map((file) => ({ relative: path.relative(folder, file).split(path.sep).join('/'), file, text: readFileSync(file, 'utf8') })),
        joinPath: (...parts) => path.join(...parts),
        out: () => undefined,
        err: (t) => (err += t),
        version: '0',
        today: () => '2026-01-01',
      });
      assert.equal(status, 1);
      const lines = err.trim().split('\n');
      assert.equal(lines.length, 2, err);
      assert.ok(lines.includes(`${terms}:3:25: error: entries[1].kind must be one of "condition", "symptom", "test", "treatment", "anatomy"; this entry was not loaded.`), err);
      assert.ok(lines.some((l) => l.startsWith(`${words}:2:3: error: "zorbify" is not in the bundled list`)), err);
      // A problem without a column (a file that cannot be read) keeps file:line.
      let missing = '';
      runCli(['scan', 'no-such.md'], { bundled: bundledLayer, readFile: (p) => readFileSync(path.resolve(dir, p), 'utf8'), out: () => undefined, err: (t) => (missing += t), version: '0', today: () => '2026-01-01' });
      assert.match(missing, /^no-such\.md:1: error: cannot read the file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
