import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentAnalysis, styleFindings, termKey, type Entry } from '../../src/core';
import { bundledKb, repoText, ROOT } from './helpers';

// The alias audit of scripts/kb/alias-audit.mjs (issue 13): each check on small entries of our
// own, and what the audited knowledge base promises — say-instead wording never nests the name
// and leads back to its entry (or a more general one), widely understood names are never jargon.

type Flag = { check: string; entry: string; field: string; value: string; note: string; suggested?: string; other?: string };
type Audit = {
  crossEntryFlags(entries: Entry[]): Flag[];
  qualifierFlags(entries: Entry[]): Flag[];
  sayInsteadFlags(entries: Entry[], findTerms: (text: string) => { start: number; end: number; entryId: string; field: string }[]): Flag[];
  icdTitleFlags(entries: Entry[], icd: Map<string, { long: string; billable: boolean }>): Flag[];
  icdNarrowerFlags(entries: Entry[], icd: Map<string, { long: string; billable: boolean }>, mapped: Set<string>): Flag[];
  headersAbove(code: string): string[];
  vagueHead(alias: string, name: string): string | null;
  extraPart(synonym: string, name: string): string | null;
  sourceLabelFlags(entries: Entry[], labels: Map<string, string>): Flag[];
  decide(flags: Flag[], decisions: object): { decided: (Flag & { decision: string; moveTo?: string })[]; undecided: Flag[] };
  applyDecisions(entries: Entry[], decided: (Flag & { decision: string; moveTo?: string })[]): Map<string, string>;
};
// tsc compiles the tests to CommonJS, whose import() would become require(): load the ES module as such
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<Audit>;
let A: Audit;
before(async () => {
  A = await importModule(pathToFileURL(path.join(ROOT, 'scripts/kb/alias-audit.mjs')).href);
});

const entry = (id: string, name: string, more: Partial<Entry> = {}): Entry => ({ id, kind: 'condition', name, ...more }) as Entry;
const values = (flags: Flag[]) => flags.map((f) => `${f.entry} ${f.field} ${f.value}`);

