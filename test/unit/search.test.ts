import { strict as assert } from 'node:assert';
import { TermSearch } from '../../src/core';
import { bundledKb, kbOf } from './helpers';

const top = (query: string, n = 5) => bundledKb().search.search(query, n).map((r) => r.id);

describe('search', () => {
  it('forgives misspellings and partial words', () => {
    assert.ok(top('rhuem').includes('rheumatoid-arthritis'), `rhuem → ${top('rhuem')}`);
    assert.equal(top('rhuematoid')[0], 'rheumatoid-arthritis');
    assert.equal(top('sjogren')[0], 'sjogrens-syndrome');
    assert.ok(top('carpel tun', 3).includes('carpal-tunnel-syndrome'), `carpel tun → ${top('carpel tun', 3)}`);
    assert.equal(top('multipel sclerosis')[0], 'multiple-sclerosis');
    // The bare word first, then its kinds (peripheral, diabetic, ulnar neuropathy score alike).
    assert.equal(top('neuropath')[0], 'neuropathy');
    assert.ok(top('neuropath', 4).includes('peripheral-neuropathy'), `neuropath → ${top('neuropath', 4)}`);
  });

  it('finds a misspelling that shares only common letter pairs, as Fuse.js over everything does', () => {
    // "iuis at": the pairs it shares with "iris atrophy" (is, at, s…) are in thousands of forms.
    assert.equal(top('iuis at')[0], 'iris-atrophy', `iuis at → ${top('iuis at')}`);
    assert.equal(new TermSearch(bundledKb().entries, { exhaustive: true }).search('iuis at', 1)[0]?.id, 'iris-atrophy');
  });

  it('finds entries by lay term and abbreviation', () => {
    assert.equal(top('pins and nee')[0], 'paresthesia');
    assert.ok(top('SLE').includes('systemic-lupus-erythematosus'));
  });

  it('puts swapped letters back before scoring, ranking that below an exact match', () => {
    assert.ok(top('rhuem', 3).includes('rheumatoid-arthritis'), `rhuem → ${top('rhuem', 3)}`);
    assert.equal(top('lupsu')[0], 'systemic-lupus-erythematosus');
    const [fixed] = bundledKb().search.search('lupsu', 1);
    const [exact] = bundledKb().search.search('lupus', 1);
    assert.ok(fixed.score > exact.score);
  });

  it('ranks an entry by its best form, not by how many of its forms match', () => {
    const kb = kbOf([
      { id: 'rare', kind: 'condition', name: 'rheumatic carditis', synonyms: ['rheumatoid carditis', 'rheumatoid heart', 'rheumatoid myocarditis'] },
      { id: 'ra', kind: 'condition', name: 'rheumatoid arthritis' },
    ]);
    assert.equal(kb.search.search('rheumatoid')[0].id, 'ra');
  });

  it('prefers entries with a written definition when matches are equal', () => {
    const kb = kbOf([
      { id: 'a', kind: 'condition', name: 'flu-like illness x' },
      { id: 'b', kind: 'condition', name: 'flu-like illness y', definition: 'An illness.' },
    ]);
    assert.equal(kb.search.search('flu-like illness')[0].id, 'b');
  });

  it('maps lay vocabulary to its clinical entry for hover, completion and look-up alike', () => {
    const kb = bundledKb();
    const lay: [string, string][] = [
      ['pins and needles', 'paresthesia'],
      ['high blood pressure', 'hypertension'],
      ['heart attack', 'myocardial-infarction'],
      ['sugar diabetes', 'diabetes-mellitus'],
      ['water pill', 'diuretics'],
      ['shingles', 'herpes-zoster'],
      ['the flu', 'influenza'],
      ['stroke', 'stroke'],
    ];
    for (const [phrase, id] of lay) {
      assert.deepEqual(kb.termIndex.findTerms(`I had ${phrase} last year.`).map((h) => h.entryId), [id], `hover: ${phrase}`);
      assert.equal(kb.search.search(phrase, 1)[0]?.id, id, `search: ${phrase}`);
    }
  });

  it('reports the surface form that matched', () => {
    const [first] = bundledKb().search.search('pins and needles', 1);
    assert.equal(first.matched, 'pins and needles');
  });

  it('finds entries by exact code, and an ICD-10-CM category by its subcodes', () => {
    assert.equal(top('G35')[0], 'multiple-sclerosis');
    assert.equal(top('g56.0')[0], 'carpal-tunnel-syndrome');
    const kb = kbOf([{ id: 'cts', kind: 'condition', name: 'carpal tunnel syndrome', codes: { icd10cm: 'G56.0' } }]);
    assert.deepEqual(kb.search.search('G56').map((r) => [r.id, r.score]), [['cts', 0]]);
  });

  it('ranks best first with scores between 0 and 1 and honours the limit', () => {
    const results = bundledKb().search.search('lupus', 3);
    assert.ok(results.length > 0 && results.length <= 3);
    for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score <= results[i].score);
    for (const r of results) assert.ok(r.score >= 0 && r.score <= 1);
  });

  it('answers an empty or punctuation-only query with nothing', () => {
    assert.deepEqual(top(''), []);
    assert.deepEqual(top('  -- '), []);
  });
});
