import { strict as assert } from 'node:assert';
import { countSyllables, fleschKincaidGrade, smogGrade, textStats } from '../../src/core';

describe('readability', () => {
  it('counts syllables of common and medical words', () => {
    const cases: [string, number][] = [['the', 1], ['nerve', 1], ['nerves', 1], ['burned', 1], ['treated', 2], ['rashes', 2], ['table', 2], ['numbness', 2], ['tingling', 2], ['inflammation', 4], ['sclerosis', 3], ['arthritis', 3], ['immune', 2]];
    for (const [word, n] of cases) assert.equal(countSyllables(word), n, word);
  });

  it('counts sentences, words and polysyllables', () => {
    assert.deepEqual(textStats('Nerves carry signals. Inflammation hurts!'), { sentences: 2, words: 5, syllables: 10, polysyllables: 1 });
  });

  it('grades plain text low and dense clinical text high', () => {
    const plain = 'Your hand may feel numb. A nerve in the wrist is pressed. Rest helps.';
    const dense = 'Idiopathic demyelinating polyradiculoneuropathy manifests with progressive symmetrical weakness accompanied by diminished deep tendon reflexes.';
    assert.ok(fleschKincaidGrade(plain) < 4, String(fleschKincaidGrade(plain)));
    assert.ok(fleschKincaidGrade(dense) > 16, String(fleschKincaidGrade(dense)));
    assert.ok(smogGrade(dense) > smogGrade(plain));
  });

  it('grades empty text 0', () => {
    assert.equal(fleschKincaidGrade(''), 0);
    assert.equal(smogGrade('  '), 0);
  });
});