describe('alias audit (scripts/kb/alias-audit.mjs)', () => {
  describe('crossEntry', () => {
    it('flags an alias that is the say-instead wording of another entry', () => {
      const fast = entry('fast-breathing', 'polypnoea', { kind: 'symptom', sayInstead: 'quick breaths' });
      const panic = entry('overbreathing', 'overbreathing syndrome', { layTerms: ['quick breaths', 'air hunger'] });
      assert.deepEqual(values(A.crossEntryFlags([fast, panic])), ['overbreathing layTerms quick breaths']);
    });

    it('flags an entry named by another entry’s say-instead, and entries sharing a MeSH heading, once per pair', () => {
      const a = entry('low-bp', 'hypotonia arterialis', { sayInstead: 'weak pressure', codes: { mesh: 'D000001' } });
      const b = entry('weak-pressure', 'weak pressure', { kind: 'symptom', codes: { mesh: 'D000001' } });
      const flags = A.crossEntryFlags([a, b]);
      assert.deepEqual(values(flags), ['weak-pressure entry weak pressure']);
      assert.equal(flags[0].other, 'low-bp');
    });
  });

  describe('crossEntry: source names', () => {
    it('flags an alias that the Disease Ontology uses as the name of another disease, not of the entry itself', () => {
      const labels = new Map([['gleet myopathy', 'DOID:1'], ['distal gleet', 'DOID:2']]);
      const e = entry('distal-gleet', 'distal gleet', { codes: { doid: 'DOID:2' }, synonyms: ['Gleet myopathy', 'distal gleet disease'], layTerms: ['gleet myopathy'] });
      assert.deepEqual(values(A.sourceLabelFlags([e], labels)), ['distal-gleet synonyms Gleet myopathy', 'distal-gleet layTerms gleet myopathy']);
    });
  });

  describe('qualifier', () => {
    it('flags a synonym with a qualifier the name lacks, or without one it has', () => {
      const flags = A.qualifierFlags([
        entry('cardia-spasm', 'cardiospasm', { synonyms: ['hypertensive gullet sphincter', 'cardia achalasia'] }),
        entry('gum-cancer', 'gum cancer', { synonyms: ['gingival growth', 'malignant gingival tumour'], layTerms: ['gum tumors'] }),
        entry('leg-ulcer', 'chronic leg ulcer', { synonyms: ['leg ulcer'] }),
      ]);
      assert.deepEqual(values(flags).sort(), ['cardia-spasm synonyms hypertensive gullet sphincter', 'gum-cancer layTerms gum tumors', 'gum-cancer synonyms gingival growth', 'leg-ulcer synonyms leg ulcer']);
    });

    it('does not flag a site the name already says in other words, or an eponym the name has', () => {
      const flags = A.qualifierFlags([
        entry('kidney-cancer', 'kidney cancer', { synonyms: ['renal cancer', 'malignant tumour of kidney'] }),
        entry('hashimoto', "Hashimoto's thyroiditis", { synonyms: ['Hashimoto thyroiditis'] }),
      ]);
      assert.deepEqual(flags, []);
    });

    it('flags an alias that ends in a vague word the name lacks, once, with its other notes', () => {
      assert.equal(A.vagueHead('perspiration dysfunction', 'hidrosis absent'), 'dysfunction');
      assert.equal(A.vagueHead('gait irregularities', 'gait abnormality'), 'irregularities');
      assert.equal(A.vagueHead('Conduct problems', 'conduct problem'), null, 'the name has the word itself');
      assert.equal(A.vagueHead('sweating without problems here', 'hidrosis absent'), null, 'only the last word counts');
      const e = entry('lues', 'lues', { synonyms: ['luetic chancre', 'chronic lues chancre'], layTerms: ['lues problems'] });
      const flags = A.qualifierFlags([e]);
      assert.deepEqual(values(flags), ['lues layTerms lues problems', 'lues synonyms luetic chancre', 'lues synonyms chronic lues chancre']);
      assert.equal(flags[2].note, 'adds chronic; ends in the vague word "chancre" the name lacks');
    });

    it('flags a synonym that names one part of an organ the name lacks', () => {
      assert.equal(A.extraPart('malignant neoplasm of tail of spleen', 'spleen cancer'), 'tail');
      assert.equal(A.extraPart('malignant neoplasm of dome of spleen', 'spleen dome cancer'), null, 'the name says the part');
      assert.deepEqual(
        A.qualifierFlags([entry('spleen-cancer', 'spleen cancer', { synonyms: ['malignant neoplasm of tail of spleen', 'splenic cancer'] })]).map((f) => f.note),
        ['names a part ("tail") the name lacks'],
      );
    });

    it('flags an eponym variant the name lacks', () => {
      assert.deepEqual(values(A.qualifierFlags([entry('elephantiasis', 'filarial elephantiasis', { synonyms: ['Bancroftian elephantiasis'] })])), ['elephantiasis synonyms Bancroftian elephantiasis']);
    });
  });

  describe('sayInstead', () => {
    const noTerms = () => [];
    it('flags an abbreviation and wording that nests the name', () => {
      const flags = A.sayInsteadFlags(
        [
          entry('ocd', 'compulsive checking disorder', { sayInstead: 'CCD' }),
          entry('itp', 'autoimmune platelet purpura', { synonyms: ['immune platelet loss'], sayInstead: 'immune platelet loss (IPL)' }),
          entry('fine', 'cephalalgia', { sayInstead: 'headache' }),
        ],
        noTerms,
      );
      assert.deepEqual(values(flags), ['ocd sayInstead CCD', 'itp sayInstead immune platelet loss (IPL)']);
      assert.match(flags[1].note, /contains the name it replaces/);
    });

    it('flags wording the term index reads as another entry, or as a clinical name', () => {
      const entries = [entry('tachy', 'tachypnoea', { sayInstead: 'quick breaths' }), entry('hyper', 'hyperpnoea', { sayInstead: 'hyperpnoea syndrome' })];
      const findTerms = (text: string) =>
        text === 'quick breaths' ? [{ start: 0, end: text.length, entryId: 'other', field: 'layTerm' }] : [{ start: 0, end: 9, entryId: 'hyper', field: 'name' }];
      const flags = A.sayInsteadFlags(entries, findTerms);
      assert.deepEqual(values(flags), ['tachy sayInstead quick breaths', 'hyper sayInstead hyperpnoea syndrome']);
      assert.match(flags[0].note, /a term of other/);
    });
  });

  describe('ICD-10-CM codes', () => {
    const icd = new Map([
      ['Q10', { long: 'Frequent urination', billable: false }],
      ['Q10.0', { long: 'Night urination', billable: true }],
      ['Q10.8', { long: 'Other frequent urination', billable: true }],
      ['Q11', { long: 'Stones of lower urinary tract', billable: true }],
      ['Q12', { long: 'Whooping cough', billable: true }],
    ]);
    it('flags a title that shares no word with the name, and a header with a billable child of its own title', () => {
      const flags = A.icdTitleFlags(
        [entry('freq', 'frequent urination', { codes: { icd10cm: 'Q10' } }), entry('pertussis', 'pertussis', { codes: { icd10cm: 'Q12' } }), entry('stones', 'urinary stones', { codes: { icd10cm: 'Q11' } })],
        icd,
      );
      assert.deepEqual(values(flags), ['freq icd10cm Q10', 'pertussis icd10cm Q12']);
      assert.equal(flags[0].suggested, 'Q10.8');
    });

    it('knows every header a code sits under, not only its three-character category', () => {
      assert.deepEqual(A.headersAbove('Q13.418'), ['Q13', 'Q13.4', 'Q13.41']);
      assert.deepEqual(A.headersAbove('Q13'), []);
    });

    it('flags a header below the category level whose own "unspecified" child is billable', () => {
      const deeper = new Map([
        ['Q13', { long: 'Disorders of the gleet', billable: false }],
        ['Q13.4', { long: 'Gleet palsy', billable: false }],
        ['Q13.40', { long: 'Gleet palsy, unspecified', billable: true }],
        ['Q13.41', { long: 'Gleet palsy of the left side', billable: true }],
      ]);
      const flags = A.icdTitleFlags([entry('gleet', 'gleet palsy', { codes: { icd10cm: 'Q13.4' } })], deeper);
      assert.deepEqual(values(flags), ['gleet icd10cm Q13.4']);
      assert.equal(flags[0].suggested, 'Q13.40');
    });

    it('flags a mapped code whose title is narrower than the name', () => {
      const e = [entry('stones', 'urinary stones', { codes: { icd10cm: 'Q11' } })];
      assert.deepEqual(values(A.icdNarrowerFlags(e, icd, new Set(['stones']))), ['stones icd10cm Q11']);
      assert.deepEqual(A.icdNarrowerFlags(e, icd, new Set()), [], 'a code not from a mapping is not checked');
    });
  });

  describe('decisions', () => {
    it('leaves a flag without a decision undecided; applies drop, move and merge', () => {
      const entries = [
        entry('hypo', 'hypotensio', { kind: 'symptom', sayInstead: 'weak pressure', layTerms: ['low BP'], related: ['weak'] }),
        entry('weak', 'weak pressure', { kind: 'symptom', codes: { hpo: 'HP:1', icd10cm: 'R00' } }),
        entry('b', 'bee', { synonyms: ['wasp', 'hornet'], related: ['weak'] }),
      ];
      const flags: Flag[] = [
        { check: 'crossEntry', entry: 'weak', field: 'entry', value: 'weak pressure', note: '' },
        { check: 'qualifier', entry: 'b', field: 'synonyms', value: 'wasp', note: 'adds x' },
        { check: 'qualifier', entry: 'b', field: 'synonyms', value: 'hornet', note: 'adds y' },
        { check: 'qualifier', entry: 'b', field: 'synonyms', value: 'drone', note: 'adds z' },
      ];
      const { decided, undecided } = A.decide(flags, {
        rules: [{ check: 'qualifier', pattern: '^adds y$', decision: 'move', moveTo: 'layTerms', reason: 'r' }],
        decisions: [
          { entry: 'weak', field: 'entry', value: 'Weak Pressure', decision: 'move', moveTo: 'hypo', reason: 'one concept' },
          { entry: 'b', field: 'synonyms', value: 'wasp', decision: 'drop', reason: 'another insect' },
        ],
      });
      assert.deepEqual(values(undecided), ['b synonyms drone']);
      A.applyDecisions(entries, decided);
      assert.deepEqual(entries.map((e) => e.id), ['hypo', 'b']);
      assert.deepEqual(entries[0].layTerms, ['low BP', 'weak pressure'], 'the say-instead wording joins as a lay term');
      assert.deepEqual(entries[0].codes, { hpo: 'HP:1' }, 'source ids join, the ICD-10-CM code does not');
      assert.equal(entries[0].related, undefined);
      assert.deepEqual(entries[1].related, ['hypo']);
      assert.deepEqual([entries[1].synonyms, entries[1].layTerms], [undefined, ['hornet']]);
    });
  });

  describe('the audited knowledge base (data/kb.json)', () => {
    const kb = bundledKb();
    const report = JSON.parse(repoText('data/kb-report.json')) as { aliasAudit: { check: string; entry: string; field: string; other?: string; decision: string }[] };
    const withSayInstead = kb.entries.filter((e) => e.sayInstead);

    it('has no say-instead wording that contains the name or a synonym it replaces', () => {
      const nested = withSayInstead.flatMap((e) =>
        [e.name, ...(e.synonyms ?? [])].filter((n) => termKey(n) !== termKey(e.sayInstead!) && ` ${termKey(e.sayInstead!)} `.includes(` ${termKey(n)} `)).map((n) => `${e.id}: ${n} → ${e.sayInstead}`),
      );
      assert.deepEqual(nested, []);
    });

    it('has no say-instead wording that is an abbreviation', () => {
      assert.deepEqual(withSayInstead.filter((e) => /^[A-Z0-9]{2,}s?$/.test(e.sayInstead!)).map((e) => e.id), []);
    });

    it('replacing a name by its say-instead wording leads back to the same entry, or to a more general one that was reviewed', () => {
      // a more general entry: one of the entry's related entries (its parents), or a pair the audit kept on purpose
      const kept = new Set(report.aliasAudit.filter((d) => d.decision === 'keep' && d.other).flatMap((d) => [`${d.entry} ${d.other}`, `${d.other} ${d.entry}`]));
      const other = withSayInstead.flatMap((e) => {
        const sentence = `Her doctor said ${e.sayInstead} was the cause.`;
        const start = 'Her doctor said '.length;
        const hits = kb.termIndex.findTerms(sentence).filter((h) => h.start === start && h.end === start + e.sayInstead!.length);
        return hits.filter((h) => h.entryId !== e.id && !(e.related ?? []).includes(h.entryId) && !kept.has(`${e.id} ${h.entryId}`)).map((h) => `${e.id} → ${e.sayInstead} → ${h.entryId}`);
      });
      assert.deepEqual(other, []);
    });

    it('never flags a widely understood name as jargon (data/manual/understood-names.json)', () => {
      const understood = (JSON.parse(repoText('data/manual/understood-names.json')) as { understoodNames: { name: string; reason: string }[] }).understoodNames;
      for (const u of understood) assert.ok(u.reason.length > 10, `${u.name} needs a reason`);
      const names = understood.map((u) => u.name);
      for (const name of ['epilepsy', 'tuberculosis', 'asthma', 'diabetes']) assert.ok(names.includes(name), name);
      const text = `She lives with ${names.join(', ')}.`;
      const analysis = DocumentAnalysis.of(text);
      const jargon = styleFindings({ text, hits: analysis.terms(kb.termIndex), headings: analysis.headings }, kb).filter((f) => f.rule === 'jargon');
      assert.deepEqual(jargon.map((f) => text.slice(f.start, f.end)), []);
    });

    it('decides every flag on its own merits: no blanket "pending review" decision, each with a reason', () => {
      const file = JSON.parse(repoText('data/manual/alias-decisions.json')) as { rules: { rule: string; decision: string; reason: string }[]; decisions: { decision: string; moveTo?: string; reason: string }[] };
      for (const d of [...file.rules, ...file.decisions]) {
        assert.ok(['keep', 'move', 'drop'].includes(d.decision), JSON.stringify(d));
        assert.ok(d.reason && !/pending/i.test(d.reason), `a reason that decides: ${JSON.stringify(d)}`);
      }
      for (const d of file.decisions) if (d.decision === 'move') assert.ok(d.moveTo, JSON.stringify(d));
    });

    it('records its seeded sample checks honestly: role, seed, a verdict and reason per alias, counts that add up', () => {
      type Sample = { seed: number; size: number; correct: number; loose: number; wrong: number; items: { alias: string; verdict: string; reason: string }[] };
      const file = JSON.parse(repoText('data/manual/alias-sample-2026-12-06.json')) as { reviewer: { role: string; statement: string }; samples: Sample[] };
      assert.equal(file.reviewer.role, 'MedTerms engineer (AI-assisted)');
      assert.match(file.reviewer.statement, /not reviewed by a clinician/);
      assert.ok(file.samples.length >= 2 && new Set(file.samples.map((s) => s.seed)).size === file.samples.length, 'a new seed for each sample');
      for (const s of file.samples) {
        assert.equal(s.items.length, s.size);
        for (const v of ['correct', 'loose', 'wrong'] as const) assert.equal(s.items.filter((i) => i.verdict === v).length, s[v], `${s.seed} ${v}`);
        for (const i of s.items) assert.ok(['correct', 'loose', 'wrong'].includes(i.verdict) && i.reason, JSON.stringify(i));
      }
    });

    it('lists every flag with its decision and reason, and counts them per check', () => {
      const r = JSON.parse(repoText('data/kb-report.json')) as { aliasAudit: { decision: string; reason: string }[]; aliasAuditCounts: Record<string, { flagged: number }> };
      assert.ok(r.aliasAudit.length > 100);
      for (const d of r.aliasAudit) assert.ok(['keep', 'move', 'drop'].includes(d.decision) && d.reason, JSON.stringify(d));
      for (const check of ['crossEntry', 'qualifier', 'sayInstead', 'icdTitle', 'icdNarrower']) assert.ok(r.aliasAuditCounts[check].flagged > 0, check);
    });
  });
});
