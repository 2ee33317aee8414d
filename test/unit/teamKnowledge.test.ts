import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { addToLayer, cspellWords, KnowledgeBase, literalPattern, newTermEntry, parseKbFile, substitutionPairs, valeAccept, valeSubstitutionRule } from '../../src/core';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
// cspell-lib is ESM only; the tests compile to CommonJS, where `import()` would become `require`.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<typeof import('cspell-lib')>;

/** A workspace folder with a `.medterms/terms/team.json` and a Markdown file. */
function workspace(layer: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'medterms-ws-'));
  mkdirSync(path.join(dir, '.medterms', 'terms'), { recursive: true });
  writeFileSync(path.join(dir, '.medterms', 'terms', 'team.json'), JSON.stringify(layer, null, 2));
  writeFileSync(path.join(dir, 'doc.md'), 'Zorblaxitis and asthma were both mentioned.\n');
  return dir;
}

const run = (cwd: string, ...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

describe('team knowledge: CLI and export (issue 15)', () => {
  const layer = { entries: [{ id: 'zorblaxitis', kind: 'condition', name: 'zorblaxitis', sayInstead: 'zorb rash' }, { id: 'asthma', suppress: true }] };
  let dir: string;
  before(() => (dir = workspace(layer)));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .medterms/ of the current directory, or of --workspace DIR, as the editor does', () => {
    const ids = (out: string) => (JSON.parse(out) as { terms: { id: string }[] }).terms.map((t) => t.id);
    assert.deepEqual(ids(run(dir, 'scan', 'doc.md', '--json')), ['zorblaxitis']);
    assert.deepEqual(ids(run(ROOT, 'scan', path.join(dir, 'doc.md'), '--json', '--workspace', dir)), ['zorblaxitis']);
    const elsewhere = ids(run(ROOT, 'scan', path.join(dir, 'doc.md'), '--json'));
    assert.ok(elsewhere.includes('asthma') && !elsewhere.includes('zorblaxitis'), elsewhere.join());
  });

  it('export --cspell writes a words file and a dictionary definition that cspell uses', async function () {
    this.timeout(60000);
    const words = path.join(dir, 'out', 'medterms-words.txt');
    run(dir, 'export', '--cspell', words);
    const list = readFileSync(words, 'utf8').split('\n');
    assert.ok(list.includes('hemarthrosis') && list.includes('zorblaxitis'));
    const config = JSON.parse(readFileSync(`${words}.cspell.json`, 'utf8'));
    assert.deepEqual(config.dictionaries, ['medterms']);
    assert.equal(config.dictionaryDefinitions[0].path, './medterms-words.txt');

    const { getDefaultSettings, spellCheckDocument } = await importEsm('cspell-lib');
    const defaults = await getDefaultSettings();
    const text = 'Bleeding into a joint is hemarthrosis; blepharospasm is eyelid twitching; zorblaxitis is ours.\n';
    const flagged = async (settings: object) =>
      (await spellCheckDocument({ uri: `file://${dir}/doc.md`, text, languageId: 'markdown' }, { noConfigSearch: true }, { ...defaults, language: 'en', words: [], ...settings })).issues.map((i) => i.text);
    const without = await flagged({});
    assert.deepEqual(without, ['hemarthrosis', 'blepharospasm', 'zorblaxitis']);
    const definition = { ...config.dictionaryDefinitions[0], path: words };
    assert.deepEqual(await flagged({ dictionaryDefinitions: [definition], dictionaries: config.dictionaries }), []);
  });

  it('export --vale writes a vocabulary and a substitution style Vale reads', () => {
    const vale = path.join(dir, 'vale');
    run(dir, 'export', '--vale', vale);
    const accept = readFileSync(path.join(vale, 'config', 'vocabularies', 'MedTerms', 'accept.txt'), 'utf8').split('\n');
    assert.ok(accept.includes('zorblaxitis') && !accept.includes('asthma'));
    const rule = parse(readFileSync(path.join(vale, 'MedTerms', 'PlainLanguage.yml'), 'utf8')) as Record<string, unknown>;
    // Vale's documented keys of a substitution rule (vale.sh/docs/checks/substitution) and their types.
    const documented = new Set(['extends', 'message', 'level', 'link', 'ignorecase', 'nonword', 'swap', 'action', 'scope', 'vocab', 'capitalize', 'exceptions']);
    for (const key of Object.keys(rule)) assert.ok(documented.has(key), key);
    assert.equal(rule.extends, 'substitution');
    assert.ok(['suggestion', 'warning', 'error'].includes(rule.level as string));
    assert.equal((rule.message as string).match(/%s/g)?.length, 2);
    const swap = rule.swap as Record<string, string>;
    assert.equal(swap.zorblaxitis, 'zorb rash');
    assert.equal(swap.prognosis, 'outlook');
    assert.equal(swap.diabetics, 'people with diabetes');
    for (const [wrong, right] of Object.entries(swap)) {
      assert.equal(typeof right, 'string');
      assert.doesNotThrow(() => new RegExp(wrong), wrong);
    }
  });

  it('Vale patterns match their text literally; substitution keeps one suggestion per wording', () => {
    assert.equal(literalPattern('C. diff (infection)'), 'C\\. diff \\(infection\\)');
    assert.ok(new RegExp(`^${literalPattern('a+b [x]')}$`).test('a+b [x]'));
    const kb = new KnowledgeBase([{ file: 'k', ...parseKbFile(JSON.stringify({ entries: [{ id: 'x-y', kind: 'symptom', name: 'X+Y', sayInstead: 'plain' }] }), 'k') }]);
    assert.deepEqual(substitutionPairs(kb, [{ wrong: 'x+y', right: 'other' }, { wrong: 'z', right: 'zed' }]), [{ wrong: 'X+Y', right: 'plain' }, { wrong: 'z', right: 'zed' }]);
    assert.equal(valeAccept(kb), 'X\\+Y\n');
    assert.deepEqual(parse(valeSubstitutionRule([{ wrong: 'a', right: 'b' }, { wrong: 'a b', right: 'c' }])).swap, { 'a b': 'c', a: 'b' });
    const words = new KnowledgeBase([{ file: 'k', ...parseKbFile(JSON.stringify({ entries: [{ id: 's', kind: 'condition', name: 'Sjögren’s syndrome', abbreviations: ['SS'], synonyms: ['type 2 X'] }] }), 'k') }]);
    assert.equal(cspellWords(words), "SS\nSjögren's\nsyndrome\ntype\n");
  });

  it('adds a prefilled entry to a layer file, new or existing, keeping what is written', () => {
    const entry = newTermEntry('  Zorblax  Fever ', '2026-12-06');
    assert.equal(entry.id, 'zorblax-fever');
    assert.equal(entry.name, 'Zorblax Fever');
    const created = addToLayer(undefined, entry);
    assert.deepEqual(JSON.parse(created.text).entries, [entry]);
    assert.ok(created.text.slice(created.entryOffset).startsWith('{'));
    const existing = '{\n  // our terms\n  "entries": [\n    { "id": "a", "kind": "test", "name": "a" }\n  ]\n}\n';
    const extended = addToLayer(existing, { id: 'asthma', suppress: true });
    assert.ok(extended.text.includes('// our terms'));
    assert.ok(extended.text.slice(extended.entryOffset).startsWith('{'));
    assert.match(extended.text.slice(extended.entryOffset), /"suppress": true/);
    assert.equal(newTermEntry('ZBX', '2026-12-06').abbreviations?.[0], 'ZBX');
  });
});
