import { strict as assert } from 'node:assert';
import { TermIndex, type Entry } from '../../src/core';
import { bundledKb, repoText } from './helpers';

const entries: Entry[] = [
  { id: 'neuropathy', kind: 'condition', name: 'neuropathy' },
  { id: 'peripheral-neuropathy', kind: 'condition', name: 'peripheral neuropathy' },
  { id: 'multiple-sclerosis', kind: 'condition', name: 'multiple sclerosis', abbreviations: ['MS'] },
  { id: 'acute-lymphoblastic-leukemia', kind: 'condition', name: 'acute lymphoblastic leukemia', abbreviations: ['ALL'] },
  { id: 'urinary-tract-infection', kind: 'condition', name: 'urinary tract infection', abbreviations: ['UTI'] },
  { id: 'x-ray', kind: 'test', name: 'X-ray' },
  { id: 'paresthesia', kind: 'symptom', name: 'paresthesia', layTerms: ['pins and needles'] },
];
const index = TermIndex.fromEntries(entries, ['ALL']);
const found = (text: string) => index.findTerms(text).map((h) => [text.slice(h.start, h.end), h.entryId]);

describe('term index', () => {
  it('prefers the longest multi-word term', () => {
    assert.deepEqual(found('Peripheral neuropathy and neuropathy.'), [
      ['Peripheral neuropathy', 'peripheral-neuropathy'],
      ['neuropathy', 'neuropathy'],
    ]);
  });

  it('joins the words of a term across spaces, one line break or a hyphen, not punctuation', () => {
    assert.deepEqual(found('peripheral\nneuropathy'), [['peripheral\nneuropathy', 'peripheral-neuropathy']]);
    assert.deepEqual(found('peripheral-neuropathy'), [['peripheral-neuropathy', 'peripheral-neuropathy']]);
    assert.deepEqual(found('peripheral, neuropathy'), [['neuropathy', 'neuropathy']]);
  });

  it('matches abbreviations only in their own casing, with plurals and possessives', () => {
    assert.deepEqual(found('MS, ms, Ms. Smith, MS’s course'), [
      ['MS', 'multiple-sclerosis'],
      ['MS’s', 'multiple-sclerosis'],
    ]);
    assert.deepEqual(found('Two UTIs'), [['UTIs', 'urinary-tract-infection']]);
  });

  it('ignores abbreviations in all-capitals lines, where casing says nothing', () => {
    assert.deepEqual(found('LIVING WELL WITH MS'), []);
    assert.deepEqual(found('Living well with MS'), [['MS', 'multiple-sclerosis']]);
  });

  it('matches a contextual abbreviation only where the document names its entry', () => {
    assert.deepEqual(found('ALL of us'), []);
    assert.deepEqual(found('Acute lymphoblastic leukemia (ALL) is treatable. ALL care teams…'), [
      ['Acute lymphoblastic leukemia', 'acute-lymphoblastic-leukemia'],
      ['ALL', 'acute-lymphoblastic-leukemia'],
      ['ALL', 'acute-lymphoblastic-leukemia'],
    ]);
  });

  it('says which field of the entry the written form is', () => {
    const fields = (text: string) => index.findTerms(text).map((h) => [text.slice(h.start, h.end), h.field]);
    assert.deepEqual(fields('Multiple sclerosis (MS) can cause pins and needles.'), [
      ['Multiple sclerosis', 'name'],
      ['MS', 'abbreviation'],
      ['pins and needles', 'layTerm'],
    ]);
  });

  it('matches hyphenated terms written with a hyphen, a space or neither, and lay terms', () => {
    assert.deepEqual(found('x-ray, X ray, xray; pins and needles').map(([, id]) => id), ['x-ray', 'x-ray', 'x-ray', 'paresthesia']);
  });

  it('looks up whole terms only', () => {
    assert.deepEqual(index.lookup('Peripheral Neuropathies'), ['peripheral-neuropathy']);
    assert.deepEqual(index.lookup('MS'), ['multiple-sclerosis']);
    assert.deepEqual(index.lookup('ms'), []);
    assert.deepEqual(index.lookup('peripheral'), []);
  });

  it('survives a round trip through its text, as build:kb ships it, CRLF line ends too', () => {
    const loaded = TermIndex.fromText(index.toText())!;
    assert.deepEqual(TermIndex.fromText(index.toText().replace(/\n/g, '\r\n'))!.findTerms('Peripheral neuropathy'), index.findTerms('Peripheral neuropathy'));
    const text = 'Peripheral neuropathy, MS and UTIs; x-ray; ALL but acute lymphoblastic leukemia.';
    assert.deepEqual(loaded.findTerms(text), index.findTerms(text));
    assert.ok(loaded.findTerms(text).length >= 5);
    assert.deepEqual(loaded.findTerms('constructor toString __proto__ hasOwnProperty'), []);
  });

  it('finds terms the same in a text of more distinct words than it caches', () => {
    // 150,000 distinct words overflow the index's cache of runs (100,000) mid-scan; terms before
    // and after, multi-word ones included, must still be found.
    const words = Array.from({ length: 150_000 }, (_, i) => `w${i.toString(36)}`);
    const text = ['peripheral neuropathy', ...words.slice(0, 90_000), 'peripheral neuropathy', ...words.slice(90_000), 'MS and peripheral neuropathy'].join(' ');
    assert.deepEqual(found(text).map(([, id]) => id), ['peripheral-neuropathy', 'peripheral-neuropathy', 'multiple-sclerosis', 'peripheral-neuropathy']);
    assert.deepEqual(found(text), found(text)); // and again, from a cache left in any state
  });

  it('only looks inside the spans it is given', () => {
    const text = 'neuropathy `neuropathy` neuropathy';
    const hits = index.findTerms(text, [{ start: 0, end: 11 }, { start: 24, end: text.length }]);
    assert.deepEqual(hits.map((h) => h.start), [0, 24]);
  });
});

