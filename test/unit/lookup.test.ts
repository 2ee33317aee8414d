import { strict as assert } from 'node:assert';
import { completeAt, searchStem, wholeTerm, WordIndex, wordWeight } from '../../src/core';
import { bundledKb, kbOf } from './helpers';

const first = (query: string) => bundledKb().search.search(query, 5)[0]?.id;
const topIds = (query: string, n = 5) => bundledKb().search.search(query, n).map((r) => r.id);

describe('look-up by description', () => {
  describe('words of a description', () => {
    it('stems the query and the knowledge base alike', () => {
      assert.equal(searchStem('sleeping'), searchStem('sleep'));
      assert.equal(searchStem('tingling'), searchStem('tingle'));
      assert.equal(searchStem('Sensations'), searchStem('sensation'));
      assert.equal(searchStem('slurred'), 'slur');
      assert.equal(searchStem('red'), 'red');
      assert.equal(searchStem('feet'), searchStem('foot'));
    });

    it('weighs function words nothing, framing words a little, negations half, content words fully', () => {
      assert.equal(wordWeight('of'), 0);
      assert.equal(wordWeight('very'), 0);
      assert.ok(wordWeight('feeling') > 0 && wordWeight('feeling') < 0.5);
      assert.ok(wordWeight('trouble') < 0.5 && wordWeight('problems') < 0.5);
      assert.equal(wordWeight('not'), 0.5);
      assert.equal(wordWeight('tired'), 1);
    });
  });

  describe('word index', () => {
    const index = new WordIndex(['tired', 'feeling watched', 'yellow skin', 'skin', 'fluttering heart', 'not hungry', 'always hungry', 'suicidal thoughts']);
    const best = (query: string) => {
      const matches = index.match(query).sort((a, b) => a.score - b.score || a.id - b.id);
      return matches[0];
    };

    it('matches on the content words, whatever surrounds them', () => {
      assert.equal(best('feeling very tired')?.id, 0);
      assert.equal(best('yellow skin and eyes')?.id, 2);
    });

    it('scores the same words in another order as the same', () => {
      assert.deepEqual(best('heart fluttering'), { id: 4, score: 0, sameWords: true });
    });

    it('tells a negated description from the plain one', () => {
      assert.equal(best('not hungry')?.id, 5);
      assert.equal(best('hungry')?.id, 6);
    });

    it('credits a word sharing its start with a form word, less than the word itself', () => {
      const match = best('thoughts of suicide');
      assert.equal(match?.id, 7);
      assert.ok(match.score > 0 && !match.sameWords);
    });

    it('finds nothing for function words alone or for words it does not know', () => {
      assert.deepEqual(index.match('of the and'), []);
      assert.deepEqual(index.match('zzz qqq'), []);
    });

    it('needs half the weight of the description matched', () => {
      // "tired" is one word of three content words.
      assert.equal(
        index.match('tired dog barking').find((m) => m.id === 0),
        undefined,
      );
    });
  });

  describe('in the bundled knowledge base', () => {
    it('finds an entry from an everyday description with framing words', () => {
      assert.equal(first('feeling really tired'), 'fatigue');
      assert.equal(first('having a lot of trouble breathing'), 'dyspnea');
      assert.equal(first('really bad headache'), 'headache');
    });

    it('finds an entry from its lay term with extra words or in another order', () => {
      assert.equal(first('yellow eyes and skin'), 'jaundice');
      assert.equal(first('heart fluttering'), 'palpitations');
      assert.equal(first('throwing up'), 'vomiting');
      assert.equal(first('belly ache'), 'abdominal-pain');
    });

    it('finds a sleep entry for trouble sleeping', () => {
      assert.ok(['insomnia', 'sleep-disturbance', 'sleep-disorder'].includes(first('trouble sleeping')!), first('trouble sleeping'));
    });

    it('ranks an exact lay term above a fuzzy match of a longer clinical name', () => {
      assert.equal(first('fits'), 'seizure');
      assert.ok(!topIds('fits', 1).includes('anal-fistula'));
      assert.equal(first('prickling'), 'paresthesia');
    });

    it('still forgives misspellings', () => {
      assert.equal(first('rhuematoid arthritis'), 'rheumatoid-arthritis');
      assert.equal(first('migrane'), 'migraine');
      assert.equal(first('pins and neeldes'), 'paresthesia');
    });

    it('bounds the work of a long description', () => {
      const started = Date.now();
      bundledKb().search.search('pain '.repeat(5000));
      bundledKb().search.search(Array.from({ length: 400 }, (_, i) => `word${i}`).join(' '));
      assert.ok(Date.now() - started < 1000);
    });
  });

  describe('completion', () => {
    it('does not join two terms typed one after the other into one', () => {
      // Look-up by description finds "migraine headache" for both words, in another order.
      assert.equal(completeAt(bundledKb().search, 'She gets headaches and migrane')?.query, 'migrane');
    });

    it('still completes a phrase typed in the order of the term', () => {
      assert.equal(completeAt(bundledKb().search, 'Ask about chronic kidney dis')?.query, 'chronic kidney dis');
    });
  });

  it('ranks a small knowledge base by its content words too', () => {
    const kb = kbOf([
      { id: 'paranoia', kind: 'symptom', name: 'paranoia', layTerms: ['feeling watched'] },
      { id: 'fatigue', kind: 'symptom', name: 'fatigue', layTerms: ['tired'] },
    ]);
    assert.equal(kb.search.search('feeling very tired', 1)[0]?.id, 'fatigue');
  });
});

describe('look-up agrees with hover', () => {
  it('ranks first the entry the term scan finds for the whole query', () => {
    // Patient phrasing the scan recognises by pattern, and a form in another casing.
    const kb = bundledKb();
    for (const query of ['trouble walking', 'Pins And Needles', 'loss of reflexes']) {
      const hits = kb.termIndex.findTerms(query);
      assert.equal(hits.length, 1, query);
      const [first] = kb.search.search(query, 1);
      assert.deepEqual([first.id, first.score], [hits[0].entryId, 0], query);
    }
  });

  it('takes only one hit over all of the query, spaces and punctuation aside', () => {
    const hit = (start: number, end: number, contextual = false) => ({ start, end, entryId: 'e', field: 'name' as const, alternatives: [], contextual });
    assert.equal(wholeTerm([hit(1, 9)], ' numbness. '), 'e');
    assert.equal(wholeTerm([hit(0, 4)], 'numb legs'), undefined);
    assert.equal(wholeTerm([hit(0, 4), hit(5, 9)], 'numb legs'), undefined);
    assert.equal(wholeTerm([hit(0, 3, true)], 'ALL'), undefined);
    assert.equal(wholeTerm([], 'zzz'), undefined);
  });
});
