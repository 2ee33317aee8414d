import { strict as assert } from 'node:assert';
import { completeAt, searchForm, shortensName, writtenLayTerm } from '../../src/core';
import { bundledKb } from './helpers';
import { COMPLETION_CASES } from './completionTable';

// Words a term never starts with in this table: the writer's own words before it.
const WRITERS_WORDS = /^(?:with|of|the|and|from|about|in|a|an|to|or|for|some|people|your|may|be)\b/i;

describe('completion at the end of a sentence (core)', () => {
  const search = () => bundledKb().search;

  it(`has a table of at least 40 realistic sentence endings`, () => {
    assert.ok(COMPLETION_CASES.length >= 40);
  });

  for (const { before, replaces, first } of COMPLETION_CASES) {
    it(`“${before}” → replaces “${replaces}”, offers ${first} first`, () => {
      const answer = completeAt(search(), before);
      assert.ok(answer, 'nothing offered');
      assert.equal(before.slice(answer.replaceStart), replaces);
      assert.equal(answer.replaceStart, before.length - replaces.length);
      assert.equal(answer.items[0].id, first);
      assert.doesNotMatch(replaces, WRITERS_WORDS);
    });
  }

  it('offers exactly what search ranks for the replaced words, in its order', () => {
    for (const { before } of COMPLETION_CASES) {
      const answer = completeAt(search(), before)!;
      assert.deepEqual(
        answer.items.map((i) => i.id),
        search()
          .search(answer.query, 20)
          .map((r) => r.id),
        before,
      );
    }
  });

  it('inserts the name capitalised at the start of a sentence, as written elsewhere', () => {
    assert.equal(completeAt(search(), 'It is common. Rhuematoid arth')!.items[0].text, 'Rheumatoid arthritis');
    assert.equal(completeAt(search(), 'Some people with rhuematoid arth')!.items[0].text, 'rheumatoid arthritis');
  });

  it('inserts the lay term a writer was typing, spelt right, not the entry’s clinical name', () => {
    const first = (before: string) => completeAt(search(), before)!.items[0];
    assert.deepEqual([first('A feeling of pins and nee')].map((c) => [c.id, c.text]), [['paresthesia', 'pins and needles']]);
    assert.deepEqual([first('She had a heart attak')].map((c) => [c.id, c.text]), [['myocardial-infarction', 'heart attack']]);
    // A lay term HPO writes in sentence case stands in lower case in running text, capitalised at a sentence start.
    assert.equal(first('He has teeth grin').text, 'teeth grinding');
    assert.equal(first('Teeth grin').text, 'Teeth grinding');
    // A name typed stays the name; a short form of the name (`Crohn's`) gives the whole name.
    assert.equal(first('Pain from carpel tunnel synd').text, 'carpal tunnel syndrome');
    assert.equal(first('People with crohn').text, "Crohn's disease");
  });

  it('writes a lay term as running text does: a capitalised common first word lower-cased, names kept', () => {
    assert.equal(writtenLayTerm('Teeth grinding', 'Bruxism'), 'teeth grinding');
    assert.equal(writtenLayTerm("Cushing's", 'Cushing syndrome'), "Cushing's");
    assert.equal(writtenLayTerm('Niemann-Pick', 'Niemann-Pick disease'), 'Niemann-Pick');
    assert.equal(writtenLayTerm('Lyme arthritis', 'Lyme disease'), 'Lyme arthritis');
    assert.equal(writtenLayTerm('pins and needles', 'Paresthesia'), 'pins and needles');
    assert.ok(shortensName("Crohn's", ["Crohn's disease"]) && !shortensName('heart attack', ['myocardial infarction']));
  });

  it('a smaller limit gives a prefix of the same ranking', () => {
    for (const { before } of COMPLETION_CASES.slice(0, 10)) {
      const all = completeAt(search(), before)!.items.map((i) => i.id);
      assert.deepEqual(completeAt(search(), before, 3)!.items.map((i) => i.id), all.slice(0, 3), before);
    }
  });

  it('is silent after a function word, on one letter, and inside inline code being typed', () => {
    for (const before of ['Some people with', 'It is one of the', 'x', 'Run `rhuem', '']) assert.equal(completeAt(search(), before), undefined, before);
    assert.ok(completeAt(search(), 'Run `code` and rhuem'));
  });

  it('never starts the replacement at a word of ordinary prose, whatever it fuzzy-matches', () => {
    for (const before of ['Some people with rhuem', 'many people with rhuem', 'because people feel numb']) {
      const answer = completeAt(search(), before)!;
      assert.equal(searchForm(answer.query).split(' ').length, 1, before);
    }
  });

  it('reads only the end of a long line', () => {
    const answer = completeAt(search(), `${'word '.repeat(200_000)}rhuem`);
    assert.equal(answer?.query, 'rhuem');
  });
});
