import { strict as assert } from 'node:assert';
import { DocumentAnalysis, fleschKincaidGrade, renderCard, termKey, type Entry, type KbFile } from '../../src/core';
import { bundledKb, copiesSourceDefinition, kbOf, repoText } from './helpers';

// Medicines (issue 12): the entries scripts/kb/medicines.mjs makes of data/sources/drugs/ (FDA
// NDC classes, Drugs@FDA, DrugBank's open vocabulary) and the hand-written medicine classes.

const kb = JSON.parse(repoText('data/kb.json')) as KbFile & { sources: { name: string; version: string; licence: string; notice?: string }[] };
const entries = kb.entries as Entry[];
const report = JSON.parse(repoText('data/kb-report.json')) as { medicinesLeftOut: { name: string; why: string }[] };
const medicines = entries.filter((e) => e.drugClasses || e.brandNames);
const byId = (id: string) => entries.find((e) => e.id === id)!;
type MedicineDefinition = { name: string; definition: string };
const definitions = (JSON.parse(repoText('data/manual/medicines/definitions.json')) as { definitions: MedicineDefinition[] }).definitions;

/** The entry each recognised word of `text` leads to, as `word → id`. */
function recognised(text: string): string[] {
  return DocumentAnalysis.of(text)
    .terms(bundledKb().termIndex)
    .map((hit) => `${text.slice(hit.start, hit.end)} → ${hit.entryId}`);
}

