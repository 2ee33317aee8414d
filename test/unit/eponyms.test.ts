import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentAnalysis, type Entry } from '../../src/core';
import { bundledKb, repoText, ROOT } from './helpers';

// Eponyms alone (issue 12 follow-up): the build derives "Addison's", "Guillain-Barré",
// "Lou Gehrig's" from "<Eponym> disease|syndrome…" as lay terms (scripts/kb/eponyms.mjs), and
// leaves out the eponyms that are everyday words, name several conditions, or are used for
// something else.

type Parsed = { eponym: string; possessive: boolean; head: string } | null;
type Sets = { proper: Set<string>; lower?: Set<string>; everyday?: Set<string>; spaced?: boolean };
type Derived = { added: { entry: string; form: string; eponym: string; from: string }[]; skipped: { eponym: string; entries: string[]; reason: string }[] };
type Eponyms = {
  parseEponymForm(form: string, sets: Sets): Parsed;
  eponymShortForm(eponym: string): string;
  everydayReason(eponym: string, everyday: Set<string>, skipped: Map<string, string>): string | null;
  eponymShortForms(entries: Entry[], options: { proper: Set<string>; lower?: Set<string>; everyday: Set<string>; skipped?: Map<string, string> }): Derived;
};
// tsc compiles the tests to CommonJS, whose import() would become require(): load the ES module as such
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<Eponyms>;
let E: Eponyms;
before(async () => {
  E = await importModule(pathToFileURL(path.join(ROOT, 'scripts/kb/eponyms.mjs')).href);
});

const entry = (id: string, name: string, more: Partial<Entry> = {}): Entry => ({ id, kind: 'condition', name, ...more }) as Entry;
const proper = new Set(['kessler', 'marlowe', 'ostrander', 'vane', 'tovey', 'mason', 'quill', 'brook', 'fenwick', 'halden']);
const lower = new Set(['stiff', 'person', 'pediatric', 'brook']);
const everyday = new Set(['mason', 'brook', 'quill']);
const sets = { proper, lower, everyday };