describe('term index on the bundled knowledge base', () => {
  const kb = bundledKb();
  const idOf = (text: string) => [...new Set(kb.termIndex.findTerms(text).map((h) => h.entryId))];

  it('recognises every surface form the example article relies on', () => {
    const expected: [string, string][] = [
      ['multiple sclerosis', 'multiple-sclerosis'],
      ['multiple sclerosis (MS)', 'multiple-sclerosis'],
      ['SLE', 'systemic-lupus-erythematosus'],
      ['lupus', 'systemic-lupus-erythematosus'],
      ['RA', 'rheumatoid-arthritis'],
      ["Sjögren's syndrome", 'sjogrens-syndrome'],
      ["Sjogren's", 'sjogrens-syndrome'],
      ['Sjögren syndrome', 'sjogrens-syndrome'],
      ['CTS', 'carpal-tunnel-syndrome'],
      ['carpal-tunnel syndrome', 'carpal-tunnel-syndrome'],
      ['peripheral neuropathies', 'peripheral-neuropathy'],
      ['median nerve', 'median-nerve'],
      ['myelin', 'myelin'],
      ['numbness', 'numbness'],
      ['tingling', 'paresthesia'],
      ['pins and needles', 'paresthesia'],
      ['burning', 'burning'],
      ['weakness', 'muscle-weakness'],
      ['fatigue', 'fatigue'],
      ['paralysis', 'paralysis'],
      ['joint pain', 'joint-pain'],
      ['skin rash', 'skin-rash'],
      ['inflammation', 'inflammation'],
      ['nerve conduction studies', 'nerve-conduction-study'],
      ['autoantibody blood tests', 'autoantibody-blood-test'],
      ['imaging', 'imaging'],
      ['corticosteroids', 'corticosteroids'],
      ['immunosuppressants', 'immunosuppressants'],
    ];
    for (const [term, id] of expected) assert.deepEqual(idOf(term), [id], term);
  });

  it('does not take lowercase ms or the word all for abbreviations', () => {
    assert.deepEqual(idOf('5 ms for all of us'), []);
  });

  it('matches MS, an everyday word in titles, only where the text names multiple sclerosis', () => {
    assert.deepEqual(idOf('MS Word'), []);
    assert.deepEqual(idOf('Living with MS: what multiple sclerosis means'), ['multiple-sclerosis']);
  });

  it('scans the example article without a term left unexplained', () => {
    const text = repoText('examples/numbness-in-hands.md');
    const hits = kb.termIndex.findTerms(text);
    assert.ok(hits.length > 100, `only ${hits.length} terms found`);
    for (const h of hits) assert.ok(kb.get(h.entryId), h.entryId);
  });
});
