import { strict as assert } from 'node:assert';
import { scanText } from '../../src/cli/cli';
import { DocumentAnalysis, TermIndex, wordKeys, type Entry } from '../../src/core';
import { BUNDLED_PHRASING, PhraseMatcher, type PhrasingTable } from '../../src/core/match/phrasing';
import { bundledKb } from './helpers';

/** Each phrase the bundled knowledge base finds in `text`, with its entry. */
function bundledHits(text: string): [string, string][] {
  return bundledKb()
    .termIndex.findTerms(text)
    .map((h) => [text.slice(h.start, h.end), h.entryId]);
}

/** The entry of the one hit that is exactly `phrase` in `text`, or `undefined`. */
function entryOf(text: string, phrase: string): string | undefined {
  return bundledHits(text).find(([written]) => written === phrase)?.[1];
}

describe('patient phrasing (data/manual/phrasing.json)', () => {
  describe('the bundled table', () => {
    it('leads only to entries of the bundled knowledge base', () => {
      const kb = bundledKb();
      const dangling = PhraseMatcher.targets(BUNDLED_PHRASING).filter((t) => !kb.get(t.entryId));
      assert.deepEqual(dangling, [], 'a target id that is not in data/kb.json: fix the id in data/manual/phrasing.json');
    });

    it('names only senses its frames declare, and every phrase has words', () => {
      const senses = new Set(BUNDLED_PHRASING.frames.map((f) => f.sense));
      for (const frame of BUNDLED_PHRASING.frames) {
        if (frame.fallback) assert.ok(senses.has(frame.fallback), `fallback ${frame.fallback}`);
        for (const phrase of [...(frame.before ?? []), ...(frame.after ?? [])]) assert.ok(wordKeys(phrase).length > 0, phrase);
      }
      for (const fn of BUNDLED_PHRASING.functions) {
        assert.ok(fn.forms.length > 0 && fn.forms.every((f) => wordKeys(f).length > 0), JSON.stringify(fn));
        for (const sense of Object.keys(fn)) if (sense !== 'forms') assert.ok(senses.has(sense), `${fn.forms[0]}: sense ${sense} is no frame's`);
      }
    });
  });

  describe('a mention for each frame, spanning the whole phrase', () => {
    const cases: [string, string, string][] = [
      // [sentence, phrase, entry]
      ['Since the stroke she has had trouble walking.', 'trouble walking', 'difficulty-walking'],
      ['He noticed difficulty with swallowing at dinner.', 'difficulty with swallowing', 'dysphagia'],
      ['Some children have problems with their balance.', 'problems with their balance', 'ataxia'],
      ['Ask about hearing problems at the visit.', 'hearing problems', 'hearing-impairment'],
      ['Tell us about any vision difficulties.', 'vision difficulties', 'visual-loss'],
      ['At night he is unable to breathe lying flat.', 'unable to breathe', 'dyspnea'],
      ['After a short walk they cannot catch their breath.', 'cannot catch their breath', 'dyspnea'],
      ['Not being able to sleep for weeks is a warning sign.', 'Not being able to sleep', 'insomnia'],
      ['The nurse tested for loss of reflexes in both knees.', 'loss of reflexes', 'areflexia'],
      ['Poor reflexes can come with low vitamin levels.', 'Poor reflexes', 'hyporeflexia'],
      ['A cold can bring a loss of smell for a while.', 'loss of smell', 'anosmia'],
      ['Many notice changes in taste during treatment.', 'changes in taste', 'parageusia'],
      ['Migraines often bring sensitivity to light.', 'sensitivity to light', 'photophobia'],
      ['She is sensitive to loud noises.', 'sensitive to loud noises', 'hyperacusis'],
      ['Teens who are sleeping too much may be unwell.', 'sleeping too much', 'hypersomnia'],
      ['Urinating often at night can be a sign of diabetes.', 'Urinating often', 'pollakisuria'],
      ['Many people report feeling very tired after the flu.', 'feeling very tired', 'fatigue'],
      ['You may feel dizzy when you stand up.', 'feel dizzy', 'dizziness'],
      ['Some kids felt so thirsty they woke at night.', 'felt so thirsty', 'polydipsia'],
      ['Kidney problems can follow years of high blood sugar.', 'Kidney problems', 'kidney-disease'],
      ['Get help at once for thoughts of suicide.', 'thoughts of suicide', 'suicidal-ideation'],
      ['A child not wanting to eat may be unwell.', 'not wanting to eat', 'anorexia'],
      ['He felt strange sensations in his feet.', 'strange sensations', 'paresthesia'],
      ['There is a feeling of fullness after meals.', 'feeling of fullness', 'bloating'],
      ['Tell the nurse about burning when you pee.', 'burning when you pee', 'dysuria'],
      ['Strep throat can make it hurt: pain when swallowing.', 'pain when swallowing', 'odynophagia'],
    ];
    for (const [sentence, phrase, entry] of cases) {
      it(`“${phrase}” → ${entry}`, () => assert.equal(entryOf(sentence, phrase), entry, JSON.stringify(bundledHits(sentence))));
    }
  });

  it('joins a second function by "and" or "or" into one mention of the first', () => {
    assert.deepEqual(bundledHits('Watch for trouble walking or talking.'), [['trouble walking or talking', 'difficulty-walking']]);
    assert.equal(entryOf('He has problems with thinking and memory.', 'problems with thinking and memory'), 'cognitive-impairment');
  });

  it('leaves a second function that starts its own phrase, or is a term by itself, its own mention', () => {
    assert.deepEqual(bundledHits('Loss of appetite and hearing problems'), [
      ['Loss of appetite', 'anorexia'],
      ['hearing problems', 'hearing-impairment'],
    ]);
    assert.deepEqual(bundledHits('Feeling very hungry or tired'), [
      ['Feeling very hungry', 'polyphagia'],
      ['tired', 'fatigue'],
    ]);
  });

  it('matches a passing description at its first phrase', () => {
    const text = 'You may have difficulty walking, talking, or finishing simple tasks.';
    assert.deepEqual(bundledHits(text).map(([w]) => w), ['difficulty walking']);
  });

  it('never takes a frame or a function alone, or a frame around something else, for a term', () => {
    for (const text of [
      'There was trouble at the office.',
      'We had problems with the car again.',
      'Problems. Trouble. Difficulty.',
      'Feel free to call us.',
      'She felt that the plan was good.',
      'They lost the game.',
      'Walking and talking are good for you.',
      'Please turn off the light.',
      'An unusual case; thoughts of home.',
      'You will feel the full effect in a week.',
      'It was a painful decision.',
      'We are thinking about the plan.',
    ]) {
      const hits = bundledHits(text).filter(([written]) => /trouble|problem|difficult|feel|felt|lost|walk|talk|light|cannot|unusual|thought|thinking|decision/i.test(written));
      assert.deepEqual(hits, [], text);
    }
  });

  it('needs the words of a phrase joined: punctuation between them ends it', () => {
    assert.deepEqual(
      bundledHits('Any trouble? Walking is fine.').filter(([w]) => /trouble/i.test(w)),
      [],
    );
  });

  it('prefers a longer term of the knowledge base starting at the same word, and is preferred to a shorter one', () => {
    // "loss of consciousness" is a term itself; the phrase "loss of appetite" outruns the word "loss".
    assert.equal(entryOf('a brief loss of consciousness', 'loss of consciousness'), 'loss-of-consciousness');
    assert.equal(entryOf('Feeling very tired is common.', 'Feeling very tired'), 'fatigue');
  });

  it('is found by look-up, as a whole phrase only', () => {
    const index = bundledKb().termIndex;
    assert.deepEqual(index.lookup('trouble walking'), ['difficulty-walking']);
    assert.deepEqual(index.lookup('feeling so tired'), ['fatigue']);
    assert.deepEqual(index.lookup('trouble walking home'), []);
    // What a scan finds: a term of the knowledge base wins over a phrase of the same words.
    for (const phrase of ['trouble sleeping', 'loss of appetite', 'hearing problems']) assert.deepEqual(index.lookup(phrase), [entryOf(phrase, phrase)], phrase);
    assert.equal(bundledKb().resolve('sensitivity to light')?.id, 'photophobia');
  });

  it('reaches the CLI scan with the whole phrase and the entry', () => {
    const [record] = scanText(bundledKb(), 'a.md', 'Some people have trouble swallowing pills.').filter((r) => r.text.includes('swallow'));
    assert.deepEqual([record.text, record.id, record.kind], ['trouble swallowing', 'dysphagia', 'symptom']);
  });

  it('is the same after edits as on a whole re-read (the editor)', () => {
    const index = bundledKb().termIndex;
    let analysis = DocumentAnalysis.of('# Signs\n\nShe has trouble\n\nwith sleep.\n');
    analysis.terms(index);
    for (const text of ['# Signs\n\nShe has trouble sleeping\n\nwith sleep.\n', '# Signs\n\nShe has trouble sleeping or walking.\n', '# Signs\n\nShe has no trouble.\n']) {
      analysis = analysis.next(text);
      assert.deepEqual(analysis.terms(index), DocumentAnalysis.of(text).terms(index), text);
    }
  });

  describe('a table of its own', () => {
    const entries: Entry[] = [
      { id: 'dysphagia', kind: 'symptom', name: 'dysphagia' },
      { id: 'fatigue', kind: 'symptom', name: 'fatigue', layTerms: ['tired'] },
    ];
    const table: PhrasingTable = {
      frames: [
        { sense: 'difficulty', before: ['trouble', 'trouble with'], after: ['problems'] },
        { sense: 'inability', fallback: 'difficulty', before: ["can't"] },
        { sense: 'feeling', before: ['feeling'] },
      ],
      between: ['very', 'their'],
      and: ['or'],
      functions: [
        { forms: ['swallowing', 'swallow'], difficulty: 'dysphagia' },
        { forms: ['eating', 'eat'], difficulty: 'missing-entry', inability: null },
        { forms: ['tired'], feeling: 'fatigue' },
        { forms: ['chewing'], difficulty: 'dysphagia', inability: null },
      ],
    };
    const index = TermIndex.fromEntries(entries, [], table);
    const found = (text: string) => index.findTerms(text).map((h) => [text.slice(h.start, h.end), h.entryId, h.field]);

    it('uses a fallback sense unless the function turns it off', () => {
      assert.deepEqual(found("I can't swallow."), [["can't swallow", 'dysphagia', 'layTerm']]);
      assert.deepEqual(found("I can't chew chewing."), []);
    });

    it('leaves out a target the knowledge base does not have', () => {
      assert.deepEqual(found('trouble eating'), []);
    });

    it('lets only a frame’s own words stand after it, when it has some', () => {
      const own = TermIndex.fromEntries(entries, [], { ...table, frames: table.frames.map((f) => (f.sense === 'feeling' ? { ...f, between: ['so'] } : f)) });
      assert.deepEqual(own.findTerms('feeling so tired').map((h) => h.end), [16]);
      assert.deepEqual(own.findTerms('feeling their tired').map((h) => [h.start, h.end]), [[14, 19]]);
    });

    it('lets at most two words stand between a frame and its function', () => {
      assert.deepEqual(found('feeling very tired'), [['feeling very tired', 'fatigue', 'layTerm']]);
      assert.deepEqual(found('feeling very very tired'), [['feeling very very tired', 'fatigue', 'layTerm']]);
      assert.deepEqual(found('feeling very very very tired'), [['tired', 'fatigue', 'layTerm']]);
    });

    it('knows no phrasing when built without a table', () => {
      const plain = TermIndex.fromEntries(entries, [], null);
      assert.deepEqual(plain.findTerms('trouble swallowing').map((h) => h.entryId), []);
    });
  });

  describe('bounded work on hostile 1 MB lines', function () {
    this.timeout(20_000);
    const MB = 1_000_000;
    const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    for (const unit of ['trouble ', 'feeling very very very ', 'problems with the ', 'trouble walking or ', 'loss of loss of ', 'a hard a hard time ', "can't catch their their breath ", 'sleeping too too much ']) {
      it(`scans "${unit}" repeated in well under a second per MB`, () => {
        const text = repeat(unit);
        const started = Date.now();
        const hits = bundledKb().termIndex.findTerms(text);
        const elapsed = Date.now() - started;
        for (const h of hits) assert.ok(h.start < h.end && h.end <= text.length);
        assert.ok(elapsed < 5_000, `${elapsed} ms`);
      });
    }
  });
});
