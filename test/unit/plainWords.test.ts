import { strict as assert } from 'node:assert';
import { DocumentAnalysis, finish, validateJson, type Entry } from '../../src/core';
import type { SchemaNode } from '../../src/core/kb/jsonSchema';
import { bundledPlainWords, NEAR_WORDS, plainWordFindingsSliced, PlainWords, type PlainWordsFile } from '../../src/core/style/plainWords';
import { startTest } from '../../src/core/style/wordings';
import { kbOf, repoText } from './helpers';

const entries: Entry[] = [
  { id: 'acute-bronchitis', kind: 'condition', name: 'acute bronchitis', sayInstead: 'chest cold' },
  { id: 'lupus', kind: 'condition', name: 'lupus' },
];
const kb = kbOf(entries);

function findings(text: string, list?: PlainWords) {
  const analysis = DocumentAnalysis.of(text);
  return finish(plainWordFindingsSliced({ text, prose: analysis.prose, hits: analysis.terms(kb.termIndex) }, list));
}

/** The flagged wording of each finding. */
function flagged(text: string, list?: PlainWords): string[] {
  return findings(text, list).map((f) => text.slice(f.start, f.end));
}

describe('general medical jargon (plain words)', () => {
  describe('the bundled list', () => {
    const file = JSON.parse(repoText('data/jargon/general.json')) as PlainWordsFile;

    it('is valid against its schema', () => {
      const schema = JSON.parse(repoText('data/schema/plain-words.schema.json')) as SchemaNode;
      assert.deepEqual(validateJson(file, schema), []);
    });

    it('has at least 300 pairs, each term once, each plain wording different from its term', () => {
      assert.ok(file.words.length >= 300, `${file.words.length} pairs`);
      const terms = file.words.map((w) => w.term);
      assert.deepEqual(terms.filter((t, i) => terms.indexOf(t) !== i), []);
      assert.deepEqual(file.words.filter((w) => w.plain.toLowerCase() === w.term), []);
    });

    it('names a context list for every word that needs one', () => {
      for (const w of file.words) if (w.near) assert.ok(file.contexts?.[w.near], w.term);
    });
  });

  it('flags a general word with the plain wording, both fixes and the jargon rule', () => {
    const text = 'Your prognosis is good.';
    assert.deepEqual(findings(text), [
      {
        rule: 'jargon',
        start: 5,
        end: 14,
        message: '“prognosis” is medical jargon; readers may know it as “outlook”.',
        fixes: [
          { title: 'Replace with “outlook”', start: 5, end: 14, replacement: 'outlook' },
          { title: 'Explain: prognosis (outlook)', start: 5, end: 14, replacement: 'prognosis (outlook)' },
        ],
      },
    ]);
  });

  it('capitalises the replacement at a sentence start and names formal words as such', () => {
    const [finding] = findings('Commence the cream at night.');
    assert.equal(finding.message, '“Commence” is a formal word; readers may find “start” plainer.');
    assert.equal(finding.fixes[0].replacement, 'Start');
  });

  it('finds phrases across a line break, and the longest phrase first', () => {
    assert.deepEqual(flagged('Take it prior\nto meals. A false positive test can worry you.'), ['prior\nto', 'false positive']);
  });

  it('flags each word once, at its first use', () => {
    assert.deepEqual(flagged('The prognosis varies. Ask about your prognosis.'), ['prognosis']);
  });

  it('leaves a word alone where it is explained: in brackets or after a naming cue', () => {
    assert.deepEqual(flagged('Your prognosis (outlook) is good.'), []);
    assert.deepEqual(flagged('Ask a neurologist (a nerve doctor).'), []);
    assert.deepEqual(flagged('Doctors call the outlook the prognosis, also known as prognosis.'), ['prognosis']);
    assert.deepEqual(flagged('The outlook, known as prognosis, is good.'), []);
    assert.deepEqual(flagged('Check your blood glucose, or blood sugar, each day.'), []);
  });

  it('leaves a word capitalised in mid-sentence alone: it is part of a name', () => {
    assert.deepEqual(flagged('Ask the Institute of Allergy and Infectious Diseases.'), []);
    assert.deepEqual(flagged('Ask about infectious diseases. Infectious diseases spread.'), ['infectious']);
    assert.deepEqual(flagged('- Infectious diseases spread.'), ['Infectious']);
  });

  it('flags positive and negative only near a test or result word, in the same sentence', () => {
    assert.deepEqual(flagged('The test came back positive.'), ['positive']);
    assert.deepEqual(flagged('A negative result means no infection was found.'), ['negative']);
    assert.deepEqual(flagged('Stay positive and rest. A negative mood is common.'), []);
    assert.deepEqual(flagged('We ran a test. Positive thinking helps.'), []);
    const far = `The test ${'word '.repeat(NEAR_WORDS)}positive.`;
    assert.deepEqual(flagged(far), []);
  });

  it('flags an adjective only before a word, and not as part of a term it names', () => {
    assert.deepEqual(flagged('It can cause acute pain.'), ['acute']);
    assert.deepEqual(flagged('The pain is acute.'), []);
    assert.deepEqual(flagged('Neonatal lupus is rare.'), []);
  });

  it('never flags words inside a knowledge-base term, code, a link, a URL or an anchor', () => {
    assert.deepEqual(flagged('Acute bronchitis passes.'), []);
    assert.deepEqual(flagged('Write `prognosis` in code.\n\n```\nprognosis\n```\n'), []);
    assert.deepEqual(flagged('See [the prognosis page](https://example.org/prognosis) and <https://example.org/prognosis>.'), []);
    assert.deepEqual(flagged('## Outlook {#prognosis}\n\nSee #prognosis.'), []);
  });

  it('reads a list of its own (an organisation’s file)', () => {
    const list = new PlainWords({ words: [{ term: 'pyrexia', plain: 'fever' }, { term: 'prognosis', plain: 'outlook', replace: false }] });
    const result = findings('Pyrexia and a prognosis.', list);
    assert.deepEqual(result.map((f) => f.fixes.map((fix) => fix.replacement)), [['Fever', 'Pyrexia (fever)'], ['prognosis (outlook)']]);
  });

  it('bundles the list for the rule to use', () => {
    assert.equal(bundledPlainWords().words.length, (JSON.parse(repoText('data/jargon/general.json')) as PlainWordsFile).words.length);
  });
});

describe('startTest', () => {
  it('tells whether a span starts at a position, whatever the order of the questions', () => {
    const startsAt = startTest([{ start: 2, end: 4 }, { start: 7, end: 9 }, { start: 20, end: 22 }]);
    assert.deepEqual([20, 7, 3, 2, 9, 0, 25, undefined].map(startsAt), [true, true, false, true, false, false, false, false]);
  });
});
