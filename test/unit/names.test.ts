import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { completeAt, DocumentAnalysis, renderCard, styleFindings, writtenName, type Entry } from '../../src/core';
import { bundledKb, hpoNodes, kbOf, ROOT } from './helpers';

// Names as a writer writes them (issue 12): HPO labels ship verbatim (licence) and are marked
// `sentenceCase`; writtenName lower-cases their first letter wherever a name is shown or
// inserted. Shouted source names are re-cased by the build (scripts/kb/names.mjs).

type Names = {
  isSentenceCaseLabel(label: string, proper: Set<string>): boolean;
  unshout(text: string, vocab: Set<string>): string;
  lowerGenericHeads(text: string): string;
};
// tsc compiles the tests to CommonJS, whose import() would become require(): load the ES module as such
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<Names>;
let N: Names;
before(async () => {
  N = await importModule(pathToFileURL(path.join(ROOT, 'scripts/kb/names.mjs')).href);
});

const entry = (name: string, more: Partial<Entry> = {}): Entry => ({ id: 'x', kind: 'symptom', name, ...more }) as Entry;

describe('names as a writer writes them', () => {
  describe('writtenName', () => {
    it('writes a sentence-case label with a lower-case first letter, and nothing else changed', () => {
      assert.equal(writtenName(entry('Night sweats', { sentenceCase: true })), 'night sweats');
      assert.equal(writtenName(entry('Loss of Achilles reflex', { sentenceCase: true })), 'loss of Achilles reflex');
    });

    it('keeps every other name as it is: eponyms, abbreviations, symbols', () => {
      for (const name of ["Bell's palsy", 'Lyme disease', 'HIV infection', 'COVID-19', 'IgA vasculitis', 'BRCA1 test', 'type II diabetes']) {
        assert.equal(writtenName(entry(name)), name);
      }
    });
  });

  describe('the build (scripts/kb/names.mjs)', () => {
    const proper = new Set(['achilles', 'down', 'dandy', 'walker']);

    it('marks a sentence-case label whose first word is common', () => {
      assert.ok(N.isSentenceCaseLabel('Night sweats', proper));
      assert.ok(N.isSentenceCaseLabel('Down-sloping shoulders', proper));
      assert.ok(N.isSentenceCaseLabel('Absent/small kidney', proper));
    });

    it('leaves labels that start with a proper name or a symbol', () => {
      for (const label of ['Achilles tendon pain', "Bell's palsy", 'Dandy-Walker cyst', 'Pel-Ebstein fever', 'Down syndrome', 'IgA deposits', 'HbA1c raised', 'night sweats']) {
        assert.ok(!N.isSentenceCaseLabel(label, proper), label);
      }
    });

    it('lowers shouted text whose words are all words, and leaves acronyms', () => {
      const vocab = new Set(['anemia', 'hemolytic', 'fever']);
      assert.equal(N.unshout('HEMOLYTIC ANEMIA', vocab), 'hemolytic anemia');
      assert.equal(N.unshout('CHONDRODYSTROPHIA', vocab), 'chondrodystrophia');
      assert.equal(N.unshout('CADASIL', vocab), 'CADASIL');
      assert.equal(N.unshout('FRAGILE X FEVER', vocab), 'FRAGILE X FEVER');
      assert.equal(N.unshout('Hemolytic ANEMIA', vocab), 'Hemolytic ANEMIA');
    });

    it('lowers a generic head capitalised inside a name', () => {
      assert.equal(N.lowerGenericHeads('Smith Syndrome'), 'Smith syndrome');
      assert.equal(N.lowerGenericHeads('Rocky Mountain spotted fever'), 'Rocky Mountain spotted fever');
    });
  });

  describe('the bundled knowledge base', () => {
    const kb = bundledKb();
    const byId = (id: string) => kb.get(id)!;

    it('writes sentence-case labels in lower case, and keeps eponyms and abbreviations', () => {
      assert.equal(writtenName(byId('paranoia')), 'paranoia');
      assert.equal(writtenName(byId('sleep-disturbance')), 'sleep disturbance');
      assert.equal(writtenName(byId('parkinsons-disease')), "Parkinson's disease");
      assert.equal(writtenName(byId('raynaud-phenomenon')), 'Raynaud phenomenon');
      assert.equal(writtenName(byId('covid-19')), 'COVID-19');
      assert.equal(writtenName(byId('cadasil')), 'CADASIL');
    });

    it('ships HPO labels verbatim: every sentence-case name is an HPO label byte for byte', () => {
      const labels = new Set(hpoNodes().map((n) => n.lbl));
      const marked = kb.entries.filter((e) => e.sentenceCase);
      assert.ok(marked.length > 500, `${marked.length}`);
      assert.deepEqual(
        marked.filter((e) => !labels.has(e.name)).map((e) => e.id),
        [],
      );
    });

    it('re-cases a source synonym written in capitals', () => {
      const synonyms = byId('ollier-disease').synonyms ?? [];
      assert.ok(synonyms.includes('dyschondroplasia'), synonyms.join(', '));
      assert.ok(!synonyms.some((s) => s === s.toUpperCase() && s.length > 10), synonyms.join(', '));
    });

    it('completes and inserts the name as written, capitalised only at a sentence start', () => {
      const mid = completeAt(kb.search, 'Some people feel a sense of paranoi')!;
      assert.equal(mid.items[0].id, 'paranoia');
      assert.equal(mid.items[0].text, 'paranoia');
      assert.equal(completeAt(kb.search, 'It starts slowly. Paranoi')!.items[0].text, 'Paranoia');
      assert.equal(completeAt(kb.search, "Tremor is a sign of Parkinso")!.items[0].text, "Parkinson's disease");
    });

    it('spells out an abbreviation with the name as written', () => {
      const small = kbOf([{ id: 'rls', kind: 'condition', name: 'Restless legs', sentenceCase: true, abbreviations: ['RLS'] }]);
      const text = 'People with RLS often sleep badly.';
      const analysis = DocumentAnalysis.of(text);
      const [finding] = styleFindings({ text, hits: analysis.terms(small.termIndex), headings: analysis.headings }, small);
      assert.equal(finding.fixes[0].replacement, 'restless legs (RLS)');
    });

    it('titles the card with the name as written', () => {
      assert.match(renderCard(byId('paranoia'), kb), /^### paranoia\n/);
      const small = kbOf([{ id: 'a', kind: 'symptom', name: 'Night sweats', sentenceCase: true }]);
      assert.match(renderCard(small.get('a')!, small), /^### night sweats\n/);
    });
  });
});
