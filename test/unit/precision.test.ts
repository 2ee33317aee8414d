import { strict as assert } from 'node:assert';
import { DocumentAnalysis, TermIndex, type Entry } from '../../src/core';
import { BUNDLED_PHRASING, PhraseMatcher } from '../../src/core/match/phrasing';
import { OrganisationNames, type OrganisationTable } from '../../src/core/match/organisations';
import { bundledKb, repoText } from './helpers';

/** Each term the bundled knowledge base finds in `text`, as written. */
function found(text: string): string[] {
  return bundledKb()
    .termIndex.findTerms(text)
    .map((h) => text.slice(h.start, h.end));
}

const entry = (id: string, name: string, extra: Partial<Entry> = {}): Entry => ({ id, kind: 'condition', name, ...extra });

describe('precision: what the guidelines do not count as a term', () => {
  describe('names of organisations and programmes', () => {
    const index = TermIndex.fromEntries([entry('asthma', 'asthma'), entry('kidney-disease', 'kidney disease'), entry('migraine', 'migraine'), entry('diabetes', 'diabetes')], [], null);
    const terms = (text: string) => index.findTerms(text).map((h) => text.slice(h.start, h.end));

    it('a name ending in a head word is no term: "… Asthma Foundation", "… Migraine Society"', () => {
      assert.deepEqual(terms('Ask the Regional Asthma Foundation about asthma.'), ['asthma']);
      assert.deepEqual(terms('The World Migraine Society met; migraine was the topic.'), ['migraine']);
    });

    it('a name going on after its head: "Institute of …", "Center for …", joined by and, commas, &', () => {
      assert.deepEqual(terms('Funded by the State Institute of Diabetes and Kidney Disease Research.'), []);
      assert.deepEqual(terms('See the Northern Center for Asthma, Allergy & Lung Care today'), []);
      assert.deepEqual(terms('the Global Heart, Kidney Disease, and Asthma Council said kidney disease is common'), ['kidney disease']);
    });

    it('a lower-case head, a head alone, or a name cut by a full stop leaves the terms', () => {
      assert.deepEqual(terms('an asthma foundation of parents'), ['asthma']);
      assert.deepEqual(terms('Program costs rose. Asthma is common.'), ['Asthma']);
      assert.deepEqual(terms('Living with Diabetes. Institute staff can help.'), ['Diabetes']);
      assert.deepEqual(terms('diabetes and the Lung Institute'), ['diabetes']);
    });

    it('the bundled knowledge base: a disease word in an agency name is no term, the same word in prose is', () => {
      assert.deepEqual(found('The National Institute of Arthritis and Kidney Diseases funds studies of arthritis.'), ['arthritis']);
      assert.deepEqual(found('The Centers for Disease Control and Prevention tracks Lyme disease.'), ['Lyme disease']);
      assert.deepEqual(found('Contact the American Lupus Alliance. Lupus can flare.'), ['Lupus']);
    });

    it('reads any line in linear time: a million capitalised words and heads', () => {
      const matcher = new OrganisationNames({ heads: ['Institute'], inside: ['and'], after: ['of'], continuing: ['and'] } satisfies OrganisationTable);
      for (const unit of ['Big ', 'Institute ', 'Big Institute of ', 'and Big ', 'Institute, ', 'of Big and ']) {
        const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
        const t0 = Date.now();
        const hits = index.findTerms(text);
        assert.ok(Date.now() - t0 < 3000, `${JSON.stringify(unit)} took ${Date.now() - t0} ms`);
        assert.equal(hits.length, 0);
        assert.ok(matcher.roleOf('Institute', 'institute') > 0);
      }
    });
  });

  describe('cell types, blood and quantities (lookupOnly, data/manual/lookup-only.json)', () => {
    it('an entry marked lookupOnly is not recognised in prose, but look-up still finds it', () => {
      const kb = bundledKb();
      for (const id of ['platelet', 'red-blood-cell', 'lymphocyte', 'b-cell', 'blood', 'natural-killer-cell']) assert.equal(kb.get(id)?.lookupOnly, true, id);
      assert.deepEqual(found('Her platelets and white cells were low, and T lymphocytes fell; blood was drawn.'), []);
      assert.equal(kb.search.search('platelets', 5)[0]?.id, 'platelet');
    });

    it('the rule keeps body parts, tissues and systems, and terms that hold a cell or blood word', () => {
      const kb = bundledKb();
      for (const id of ['bone-marrow', 'myelin', 'immune-system', 'blood-vessel', 'cerebrospinal-fluid', 'skin']) assert.notEqual(kb.get(id)?.lookupOnly, true, id);
      assert.deepEqual(found('A blood test showed a low white blood cell count and vitamin B12 deficiency.').sort(), ['blood test', 'vitamin B12 deficiency', 'low white blood cell count'].sort());
    });

    it('every anatomy entry named as a cell type is lookupOnly', () => {
      const cells = bundledKb().entries.filter((e) => e.kind === 'anatomy' && /(?:\bcell|cyte|phil)$/.test(e.name));
      assert.ok(cells.length >= 10);
      for (const e of cells) assert.equal(e.lookupOnly, true, e.id);
    });

    it('a lookupOnly entry of a team layer is not recognised either', () => {
      const index = TermIndex.fromEntries([entry('stem-cell', 'stem cell', { kind: 'anatomy', lookupOnly: true }), entry('anemia', 'anemia')], [], null);
      assert.deepEqual(index.findTerms('stem cell anemia').length, 1);
    });
  });

  describe('"blood pressure", the quantity', () => {
    it('alone is no term; high and low blood pressure are', () => {
      assert.deepEqual(found('Check your blood pressure each week.'), []);
      assert.deepEqual(found('Her blood pressure reading was normal.'), []);
      assert.deepEqual(found('Both high blood pressure and low blood pressure need care.'), ['high blood pressure', 'low blood pressure']);
    });

    it('the build leaves out the SYMP term that only groups a high and a low form of itself (reported)', () => {
      const report = JSON.parse(repoText('data/kb-report.json')) as { aliasCollisions: { form: string; droppedFrom?: string; resolution: string }[] };
      assert.ok(report.aliasCollisions.some((c) => c.form === 'blood pressure' && c.droppedFrom === 'SYMP:0020063' && /measured quantity/.test(c.resolution)));
      assert.equal(bundledKb().entries.find((e) => e.codes?.symp === 'SYMP:0020063'), undefined);
    });
  });

  describe('exact spans (data/manual/term-spans.json)', () => {
    const index = TermIndex.fromEntries(
      [
        entry('knee-pain', 'knee pain', { kind: 'symptom' }),
        entry('hip-pain', 'hip pain', { kind: 'symptom' }),
        entry('knee-stiffness', 'knee stiffness', { kind: 'symptom' }),
        entry('fungal-infection', 'fungal infection'),
        entry('yeast-infection', 'yeast infection'),
        entry('asthma', 'asthma', { abbreviations: ['AA'], layTerms: ['wheezy chest'] }),
        entry('itchy-skin', 'itchy skin', { kind: 'symptom' }),
      ],
      [],
      null,
    );
    const spans = (text: string) => index.findTerms(text).map((h) => [text.slice(h.start, h.end), h.entryId, ...h.alternatives]);

    it('a coordinated ellipsis sharing its last words is one span of the first term, the second as alternative', () => {
      assert.deepEqual(spans('She had hip or knee pain.'), [['hip or knee pain', 'hip-pain', 'knee-pain']]);
      assert.deepEqual(spans('a fungal and yeast infection'), [['fungal and yeast infection', 'fungal-infection', 'yeast-infection']]);
    });

    it('a coordinated ellipsis sharing its first words is one span', () => {
      assert.deepEqual(spans('knee pain or stiffness'), [['knee pain or stiffness', 'knee-pain', 'knee-stiffness']]);
    });

    it('no ellipsis where the implied term is not one, or the words are not joined', () => {
      assert.deepEqual(spans('arm or knee pain'), [['knee pain', 'knee-pain']]);
      assert.deepEqual(spans('knee pain or swelling'), [['knee pain', 'knee-pain']]);
      assert.deepEqual(spans('hip, or knee pain'), [['knee pain', 'knee-pain']]);
      assert.deepEqual(spans('knee pain. Or stiffness'), [['knee pain', 'knee-pain']]);
    });

    it('an age group before a name is part of it; not before an abbreviation or a lay term, nor taken from another term', () => {
      assert.deepEqual(spans('Childhood asthma is common.'), [['Childhood asthma', 'asthma']]);
      assert.deepEqual(spans('adult asthma'), [['adult asthma', 'asthma']]);
      assert.deepEqual(spans('childhood AA'), [['AA', 'asthma']]);
      assert.deepEqual(spans('a childhood wheezy chest'), [['wheezy chest', 'asthma']]);
      assert.deepEqual(spans('the adult itchy skin'), [['adult itchy skin', 'itchy-skin']]);
    });

    it('"the" before a lay term is no part of it when the bare form is a form of the same entry', () => {
      const index = TermIndex.fromEntries([entry('gout', 'gout', { layTerms: ['the gout', 'gouty toe'] }), entry('tremor', 'tremor', { kind: 'symptom', layTerms: ['the trembles'] })], [], null);
      const written = (text: string) => index.findTerms(text).map((h) => text.slice(h.start, h.end));
      assert.deepEqual(written('He had the gout again.'), ['gout']);
      assert.deepEqual(written('She got the trembles.'), ['the trembles']);
    });

    it('the bundled knowledge base: "muscle or joint aches" and "the flu"', () => {
      assert.deepEqual(found('Fever with muscle or joint aches, like the flu.'), ['Fever', 'muscle or joint aches', 'flu']);
    });

    it('stays linear on a line of coordinated terms', () => {
      for (const unit of ['hip or knee pain ', 'knee pain or stiffness or ', 'or or or hip ', 'childhood childhood asthma ']) {
        const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
        const t0 = Date.now();
        index.findTerms(text);
        assert.ok(Date.now() - t0 < 3000, `${JSON.stringify(unit)} took ${Date.now() - t0} ms`);
      }
    });
  });

  describe('cards worth hovering', () => {
    it('every entry the example article lights up has a definition', () => {
      const kb = bundledKb();
      const text = repoText('examples/numbness-in-hands.md');
      const bare = DocumentAnalysis.of(text)
        .terms(kb.termIndex)
        .filter((h) => !kb.get(h.entryId)?.definition)
        .map((h) => `${text.slice(h.start, h.end)} -> ${h.entryId}`);
      assert.deepEqual(bare, [], 'write a definition (data/manual/definitions/*.json); node scripts/cards-undefined.mjs lists them');
    });

    it('every entry patient phrasing leads to has a definition', () => {
      const kb = bundledKb();
      const bare = [...new Set(PhraseMatcher.targets(BUNDLED_PHRASING).map((t) => t.entryId))].filter((id) => !kb.get(id)?.definition);
      assert.deepEqual(bare, []);
    });
  });
});

