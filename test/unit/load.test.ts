import { strict as assert } from 'node:assert';
import { BUNDLED_KB, bundledLayer as loadBundled, KnowledgeBase, parseKbFile, TermIndex } from '../../src/core';
import { bundledLayer, repoText } from './helpers';

const entry = (id: string, extra = '') => `{ "id": "${id}", "kind": "condition", "name": "${id}"${extra} }`;

describe('knowledge-base loading', () => {
  it('loads the bundled knowledge base without problems', () => {
    assert.deepEqual(bundledLayer().problems, []);
    assert.ok(bundledLayer().kb.entries.length > 0);
  });

  it('reports invalid JSON with file and line, and loads nothing from that file', () => {
    const text = '{\n  "entries": [\n    { "id": "a", }\n  ]\n}';
    const { kb, problems } = parseKbFile(text, 'team.json');
    assert.deepEqual(kb.entries, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, 'team.json');
    assert.equal(problems[0].line, 3);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /not valid JSON/);
  });

  it('leaves out an entry that breaks the schema, naming its line, and loads the rest', () => {
    const text = ['{', '  "entries": [', `    ${entry('good')},`, `    ${entry('bad', ', "codes": { "icd10cm": "not a code" }')},`, `    ${entry('also-good')}`, '  ]', '}'].join('\n');
    const { kb, problems } = parseKbFile(text, 'team.json');
    assert.deepEqual(kb.entries.map((e) => e.id), ['good', 'also-good']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 4);
    assert.match(problems[0].message, /entries\[1\]\.codes\.icd10cm "not a code" does not match/);
  });

  it('reports unknown fields, wrong kinds, missing names and repeated ids', () => {
    const text = `{"entries": [\n${entry('a', ', "colour": "red"')},\n{ "id": "b", "kind": "disease", "name": "b" },\n{ "id": "c", "kind": "test" },\n${entry('a')}\n]}`;
    const { kb, problems } = parseKbFile(text, 'f.json');
    assert.deepEqual(kb.entries, []);
    assert.deepEqual(problems.map((p) => p.line), [2, 3, 4, 5]);
    assert.match(problems[0].message, /unknown property "colour"/);
    assert.match(problems[1].message, /kind must be one of/);
    assert.match(problems[2].message, /missing the required property "name"/);
    assert.match(problems[3].message, /repeats the id "a"/);
  });

  it('drops a broken top-level field with a warning but keeps the entries', () => {
    const { kb, problems } = parseKbFile(`{"sources": 3, "entries": [${entry('a')}]}`, 'f.json');
    assert.deepEqual(kb.entries.map((e) => e.id), ['a']);
    assert.equal(problems[0].severity, 'warning');
    assert.equal(kb.sources, undefined);
  });

  it('reports a file that is not a knowledge base at all', () => {
    for (const text of ['[]', '{"entries": {}}', '']) {
      const { kb, problems } = parseKbFile(text, 'f.json');
      assert.deepEqual(kb.entries, []);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0].severity, 'error');
    }
  });

  it('ignores a BOM', () => {
    assert.deepEqual(parseKbFile(`\uFEFF{"entries": [${entry('a')}]}`, 'f.json').problems, []);
  });

  it('loads the shipped files as the extension does: the same entries, with the prebuilt term index', () => {
    const layer = loadBundled(repoText(BUNDLED_KB.entries), repoText(BUNDLED_KB.terms));
    assert.deepEqual(layer.problems, []);
    assert.equal(layer.kb.entries.length, bundledLayer().kb.entries.length);
    const text = 'Numbness and tingling from carpal tunnel syndrome (CTS).';
    const prebuilt = new KnowledgeBase([layer]).termIndex.findTerms(text);
    assert.deepEqual(prebuilt, new KnowledgeBase([{ ...layer, termIndex: undefined }]).termIndex.findTerms(text));
    assert.equal(prebuilt.length, 4);
  });

  it('parses a shipped entry on its own, as a card needs it, identical to parsing the whole file', () => {
    const layer = loadBundled(repoText(BUNDLED_KB.entries), repoText(BUNDLED_KB.terms));
    const kb = new KnowledgeBase([layer]);
    const validated = bundledLayer().kb.entries;
    for (let i = 0; i < validated.length; i += 97) assert.deepEqual(kb.get(validated[i].id), validated[i]);
    assert.equal(kb.get('no-such-entry'), undefined);
    assert.equal(kb.version, bundledLayer().kb.version);
    assert.deepEqual(kb.entries, validated);
  });

  it('loads a bundled file that is not in the build line format by parsing it whole', () => {
    const kb = new KnowledgeBase([loadBundled(`{"version":"x","entries":[${entry('lupus')}]}`, TermIndex.fromEntries([]).toText())]);
    assert.equal(kb.get('lupus')?.name, 'lupus');
    assert.equal(kb.version, 'x');
  });

  it('rebuilds the term index, with a warning, when the shipped index is not one', () => {
    // The last is an earlier format, JSON: no longer an index.
    for (const terms of ['', 'lupus\t[["lupus","name"]]', '{"terms": [["lupus", [["lupus", "name"]]]], "prefixes": []}']) {
      const layer = loadBundled(`{"entries": [${entry('lupus')}]}`, terms);
      assert.equal(layer.termIndex, undefined, terms);
      assert.equal(layer.problems[0].file, BUNDLED_KB.terms);
      assert.equal(new KnowledgeBase([layer]).termIndex.findTerms('lupus').length, 1);
    }
  });

  it('lets a later layer replace an entry of an earlier one', () => {
    const base = { file: 'base', ...parseKbFile(`{"entries": [${entry('a')}, ${entry('b')}]}`, 'base') };
    const team = { file: 'team', ...parseKbFile(`{"entries": [{ "id": "a", "kind": "symptom", "name": "alpha" }]}`, 'team') };
    const kb = new KnowledgeBase([base, team]);
    assert.equal(kb.get('a')?.name, 'alpha');
    assert.equal(kb.entries.length, 2);
    assert.equal(kb.resolve('alpha')?.id, 'a');
  });
});
