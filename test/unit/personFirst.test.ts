import { strict as assert } from 'node:assert';
import { finish, proseSpans, validateJson } from '../../src/core';
import type { SchemaNode } from '../../src/core/kb/jsonSchema';
import { personFirstFindingsSliced, PersonFirstWording, type PersonFirstFile } from '../../src/core/style/personFirst';
import { repoText } from './helpers';

function findings(text: string, list?: PersonFirstWording) {
  return finish(personFirstFindingsSliced(text, proseSpans(text), list));
}

function flagged(text: string): string[] {
  return findings(text).map((f) => text.slice(f.start, f.end));
}

describe('person-first wording', () => {
  describe('the bundled patterns', () => {
    const file = JSON.parse(repoText('data/style/person-first.json')) as PersonFirstFile;

    it('are valid against their schema', () => {
      const schema = JSON.parse(repoText('data/schema/person-first.schema.json')) as SchemaNode;
      assert.deepEqual(validateJson(file, schema), []);
    });

    it('cover the wording the issue names, each with a reason', () => {
      const texts = file.patterns.map((p) => p.text);
      for (const wanted of ['diabetics', 'epileptics', 'a schizophrenic', 'suffers from', 'victim of', 'afflicted with', 'wheelchair-bound', 'confined to a wheelchair', 'committed suicide', 'normal children']) {
        assert.ok(texts.includes(wanted), wanted);
      }
      assert.deepEqual(file.patterns.filter((p) => p.reason.length < 20), []);
    });
  });

  it('flags a label with its rewrite, reason and quick fix', () => {
    const text = 'Many diabetics check their feet.';
    const [finding] = findings(text);
    assert.equal(finding.rule, 'person-first');
    assert.deepEqual([finding.start, finding.end], [5, 14]);
    assert.match(finding.message, /^“diabetics”: consider “people with diabetes”\. .*person-first/);
    assert.deepEqual(finding.fixes, [{ title: 'Replace with “people with diabetes”', start: 5, end: 14, replacement: 'people with diabetes' }]);
  });

  it('capitalises the rewrite at a sentence start', () => {
    assert.equal(findings('Epileptics can drive in some places.')[0].fixes[0].replacement, 'People with epilepsy');
  });

  it('flags the phrases of the issue, with a hyphen, a line break or other casing', () => {
    assert.deepEqual(flagged('She suffers from migraine. He is wheelchair-bound. They were confined to a\nwheelchair.'), ['suffers from', 'wheelchair-bound', 'confined to a\nwheelchair']);
    assert.deepEqual(flagged('He Committed Suicide in 2001. A victim of stroke.'), ['Committed Suicide', 'victim of']);
  });

  it('offers no quick fix where the rewrite needs the writer', () => {
    assert.deepEqual(findings('He is a victim of stroke.')[0].fixes, []);
  });

  it('flags a noun use of a label, not an adjective', () => {
    assert.deepEqual(flagged('She is a diabetic. He is a diabetic who runs.'), ['a diabetic', 'a diabetic']);
    assert.deepEqual(flagged('Follow a diabetic diet. An epileptic seizure is brief.'), []);
  });

  it('leaves plain, respectful wording alone', () => {
    assert.deepEqual(flagged('People with diabetes check their feet. She has epilepsy and uses a wheelchair. He died by suicide. Normal blood pressure is below 120.'), []);
  });

  it('never reads code, URLs or anchors', () => {
    assert.deepEqual(flagged('Run `diabetics` here. See <https://example.org/diabetics> and {#diabetics}.'), []);
  });

  it('reads patterns of its own', () => {
    const list = new PersonFirstWording({ patterns: [{ text: 'the sick', suggest: 'people who are ill', reason: 'Name people, not a trait.' }] });
    assert.deepEqual(findings('Care for the sick.', list).map((f) => f.fixes[0].replacement), ['people who are ill']);
  });
});