describe('eponyms alone (scripts/kb/eponyms.mjs)', () => {
  describe('parseEponymForm', () => {
    it('finds the eponym of "<Eponym> <head>" and "<Eponym>\'s <head>"', () => {
      assert.deepEqual(E.parseEponymForm('Kessler disease', sets), { eponym: 'Kessler', possessive: false, head: 'disease' });
      assert.deepEqual(E.parseEponymForm("Marlowe's syndrome", sets), { eponym: 'Marlowe', possessive: true, head: 'syndrome' });
      assert.deepEqual(E.parseEponymForm('Halden’s palsy', sets), { eponym: 'Halden', possessive: true, head: 'palsy' });
    });

    it('takes compounds of names and names of several words, with diacritics', () => {
      assert.equal(E.parseEponymForm('Ostrander-Vané syndrome', sets)?.eponym, 'Ostrander-Vané');
      assert.equal(E.parseEponymForm('Tovey-Ferrand-Lusk disease', sets)?.eponym, 'Tovey-Ferrand-Lusk', 'one proper name makes a compound of names');
      assert.equal(E.parseEponymForm('Ferrand-Lusk disease', sets)?.eponym, 'Ferrand-Lusk', 'no part an everyday or lower-case word');
      assert.equal(E.parseEponymForm("Lou Fenwick's disease", sets)?.eponym, 'Lou Fenwick');
      assert.equal(E.parseEponymForm('non-Kessler lymphoma', sets)?.eponym, 'non-Kessler');
    });

    it('takes no form whose eponym is not a name, or whose head is not a condition word', () => {
      assert.equal(E.parseEponymForm('Stiff-Person syndrome', sets), null, 'a compound of lower-case words');
      assert.equal(E.parseEponymForm("Pediatric Kessler's disease", sets), null, 'a word the sources write in lower case');
      assert.equal(E.parseEponymForm('Brook disease', sets), null, 'a proper name the sources also write in lower case');
      assert.equal(E.parseEponymForm('Kessler sign', sets), null, 'a sign is no condition head');
      assert.equal(E.parseEponymForm('Lassa fever', { proper: new Set(['lassa']) }), null, 'places name fevers');
      assert.equal(E.parseEponymForm('Kessler disease of bone', sets), null);
      assert.equal(E.parseEponymForm("Lou Fenwick's disease", { ...sets, spaced: false }), null, 'several words only from a name or lay term');
    });
  });

  it('writes a short form per eponym: a possessive, or a compound bare', () => {
    assert.equal(E.eponymShortForm('Kessler'), "Kessler's");
    assert.equal(E.eponymShortForm('Tovey'), "Tovey's");
    assert.equal(E.eponymShortForm('Fuchs'), "Fuchs'");
    assert.equal(E.eponymShortForm('Ostrander-Vané'), 'Ostrander-Vané');
    assert.equal(E.eponymShortForm('Lou Fenwick'), "Lou Fenwick's");
  });

  it('leaves out a one-word eponym that is an everyday word, or whose key is another word', () => {
    const none = new Map<string, string>();
    assert.match(E.everydayReason('Mason', everyday, none) ?? '', /everyday word/);
    assert.match(E.everydayReason('Edwards', everyday, none) ?? '', /`edward`/, '"Edwards\'" has the key of "Edward"');
    assert.equal(E.everydayReason('Mason-Tovey', everyday, none), null, 'a compound is no everyday word');
    assert.match(E.everydayReason('Kessler', everyday, new Map([['kessler', 'a shop']])) ?? '', /eponyms\.json: a shop/);
    assert.equal(E.everydayReason('Kessler', everyday, none), null);
  });

  describe('eponymShortForms', () => {
    const derive = (entries: Entry[], skipped = new Map<string, string>()) => E.eponymShortForms(entries, { ...sets, skipped });
    const added = (d: Derived) => d.added.map((a) => `${a.form} → ${a.entry}`);

    it('derives one short form per eponym of a condition or symptom, from its name, synonyms or lay terms', () => {
      const d = derive([
        entry('kessler', 'Kessler disease', { synonyms: ["Kessler's disease"] }),
        entry('ov', 'Ostrander-Vané syndrome'),
        entry('palsy', 'facial weakness', { kind: 'symptom', synonyms: ['Halden palsy'] }),
        entry('fen', 'motor neurone disease', { layTerms: ["Lou Fenwick's disease"] }),
        entry('stain', 'Ferrand-Kessler stain', { kind: 'test' }),
      ]);
      assert.deepEqual(added(d), ["Halden's → palsy", "Kessler's → kessler", "Lou Fenwick's → fen", 'Ostrander-Vané → ov']);
    });

    it('adds nothing an entry has already, and leaves out a key another entry has', () => {
      const d = derive([entry('kessler', 'Kessler disease', { layTerms: ["Kessler's"] }), entry('tovey', 'Tovey syndrome'), entry('tov', 'tovey', { kind: 'anatomy' })]);
      assert.deepEqual(added(d), []);
      assert.deepEqual(
        d.skipped.map((s) => s.eponym),
        ['Tovey'],
      );
    });

    it('leaves out an eponym the knowledge base uses for something else', () => {
      const d = derive([entry('tovey', 'Tovey syndrome'), entry('tovey-score', 'Tovey score', { kind: 'test' })]);
      assert.deepEqual(added(d), []);
      assert.match(d.skipped[0].reason, /tovey-score \(a test\)/);
    });

    it('gives an eponym of several conditions to the one named by it alone; otherwise to none', () => {
      // the parent: its name is "<Eponym> disease", the others are qualified variants
      const parent = derive([entry('marlowe', "Marlowe's disease"), entry('marlowe-anemia', 'pernicious anemia', { synonyms: ["Marlowe's anaemia"] })]);
      assert.deepEqual(added(parent), ["Marlowe's → marlowe"]);
      // two conditions with the eponym and a head alone
      const two = derive([entry('kessler-d', 'Kessler disease'), entry('kessler-s', 'Kessler syndrome')]);
      assert.deepEqual(added(two), []);
      assert.match(two.skipped[0].reason, /more than one entry's condition/);
      // only qualified forms ("of bone", "of the breast"): neither is named by the eponym alone
      const sites = derive([entry('k-bone', 'Kessler disease of bone', { synonyms: ["Kessler's bone disease"] }), entry('k-breast', 'Kessler disease of the breast')]);
      assert.deepEqual(added(sites), []);
      // a source synonym is no name: "Halden's syndrome" beside another condition's "Halden's arthropathy"
      const synonymOnly = derive([entry('claudication', 'claudication', { synonyms: ["Halden's syndrome"] }), entry('joint', 'neuropathic joint', { synonyms: ["Halden's arthropathy"] })]);
      assert.deepEqual(added(synonymOnly), []);
    });

    it('leaves out everyday words and eponyms left out by hand, each with its reason', () => {
      const d = derive([entry('mason', 'Mason syndrome'), entry('quill', "Quill's disease"), entry('vane', 'Vane disease')], new Map([['vane', 'a weather vane']]));
      assert.deepEqual(added(d), []);
      assert.deepEqual(
        d.skipped.map((s) => `${s.eponym}: ${/everyday word/.test(s.reason) ? 'everyday' : s.reason}`),
        ['Mason: everyday', 'Quill: everyday', 'Vane: left out by data/manual/eponyms.json: a weather vane'],
      );
    });
  });

  describe('in the bundled knowledge base', () => {
    /** The entry each recognised word of `text` leads to, as `words → id`. */
    const recognised = (text: string) =>
      DocumentAnalysis.of(text)
        .terms(bundledKb().termIndex)
        .map((hit) => `${text.slice(hit.start, hit.end)} → ${hit.entryId}`);

    it('recognises conditions written by their eponym alone', () => {
      assert.deepEqual(recognised("After Guillain-Barré, she learned about Ménière's, Addison's and Hodgkin's, and Lou Gehrig's and Creutzfeldt-Jakob."), [
        'Guillain-Barré → guillain-barre-syndrome',
        "Ménière's → menieres-disease",
        "Addison's → addisons-disease",
        "Hodgkin's → hodgkins-lymphoma",
        "Lou Gehrig's → amyotrophic-lateral-sclerosis",
        'Creutzfeldt-Jakob → creutzfeldt-jakob-disease',
      ]);
    });

    it('keeps "non-Hodgkin\'s" apart from Hodgkin\'s', () => {
      assert.deepEqual(recognised("It was non-Hodgkin's, not Hodgkin's."), ["non-Hodgkin's → non-hodgkin-lymphoma", "Hodgkin's → hodgkins-lymphoma"]);
    });

    it('does not take everyday words for an eponym', () => {
      assert.deepEqual(recognised("She is still at home. Bell's tower rang. We visited the graves of soldiers, a grave sight, on Down's street. Peter Edwards went west. Add Lloyd's and Harper's to the list."), []);
    });

    it('ships each short form as a lay term, and reports each one and each eponym left out', () => {
      const report = JSON.parse(repoText('data/kb-report.json')) as { eponymShortForms: Derived['added']; eponymsLeftOut: Derived['skipped'] };
      const byId = new Map(bundledKb().entries.map((e) => [e.id, e]));
      assert.ok(report.eponymShortForms.length > 100);
      for (const a of report.eponymShortForms) assert.ok(byId.get(a.entry)?.layTerms?.includes(a.form), `${a.form} is a lay term of ${a.entry}`);
      const out = new Map(report.eponymsLeftOut.map((s) => [s.eponym, s.reason]));
      for (const eponym of ['Still', 'Bell', 'Down', 'Graves', 'Cushing', 'Raynaud', 'Wernicke']) assert.ok(out.get(eponym), `${eponym} is left out`);
    });

    it('gives every hand-written decision of data/manual/eponyms.json a reason', () => {
      const file = JSON.parse(repoText('data/manual/eponyms.json')) as { leftOut: { eponym: string; reason: string }[] };
      for (const r of file.leftOut) assert.ok(r.eponym && r.reason && !/pending/i.test(r.reason), JSON.stringify(r));
    });
  });
});