describe('medicines', () => {
  it('brings in at least 1,000 medicines on the US market, each a treatment', () => {
    assert.ok(medicines.length >= 1000, `${medicines.length}`);
    assert.deepEqual(medicines.filter((e) => e.kind !== 'treatment').map((e) => e.id), []);
  });

  it('recognises a generic name, a brand name and a salt form, each leading to the medicine', () => {
    assert.deepEqual(recognised('She took naproxen, then switched to Zoloft.'), ['naproxen → naproxen', 'Zoloft → sertraline']);
    assert.deepEqual(recognised('Metformin hydrochloride is a pill.'), ['Metformin hydrochloride → metformin']);
  });

  it('names a medicine without its salt ("losartan potassium" is losartan) and keeps one entry per medicine', () => {
    assert.ok(byId('losartan'));
    const salted = medicines.filter((e) => / (hydrochloride|hcl|sodium|potassium|maleate|mesylate|besylate|tartrate|succinate|sulfate|acetate|propionate)$/.test(e.name));
    assert.deepEqual(salted.map((e) => e.name), []);
  });

  it('keeps a brand name in its own casing and shows it on the card with the class', () => {
    const ibuprofen = byId('ibuprofen');
    assert.ok(ibuprofen.brandNames?.includes('Advil'));
    assert.ok(ibuprofen.synonyms?.includes('Advil'));
    const card = renderCard(ibuprofen, bundledKb());
    assert.match(card, /^\*\*Class:\*\* nonsteroidal anti-inflammatory drug; \*\*brand names:\*\* Advil, /m);
    assert.doesNotMatch(card, /\*\*Also called:\*\*.*Advil/, 'a brand name is shown once');
  });

  it('shows a brand line without a class, and escapes what a medicine line holds', () => {
    const kbx = kbOf([{ id: 'm', kind: 'treatment', name: 'examplol', synonyms: ['*Bold*'], brandNames: ['*Bold*'] }]);
    assert.match(renderCard(kbx.get('m')!, kbx), /^\*\*Brand names:\*\* \\\*Bold\\\*$/m);
    const kby = kbOf([{ id: 'n', kind: 'treatment', name: 'examplin', drugClasses: ['<b>class</b>'] }]);
    assert.match(renderCard(kby.get('n')!, kby), /^\*\*Class:\*\* &lt;b&gt;class&lt;\/b&gt;$/m);
  });

  it('recognises the class words writers use, singular, plural and abbreviated, each with a card', () => {
    assert.deepEqual(recognised('An antimalarial and two antimalarials; a DMARD or DMARDs; cephalosporins; an NSAID; a triptan and triptans.'), [
      'antimalarial → antimalarials',
      'antimalarials → antimalarials',
      'DMARD → dmards',
      'DMARDs → dmards',
      'cephalosporins → cephalosporins',
      'NSAID → nonsteroidal-anti-inflammatory-drugs',
      'triptan → triptans',
      'triptans → triptans',
    ]);
    for (const id of ['antimalarials', 'dmards', 'cephalosporins']) assert.ok(byId(id).definition, id);
  });

  it('links a medicine to its class entry', () => {
    assert.ok(byId('hydroxychloroquine').related?.includes('antimalarials'));
    assert.ok(byId('sumatriptan').related?.includes('triptans'));
  });

  it('keeps out sunscreens, homeopathic products, contrast and radioactive agents, and everyday substances', () => {
    const names = new Set(entries.flatMap((e) => [e.name, ...(e.synonyms ?? [])].map(termKey)));
    for (const name of ['avobenzone', 'oxybenzone', 'zinc oxide', 'iohexol', 'oxygen', 'sodium chloride', 'dopamine', 'caffeine']) assert.ok(!names.has(termKey(name)), name);
    assert.deepEqual(medicines.filter((e) => /homeopath/i.test(e.name)).map((e) => e.name), []);
    const leftOut = new Map(report.medicinesLeftOut.map((l) => [l.name, l.why]));
    assert.match(leftOut.get('oxygen') ?? '', /excluded by hand/);
    const curation = JSON.parse(repoText('data/manual/medicines/curation.json')) as { excludedSubstances: { name: string; reason: string }[] };
    for (const s of ['avobenzone', 'octinoxate', 'oxybenzone', 'zinc oxide']) assert.match(curation.excludedSubstances.find((x) => x.name === s)?.reason ?? '', /sunscreen/, s);
    assert.match(leftOut.get('iohexol') ?? '', /contrast/);
  });

  it('does not take the hormone insulin or a body chemical for a medicine of its own', () => {
    assert.deepEqual(recognised('Dopamine and serotonin are chemical messengers.'), []);
    assert.equal(entries.filter((e) => termKey(e.name) === termKey('insulin')).length, 1);
  });

  it('defines at least 150 medicines in plain words: grade 8 or below, 1 to 3 sentences, not copied, review "written"', () => {
    const defined = medicines.filter((e) => e.definition && e.review?.status === 'written');
    assert.ok(defined.length >= 150, `${defined.length}`);
    const hard = definitions.filter((d) => fleschKincaidGrade(d.definition) > 8).map((d) => `${d.name} ${fleschKincaidGrade(d.definition).toFixed(1)}`);
    assert.deepEqual(hard, []);
    assert.deepEqual(definitions.filter((d) => (d.definition.match(/[.!?]+(?=\s|$)/g) ?? []).length > 3).map((d) => d.name), []);
    assert.deepEqual(definitions.filter((d) => copiesSourceDefinition(d.definition)).map((d) => d.name), []);
    for (const d of definitions) assert.equal(entries.find((e) => termKey(e.name) === termKey(d.name))?.definition, d.definition, d.name);
  });

  it('says on the card that a "written" definition is not yet checked or reviewed by a clinician', () => {
    const card = renderCard(byId('naproxen'), bundledKb());
    assert.match(card, /Written by the MedTerms team in its own words; not yet checked against the sources above or reviewed by a clinician\./);
  });

  it('names each medicine source with version and licence, in data/kb.json and NOTICE', () => {
    const notice = repoText('NOTICE');
    for (const [name, licence] of [
      [/National Drug Code/, /Public domain/],
      [/Drugs@FDA/, /Public domain/],
      [/DrugBank/, /CC0 1\.0/],
    ] as const) {
      const s = kb.sources.find((x) => name.test(x.name));
      assert.ok(s && s.version && licence.test(s.licence), String(name));
      assert.match(notice, name);
    }
    assert.match(notice, /Benson/);
    assert.match(notice, /DrugBank 6\.0/);
  });
});
