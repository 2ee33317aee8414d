import { strict as assert } from 'node:assert';
import { hitAt, NgramIndex, pairsOf, PrefixIndex, TermSearch, wholeTerm } from '../../src/core';
import { bundledKb } from './helpers';

describe('prefix index', () => {
  const index = new PrefixIndex([
    ['carpal tunnel syndrome', 4],
    ['tunnel syndrome', 4],
    ['carpal tunnel', 2],
    ['cardiac arrest', 3],
    ['carpal tunnel', 1],
    ['syndrome', 4],
    ['sjögren', 0],
  ]);

  it('finds every id whose key starts with the prefix, once each, lowest first', () => {
    assert.deepEqual(index.find('carp'), [1, 2, 4]);
    assert.deepEqual(index.find('car'), [1, 2, 3, 4]);
    assert.deepEqual(index.find('tun'), [4]);
    assert.deepEqual(index.find('carpal tunnel s'), [4]);
  });

  it('keeps the lowest ids when more match than the limit', () => {
    assert.deepEqual(index.find('car', 2), [1, 2]);
  });

  it('matches a whole key, non-ASCII keys, and nothing past the prefix', () => {
    assert.deepEqual(index.find('syndrome'), [4]);
    assert.deepEqual(index.find('sjö'), [0]);
    assert.deepEqual(index.find('carpet'), []);
    assert.deepEqual(index.find('zzz'), []);
  });

  it('matches everything for an empty prefix and nothing in an empty index', () => {
    assert.deepEqual(index.find(''), [0, 1, 2, 3, 4]);
    assert.deepEqual(new PrefixIndex([]).find('a'), []);
  });
});

describe('n-gram prefilter', () => {
  it('pairs adjacent and one-apart characters after a leading space', () => {
    const code = (a: string, b: string) => a.charCodeAt(0) * 0x10000 + b.charCodeAt(0);
    assert.deepEqual([...pairsOf('abc')].sort(), [code(' ', 'a'), code(' ', 'b'), code('a', 'b'), code('a', 'c'), code('b', 'c')].sort());
    assert.equal(pairsOf('').size, 0);
  });

  it('keeps most pairs through a transposition', () => {
    const typed = pairsOf('rhuem');
    const shared = [...pairsOf('rheum')].filter((p) => typed.has(p)).length;
    assert.ok(shared >= typed.size / 2, `${shared} of ${typed.size}`);
  });

  const index = new NgramIndex(['neuropathy', 'peripheral neuropathy', 'neuroma', 'rheumatoid arthritis', 'carpal tunnel syndrome']);

  it('ranks by shared pairs, lowest id first among equals, and leaves out strings sharing none', () => {
    assert.deepEqual(index.candidates('neuropath', 10).slice(0, 2), [0, 1]);
    assert.equal(index.candidates('rhuematoid', 10)[0], 3);
    assert.equal(index.candidates('carpel tun', 10)[0], 4);
    assert.deepEqual(index.candidates('qqq', 10), []);
  });

  it('counts each shared pair once per string, as a brute-force count does', () => {
    // Strings over a small alphabet repeat their pairs ("abab"): a pair must count once.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 2 + (next() % 12) }, () => 'ab c'[next() % 4]).join(''));
    const ngrams = new NgramIndex(texts);
    for (const query of ['abab', 'ba c', 'cc', 'aaaa b']) {
      const wanted = pairsOf(query);
      const shared = texts.map((t) => [...pairsOf(t)].filter((p) => wanted.has(p)).length);
      const expected = texts.map((_, id) => id).filter((id) => shared[id] > 0).sort((a, b) => shared[b] - shared[a] || a - b).slice(0, 20);
      assert.deepEqual(ngrams.candidates(query, 20), expected, query);
    }
  });

  it('honours the limit, and each query starts from fresh counts', () => {
    assert.equal(index.candidates('neuro', 2).length, 2);
    const first = index.candidates('rheum', 5);
    index.candidates('neuropathy', 5);
    assert.deepEqual(index.candidates('rheum', 5), first);
  });
});

describe('tiered search', () => {
  it('ranks as Fuse.js over every entry does, with the same scores', () => {
    const kb = bundledKb();
    const plain = new TermSearch(kb.entries, { exhaustive: true, recognise: (query) => wholeTerm(kb.termIndex.findTerms(query), query) });
    for (const query of ['neuropath', 'carpel tun', 'pins and nee', 'lupus', 'SLE', 'diabetes', 'hart atack', 'G35']) {
      const want = plain.search(query, 3)[0];
      const got = kb.search.search(query, 3)[0];
      assert.deepEqual(got, want, query);
    }
  });
});

describe('hitAt', () => {
  const hits = [
    { start: 0, end: 5 },
    { start: 10, end: 20 },
    { start: 30, end: 31 },
  ];

  it('finds the hit containing an offset, its end included', () => {
    assert.equal(hitAt(hits, 0), hits[0]);
    assert.equal(hitAt(hits, 5), hits[0]);
    assert.equal(hitAt(hits, 15), hits[1]);
    assert.equal(hitAt(hits, 31), hits[2]);
  });

  it('answers undefined between hits, past them, and for no hits', () => {
    assert.equal(hitAt(hits, 7), undefined);
    assert.equal(hitAt(hits, 40), undefined);
    assert.equal(hitAt([], 3), undefined);
  });
});
