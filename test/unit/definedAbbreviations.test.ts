import { strict as assert } from 'node:assert';
import { checkText, scanText } from '../../src/cli/cli';
import { DocumentAnalysis, TermIndex, type Entry } from '../../src/core';
import { abbreviates, definedAbbreviations } from '../../src/core/match/documentHits';
import { bundledKb } from './helpers';

const entries: Entry[] = [
  { id: 'parkinsons-disease', kind: 'condition', name: "Parkinson's disease" },
  { id: 'periodic-discharges', kind: 'test', name: 'periodic lateralized discharges' },
  { id: 'panic-disorder', kind: 'condition', name: 'panic disorder', abbreviations: ['PD'] },
  { id: 'fever', kind: 'symptom', name: 'fever' },
  { id: 'diabetes', kind: 'condition', name: 'diabetes' },
  { id: 'reflux', kind: 'condition', name: 'gastroesophageal reflux disease' },
  { id: 'high-blood-pressure', kind: 'condition', name: 'hypertension', layTerms: ['high blood pressure'] },
];
const index = TermIndex.fromEntries(entries, [], null);
const found = (text: string) => index.findTerms(text).map((h) => [text.slice(h.start, h.end), h.entryId]);

describe('abbreviations a document defines', () => {
  it('counts an abbreviation in brackets after its term from there on, as the term’s entry', () => {
    assert.deepEqual(found('Periodic lateralized discharges (PLDs) show on the test. PLDs come and go; one PLD is enough.'), [
      ['Periodic lateralized discharges', 'periodic-discharges'],
      ['PLDs', 'periodic-discharges'],
      ['PLDs', 'periodic-discharges'],
      ['PLD', 'periodic-discharges'],
    ]);
  });

  it('counts one in brackets before its term: "GERD (gastroesophageal reflux disease)"', () => {
    assert.deepEqual(found('GERD (gastroesophageal reflux disease) is common. GERD’s main sign is heartburn.'), [
      ['GERD', 'reflux'],
      ['gastroesophageal reflux disease', 'reflux'],
      ['GERD’s', 'reflux'],
    ]);
  });

  it('leaves uses before the definition as they were', () => {
    assert.deepEqual(found('PLDs again. Periodic lateralized discharges (PLDs).'), [
      ['Periodic lateralized discharges', 'periodic-discharges'],
      ['PLDs', 'periodic-discharges'],
    ]);
    // Before its definition "PD" keeps the knowledge base's meaning; after it, the document's.
    assert.deepEqual(found("PD is common. Parkinson's disease (PD) is too. PD here."), [
      ['PD', 'panic-disorder'],
      ["Parkinson's disease", 'parkinsons-disease'],
      ['PD', 'parkinsons-disease'],
      ['PD', 'parkinsons-disease'],
    ]);
  });

  it('keeps the meaning the knowledge base gives an abbreviation among the alternatives', () => {
    const [, defined] = index.findTerms("Parkinson's disease (PD).");
    assert.deepEqual([defined.entryId, defined.alternatives], ['parkinsons-disease', ['panic-disorder']]);
  });

  it('is case-sensitive', () => {
    assert.deepEqual(found('Periodic lateralized discharges (PLDs). Some plds, Plds.').map(([w]) => w), ['Periodic lateralized discharges', 'PLDs']);
  });

  it('defines nothing where the letters do not fit the term, or the brackets hold something else', () => {
    assert.deepEqual(found('Fever (FTW) and more FTW.'), [['Fever', 'fever']]);
    assert.deepEqual(found('A fever (see below) and diabetes (type 2).'), [
      ['fever', 'fever'],
      ['diabetes', 'diabetes'],
    ]);
    assert.deepEqual(found('A fever (FV, sometimes) then FV.'), [['fever', 'fever']]);
    assert.deepEqual(found('Fever ( FV ) is odd; FV.').map(([w]) => w), ['Fever']);
  });

  it('never invents a term: an abbreviation of an unrecognised phrase is nothing', () => {
    assert.deepEqual(found('The National Widget Council (NWC) met. NWC agreed.'), []);
    assert.deepEqual(found('XYZ (XYZ) and ABC.'), []);
  });

  it('can be defined by a lay term', () => {
    assert.deepEqual(found('High blood pressure (HBP) is common. Treat HBP early.'), [
      ['High blood pressure', 'high-blood-pressure'],
      ['HBP', 'high-blood-pressure'],
      ['HBP', 'high-blood-pressure'],
    ]);
  });

  it('ignores all-capitals lines, where casing says nothing', () => {
    assert.deepEqual(found('GERD (gastroesophageal reflux disease).\n\nLIVING WITH GERD AND YOU').map(([w]) => w), ['GERD', 'gastroesophageal reflux disease']);
  });

  it('lists what a document defines', () => {
    const text = 'Periodic lateralized discharges (PLDs); GERD (gastroesophageal reflux disease).';
    assert.deepEqual([...definedAbbreviations(text, index.scan(text, [{ start: 0, end: text.length }]))], [
      ['PLD', 'periodic-discharges'],
      ['GERD', 'reflux'],
    ]);
  });

  describe('whether an abbreviation could be formed from a term', () => {
    const fits: [string, string][] = [
      ['PD', "Parkinson's disease"],
      ['PLDs', 'periodic lateralized discharges'],
      ['GERD', 'gastroesophageal reflux disease'],
      ['TB', 'tuberculosis'],
      ['COPD', 'chronic obstructive pulmonary disease'],
      ['CFS', 'chronic fatigue syndrome'],
      ['GBS', 'Guillain-Barré syndrome'],
      ['ToF', 'tetralogy of Fallot'],
      ['T2D', 'type 2 diabetes'],
    ];
    for (const [abbreviation, term] of fits) it(`${abbreviation}: ${term}`, () => assert.ok(abbreviates(abbreviation.replace(/s$/, ''), term)));
    const misfits: [string, string][] = [
      ['PD', 'multiple sclerosis'],
      ['MS', "Parkinson's disease"],
      ['DP', "Parkinson's disease"],
      ['PDX', "Parkinson's disease"],
      ['P', "Parkinson's disease"],
      ['HD', 'high blood pressure'],
    ];
    for (const [abbreviation, term] of misfits) it(`not ${abbreviation}: ${term}`, () => assert.ok(!abbreviates(abbreviation, term)));
  });

  it('reaches the CLI scan and keeps the abbreviation rule quiet about a defined abbreviation', () => {
    const text = "Parkinson's disease (PD) is a movement disorder. Many people with PD have a tremor.\n";
    const kb = bundledKb();
    const pd = scanText(kb, 'a.md', text).filter((r) => r.text === 'PD');
    assert.deepEqual(pd.map((r) => r.id), ['parkinsons-disease', 'parkinsons-disease']);
    assert.deepEqual(checkText(kb, 'a.md', text, [], '2027-01-01').filter((f) => f.rule === 'abbreviation'), []);
  });

  it('follows the editor’s edits: defining, moving and removing a definition', () => {
    const kb = bundledKb();
    const texts = [
      'PLDs and PD here.\n\nSome text.\n',
      "PLDs and PD here.\n\nParkinson's disease (PD) is one.\n\nPD again.\n",
      "Parkinson's disease (PD) is one.\n\nPD and PD.\n",
      "Parkinson's disease (PX) is one.\n\nPD and PD.\n",
      "Parkinson's disease (PD is one.\n\nPD and PD.\n",
    ];
    let analysis = DocumentAnalysis.of(texts[0]);
    analysis.terms(kb.termIndex);
    for (const text of texts.slice(1)) {
      analysis = analysis.next(text);
      assert.deepEqual(analysis.terms(kb.termIndex), DocumentAnalysis.of(text).terms(kb.termIndex), text);
    }
    assert.equal(analysis.terms(kb.termIndex).filter((h) => analysis.text.slice(h.start, h.end) === 'PD').length, 0);
  });

  describe('bounded work on hostile 1 MB lines', function () {
    this.timeout(20_000);
    const MB = 1_000_000;
    const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    for (const unit of ['AB ', 'PD (', 'GERD (gastroesophageal reflux disease) GERD ', "Parkinson's disease (PD) PDs ", '(PD) (PD) ', 'ABCDEFGHIJKL (', 'chronic fatigue syndrome (CFSCFSCFSCFS) ']) {
      it(`scans "${unit}" repeated in well under a second per MB`, () => {
        const text = repeat(unit);
        const started = Date.now();
        const hits = bundledKb().termIndex.findTerms(text);
        const elapsed = Date.now() - started;
        for (const h of hits) assert.ok(h.start < h.end && h.end <= text.length && h.entryId !== '');
        assert.ok(elapsed < 5_000, `${elapsed} ms`);
      });
    }
  });
});
