import { strict as assert } from 'node:assert';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { runCli } from '../../src/cli/cli';
import { parseKbFile, validateJson } from '../../src/core';
import { MAX_DEPTH, type JsonPath, type SchemaNode } from '../../src/core/kb/jsonSchema';
import { firstSyntaxError, locatePaths } from '../../src/core/kb/locate';
import { bundledLayer, repoText } from './helpers';

// A knowledge file nested thousands of levels deep used to overflow the stack (jsonc-parser's
// parseTree, JSON.stringify) and be reported as "cannot read the file" at line 1, its valid
// entries lost. Now the deep value is a problem at its own line and the rest of the file loads.

const DEPTH = 6000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"x":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

const DEEP_FILE = [
  '{',
  '  "entries": [',
  '    { "id": "good-one", "kind": "condition", "name": "goodterm" },',
  `    { "id": "bad", "kind": "condition", "name": "bad", "codes": ${deepArray} },`,
  `    { "id": "bad-two", "kind": "symptom", "name": "bad two", "synonyms": ${deepArray} },`,
  `    ${deepObject},`,
  '    { "id": "good-two", "kind": "symptom", "name": "other good" }',
  '  ],',
  `  "extra": ${deepArray}`,
  '}',
].join('\n');

describe('a knowledge file nested thousands deep', () => {
  it('loads its valid entries and reports each deep value at its own line', () => {
    const { kb, problems } = parseKbFile(DEEP_FILE, 'deep.json');
    assert.deepEqual(
      kb.entries.map((e) => e.id),
      ['good-one', 'good-two'],
    );
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`),
      [
        '4: error: entries[1].codes must be an object; this entry was not loaded.',
        '5: error: entries[2].synonyms[0] must be a string; this entry was not loaded.',
        '6: error: entries[3] is missing the required property "id"; this entry was not loaded.',
        '6: error: entries[3] is missing the required property "kind"; this entry was not loaded.',
        '6: error: entries[3] is missing the required property "name"; this entry was not loaded.',
        '6: error: entries[3].x has an unknown property "x"; this entry was not loaded.',
        '9: warning: extra has an unknown property "extra"; "extra" was ignored.',
      ],
    );
  });

  it('reports deep invalid JSON at the line of its first error, without throwing', () => {
    const unclosed = `{"entries": [\n${'['.repeat(DEPTH)}${']'.repeat(DEPTH - 1)}\n}`;
    assert.deepEqual(parseKbFile(unclosed, 'a.json').problems, [{ file: 'a.json', line: 3, column: 1, severity: 'error', message: 'not valid JSON (CommaExpected); nothing in this file was loaded.' }]);
    const missingComma = `{"entries": [\n${'['.repeat(DEPTH)}1\n2${']'.repeat(DEPTH)}]}`;
    assert.equal(parseKbFile(missingComma, 'b.json').problems[0].line, 3);
    assert.match(parseKbFile(missingComma, 'b.json').problems[0].message, /CommaExpected/);
  });

  it('stops validating past MAX_DEPTH levels with a problem, for a recursive schema', () => {
    const schema: SchemaNode = { $ref: '#/definitions/list', definitions: { list: { type: 'array', items: { $ref: '#/definitions/list' } } } };
    const violations = validateJson(JSON.parse(deepArray), schema);
    assert.equal(violations.length, 1);
    assert.equal(violations[0].path.length, MAX_DEPTH + 1);
    assert.equal(violations[0].message, `is nested more than ${MAX_DEPTH} levels deep`);
  });

  it('keeps messages short for a 5 MB value', () => {
    const { problems } = parseKbFile(JSON.stringify({ entries: [{ id: 'X'.repeat(5_000_000), kind: 'condition', name: 'x' }] }), 'big.json');
    assert.equal(problems.length, 1);
    assert.ok(problems[0].message.length < 300, problems[0].message.slice(0, 300));
    assert.match(problems[0].message, /^entries\[0\]\.id "X{80}"… \(5000000 characters\) does not match the pattern/);
  });

  it('the CLI loads the valid entries of a deep layer and exits 1 for the problems', () => {
    let out = '';
    let err = '';
    const status = runCli(['card', 'good-one', '--kb', 'deep.json'], {
      bundled: bundledLayer,
      readFile: () => DEEP_FILE,
      out: (t) => (out += t),
      err: (t) => (err += t),
      version: '0',
      today: () => '2026-06-01',
    });
    assert.equal(status, 1);
    assert.ok(!err.includes('cannot read'), err);
    assert.match(err, /^deep\.json:4:\d+: error: entries\[1\]\.codes must be an object/m);
    assert.match(out, /^### goodterm$/m);
  });
});

describe('locating JSON without recursion', () => {
  it('finds the same offsets as jsonc-parser for every path of the bundled knowledge base it samples', () => {
    const text = repoText('data/kb.json');
    const tree = parseTree(text)!;
    const entries = bundledLayer().kb.entries;
    const paths: JsonPath[] = [[], ['entries'], ['version'], ['sources', 0, 'url'], ['no-such-key'], ['entries', entries.length]];
    for (let i = 0; i < entries.length; i += 97) {
      paths.push(['entries', i], ['entries', i, 'id'], ['entries', i, 'name'], ['entries', i, 'codes'], ['entries', i, 'synonyms', 0]);
    }
    const expected = paths.map((p) => findNodeAtLocation(tree, p)?.offset);
    assert.deepEqual(locatePaths(text, paths), expected);
  });

  it('names the first syntax error as jsonc-parser does, for shallow texts', () => {
    const texts = ['', '{', '[', '{"a" 1}', '{"a": 1 "b": 2}', '[1 2]', '[1,]', '{"a": 1,}', '{1: 2}', '{"a": }', '[1]]', '[1] x', '{"a": [1, 2}', '[{"a": 1]', '"\\x"', '"abc', '[01]', '// c\n{}', '{"a": tru}', '[1, -]', '{"a":1}', '{"a"', '{"a":', '[1', '[1,', '{"a":1,', '{,}', '[,1]', ':', ']', '{"a":1:2}', '[1:2]', '{"a":{"b":1}', '[1e]', '["\\u12"]', '[.5]', '/* x', '{"a":[}', '{]'];
    for (const text of texts) {
      const errors: ParseError[] = [];
      parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
      const first = errors[0] && { offset: errors[0].offset, error: printParseErrorCode(errors[0].error) };
      assert.deepEqual(firstSyntaxError(text), first, JSON.stringify(text));
    }
  });
});
