import { strict as assert } from 'node:assert';
import { foldCase, searchForm, termKey, tokenKey, tokenize } from '../../src/core';

describe('normalisation', () => {
  it('folds case and diacritics, in precomposed and combining spellings alike', () => {
    assert.equal(foldCase('Sjögren'), 'sjogren');
    assert.equal(foldCase('Sjo\u0308gren'), 'sjogren');
    assert.equal(foldCase('GUILLAIN-BARRÉ'), 'guillain-barre');
  });

  it("treats possessives, curly apostrophes and diacritics as the same word", () => {
    const keys = ["Sjögren's", 'Sjogren’s', 'Sjogrens', 'sjögren', 'SJOGREN'].map(tokenKey);
    assert.deepEqual(new Set(keys), new Set(['sjogren']));
  });

  it('reduces plurals on both sides without touching -ss, -us, -is endings', () => {
    assert.equal(tokenKey('neuropathies'), tokenKey('neuropathy'));
    assert.equal(tokenKey('studies'), tokenKey('study'));
    assert.equal(tokenKey('rashes'), tokenKey('rash'));
    assert.equal(tokenKey('nerves'), tokenKey('nerve'));
    assert.equal(tokenKey('numbness'), 'numbness');
    assert.equal(tokenKey('lupus'), 'lupus');
    assert.equal(tokenKey('arthritis'), 'arthritis');
    assert.equal(tokenKey('MS'), 'ms');
  });

  it('gives whole terms one key whatever their spacing, hyphens or casing', () => {
    assert.equal(termKey('Carpal-Tunnel  Syndrome'), termKey('carpal tunnel syndrome'));
    assert.equal(termKey('Peripheral Neuropathies'), 'peripheral neuropathy');
  });

  it('tokenizes with UTF-16 offsets into the original text, emoji and all', () => {
    const text = '😀 Sjögren’s, lupus';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['Sjögren’s', 'lupus']);
    assert.equal(tokens[0].start, 3);
  });

  it('keeps word endings and code dots in search forms', () => {
    assert.equal(searchForm("  Sjögren's  syndrome "), 'sjogrens syndrome');
    assert.equal(searchForm('neuropath'), 'neuropath');
    assert.equal(searchForm('G56.0'), 'g56.0');
    assert.equal(searchForm('carpal-tunnel'), 'carpal tunnel');
  });
});
