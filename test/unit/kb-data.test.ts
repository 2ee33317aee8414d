import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DocumentAnalysis, fleschKincaidGrade, parseKbFile, proseSpans, styleFindings, termKey, type Entry, type KbFile } from '../../src/core';
import { bundledKb, copiesSourceDefinition, hpoNodes, ROOT, repoText } from './helpers';

// The data side of the knowledge base: what scripts/build-kb.mjs makes of data/sources/ and
// data/manual/. Each content target of the KB issue has a test here.

const kbText = repoText('data/kb.json');
const kb = JSON.parse(kbText) as KbFile & { $schema: string; sources: { name: string; version: string; licence: string; notice?: string }[] };
const entries = kb.entries as Entry[];
const report = JSON.parse(repoText('data/kb-report.json')) as {
  aliasCollisions: { form: string; field: string; keptOn: string; droppedFrom?: string; alsoOn?: string; resolution: string }[];
  abbreviationCollisions: { abbreviation: string; type: string; entries: string[]; resolution: string; keptOn: string | null; reason?: string }[];
  eponymShortForms: { entry: string; form: string }[];
};
const ofKind = (kind: Entry['kind']) => entries.filter((e) => e.kind === kind);
const byName = (name: string) => entries.find((e) => termKey(e.name) === termKey(name));
const byId = new Map(entries.map((e) => [e.id, e]));
const src = (rel: string) => path.join(ROOT, 'data', 'sources', rel);

/** Every entry a surface form (name, synonym or lay term) leads to. */
function entriesForForm(form: string): Entry[] {
  const k = termKey(form);
  return entries.filter((e) => [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])].some((f) => termKey(f) === k));
}

// ---- the hand-written layer ---------------------------------------------------------------
type ManualDefinition = { target: string; definition?: string; sayInstead?: string; layTerms?: string[]; synonyms?: string[] };
const manualDir = (dir: string) => {
  const full = path.join(ROOT, 'data', 'manual', dir);
  return existsSync(full) ? readdirSync(full).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(full, f), 'utf8'))) : [];
};
const manualEntries: Entry[] = manualDir('entries').flatMap((j: { entries: Entry[] }) => j.entries);
const manualDefinitions: ManualDefinition[] = manualDir('definitions').flatMap((j: { definitions: ManualDefinition[] }) => j.definitions);
const layOverlay = JSON.parse(repoText('data/manual/lay-terms.json')) as { layTerms: { target: string; terms?: string[]; abbreviations?: string[] }[] };
const ownLayTerms = new Set<string>([
  ...manualEntries.flatMap((e) => e.layTerms ?? []),
  ...manualDefinitions.flatMap((d) => d.layTerms ?? []),
  ...layOverlay.layTerms.flatMap((l) => l.terms ?? []),
]);

/** Whether an entry's definition is the team's own: written, perhaps also checked against its sources or by a clinician. */
const ownWords = (e: { review?: { status: string } }) => ['written', 'source-checked', 'clinician-reviewed'].includes(e.review?.status ?? '');

describe('knowledge-base data (data/kb.json)', () => {
  describe('file', () => {
    it('is valid against data/schema/kb.schema.json', () => {
      assert.deepEqual(parseKbFile(kbText, 'data/kb.json').problems, []);
      assert.equal(kb.$schema, './schema/kb.schema.json');
      assert.ok(kb.version);
    });

    it('has unique ids', () => {
      const seen = new Set<string>();
      const dupes = entries.filter((e) => (seen.has(e.id) ? true : (seen.add(e.id), false))).map((e) => e.id);
      assert.deepEqual(dupes, []);
    });

    it('has no dangling related ids', () => {
      const dangling = entries.flatMap((e) => (e.related ?? []).filter((r) => !byId.has(r)).map((r) => `${e.id} → ${r}`));
      assert.deepEqual(dangling, []);
    });

    it('is sorted by kind then id, one entry per line', () => {
      const order = ['condition', 'symptom', 'test', 'treatment', 'anatomy'];
      const sorted = [...entries].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      assert.deepEqual(entries.map((e) => e.id), sorted.map((e) => e.id));
      assert.equal(kbText.split('\n').filter((l) => l.startsWith('    {"id":')).length, entries.length);
    });

    it('stays small enough to bundle (< 4 MB)', () => {
      assert.ok(Buffer.byteLength(kbText) < 4_000_000, `${Buffer.byteLength(kbText)} bytes`);
    });

    it('names every source with version and licence, HPO with its version and acknowledgement', () => {
      const names = kb.sources.map((s) => s.name).join(' | ');
      for (const n of ['DOID', 'SYMP', 'HPO', 'MONDO', 'ICD-10-CM', 'MeSH']) assert.match(names, new RegExp(n));
      const hp = kb.sources.find((s) => /HPO/.test(s.name))!;
      assert.equal(hp.version, '2023-01-27');
      assert.match(hp.notice ?? '', /using the Human Phenotype Ontology \(version 2023-01-27\)/);
      assert.match(kb.sources.find((s) => /ICD-10-CM/.test(s.name))!.notice ?? '', /FY2019.*out of date/);
      assert.match(kb.sources.find((s) => /MONDO/.test(s.name))!.licence, /CC BY 4\.0/);
      assert.match(kb.sources.find((s) => /MeSH/.test(s.name))!.notice ?? '', /National Library of Medicine/);
      const notice = repoText('NOTICE');
      assert.match(notice, /No SNOMED CT content or identifiers are shipped/);
      assert.match(notice, /version 2023-01-27/);
    });

    it('ships no SNOMED CT ids', () => {
      assert.doesNotMatch(kbText, /SNOMED|SCTID|sctid/);
      for (const e of entries) for (const k of Object.keys(e.codes ?? {})) assert.ok(['icd10cm', 'mesh', 'hpo', 'mondo', 'doid', 'symp'].includes(k), `${e.id}: ${k}`);
    });
  });

  describe('codes', () => {
    const patterns: Record<string, RegExp> = {
      icd10cm: /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/,
      mesh: /^[DC][0-9]{6,9}$/,
      doid: /^DOID:[0-9]+$/,
      mondo: /^MONDO:[0-9]{7}$/,
      hpo: /^HP:[0-9]{7}$/,
      symp: /^SYMP:[0-9]{7}$/,
    };
    for (const [key, re] of Object.entries(patterns)) {
      it(`${key} codes have the right format`, () => {
        const bad = entries.filter((e) => {
          const v = (e.codes as Record<string, string> | undefined)?.[key];
          return v !== undefined && !re.test(v);
        });
        assert.deepEqual(bad.map((e) => `${e.id}: ${(e.codes as Record<string, string>)[key]}`), []);
      });
    }

    it('uses only ICD-10-CM codes that exist (FY2019 table or the current Mondo titles)', () => {
      const known = new Set<string>();
      for (const line of gunzipSync(readFileSync(src('icd10cm/icd10cm-fy2019.tsv.gz'))).toString('utf8').split('\n').slice(1)) {
        const code = line.split('\t')[0];
        if (code) known.add(code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
      }
      for (const f of ['mondo_exactmatch_icd10cm', 'mondo_hasdbxref_icd10cm'])
        for (const m of readFileSync(src(`mondo/${f}.sssom.tsv`), 'utf8').matchAll(/\tICD10CM:([A-Z0-9.]+)\t/g)) known.add(m[1]);
      const unknown = entries.filter((e) => e.codes?.icd10cm && !known.has(e.codes.icd10cm) && !manualEntries.some((m) => m.codes?.icd10cm === e.codes!.icd10cm));
      assert.deepEqual(unknown.map((e) => `${e.id}: ${e.codes!.icd10cm}`), []);
    });

    const golden: [string, Record<string, string>][] = [
      ['multiple sclerosis', { icd10cm: 'G35', mesh: 'D009103', doid: 'DOID:2377' }],
      ['carpal tunnel syndrome', { icd10cm: 'G56.0', doid: 'DOID:12169' }],
      ['systemic lupus erythematosus', { icd10cm: 'M32', doid: 'DOID:9074' }],
      ["Sjögren's syndrome", { icd10cm: 'M35.0', doid: 'DOID:12894' }],
      ['paresthesia', { icd10cm: 'R20.2', hpo: 'HP:0003401' }],
    ];
    for (const [name, codes] of golden) {
      it(`golden record: ${name} → ${Object.values(codes).join(', ')}`, () => {
        const e = byName(name);
        assert.ok(e, `no entry named ${name}`);
        for (const [k, v] of Object.entries(codes)) assert.equal((e.codes as Record<string, string>)[k], v, `${name} ${k}`);
      });
    }
  });

  describe('ICD-10-CM code of a condition DOID merged subtypes into', () => {
    const icdOf = (doid: string) => entries.find((e) => e.codes?.doid === doid)?.codes?.icd10cm ?? null;
    const rules = (JSON.parse(repoText('data/manual/icd-codes.json')) as { icdCodes: { target: string; icd10cm: string | null; reason: string }[] }).icdCodes;
    const fy2019 = new Set(
      gunzipSync(readFileSync(src('icd10cm/icd10cm-fy2019.tsv.gz')))
        .toString('utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0])
        .filter(Boolean)
        .map((c) => (c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c)),
    );
    const expected: [string, string, string | null][] = [
      // the build's own rule: the code titled with the name; a subtype's code gives way to its category
      ['DOID:6132', 'bronchitis', 'J40'], // not J20 Acute bronchitis
      ['DOID:11615', 'penile cancer', 'C60.9'], // not C60.2 Malignant neoplasm of body of penis; the header C60's own unspecified code (alias audit)
      ['DOID:3827', 'congenital diaphragmatic hernia', 'Q79.0'], // not K44 Diaphragmatic hernia
      // data/manual/wrong-synonyms.json: a subtype's name taken off takes its code along
      ['DOID:10460', 'nasopharyngitis', 'J00'], // not J31.1 chronic
      ['DOID:11162', 'respiratory failure', 'J96.9'], // not J96.0 acute
      // data/manual/icd-codes.json
      ['DOID:57', 'aortic valve insufficiency', 'I35.1'], // not I06.1 rheumatic
      ['DOID:1712', 'aortic valve stenosis', 'I35.0'], // not I06.0 rheumatic
      ['DOID:11502', 'mitral valve insufficiency', 'I34.0'], // not Q23.3 congenital
      ['DOID:61', 'mitral valve disease', null], // not I05.1 rheumatic mitral insufficiency
      ['DOID:8618', 'oral cavity cancer', 'C06.9'], // not C04 floor of mouth
      ['DOID:2237', 'hepatitis', 'K75.9'], // not K73.9 chronic
      ['DOID:14415', 'Legg-Calve-Perthes disease', 'M91.1'], // not M91.2 Coxa plana
      ['DOID:14087', 'epicondylitis', null], // not M77.1 lateral
      ['DOID:12211', 'filarial elephantiasis', 'B74.9'], // not H02.85 Elephantiasis of eyelid
      ['DOID:3128', 'anus disease', 'K62.9'], // not K60.2 Anal fissure
      ['DOID:9452', 'steatotic liver disease', 'K76.0'], // not K70.0 Alcoholic fatty liver
    ];
    for (const [doid, name, code] of expected)
      it(`${name} (${doid}) → ${code ?? 'no code'}`, () => {
        assert.ok(entries.some((e) => e.codes?.doid === doid), `${name} is not in the knowledge base`);
        assert.equal(icdOf(doid), code);
      });

    it('data/manual/icd-codes.json: each rule has a reason, a code of the FY2019 table (or null), and holds in the knowledge base', () => {
      assert.ok(rules.length > 0);
      for (const r of rules) {
        assert.match(r.target, /^DOID:\d+$/);
        assert.ok(r.reason?.length > 20, `${r.target}: reason`);
        assert.ok(r.icd10cm === null || fy2019.has(r.icd10cm), `${r.target}: ${r.icd10cm} is not in the ICD-10-CM FY2019 table`);
        assert.ok(entries.some((e) => e.codes?.doid === r.target), `${r.target} is not in the knowledge base`);
        assert.equal(icdOf(r.target), r.icd10cm, r.target);
      }
      assert.equal(new Set(rules.map((r) => r.target)).size, rules.length, 'one rule per target');
    });

    it('lists each rule applied in kb-report.json (icdOverrides), with the code it replaced', () => {
      const applied = (JSON.parse(repoText('data/kb-report.json')) as { icdOverrides: { id: string; code: string | null; replaces: string | null; reason: string }[] }).icdOverrides;
      assert.deepEqual(applied.map((o) => o.id).sort(), rules.map((r) => r.target).sort());
      for (const o of applied) assert.notEqual(o.code, o.replaces, o.id);
    });
  });

  describe('counts', () => {
    const conditions = ofKind('condition');
    it('has at least 2,000 conditions', () => assert.ok(conditions.length >= 2000, `${conditions.length}`));
    it('gives at least 95% of conditions an ICD-10-CM code', () => {
      const share = conditions.filter((e) => e.codes?.icd10cm).length / conditions.length;
      assert.ok(share >= 0.95, `${(share * 100).toFixed(1)}%`);
    });
    it('has at least 800 symptoms and signs', () => assert.ok(ofKind('symptom').length >= 800, `${ofKind('symptom').length}`));
    for (const kind of ['test', 'treatment', 'anatomy'] as const)
      it(`has at least 150 ${kind} entries (hand-written layer)`, () => assert.ok(ofKind(kind).length >= 150, `${ofKind(kind).length}`));
    it('has at least 600 plain-language definitions', () => {
      const n = entries.filter((e) => e.definition).length;
      assert.ok(n >= 600, `${n}`);
    });
    it('gives symptoms lay terms: at least 500 symptoms have one', () => {
      const n = ofKind('symptom').filter((e) => e.layTerms?.length).length;
      assert.ok(n >= 500, `${n}`);
    });
  });

  describe('names and vocabulary', () => {
    it('keeps proper nouns in names', () => {
      for (const n of ["Sjögren's syndrome", "Crohn's disease", "Parkinson's disease", "Alzheimer's disease", 'Down syndrome']) assert.equal(byName(n)?.name, n);
      assert.equal(byName('multiple sclerosis')?.name, 'multiple sclerosis');
    });

    const lay: [string, string][] = [
      ['pins and needles', 'paresthesia'],
      ['high blood pressure', 'hypertension'],
      ['heart attack', 'myocardial infarction'],
      ['stroke', 'stroke'],
      ['sugar diabetes', 'diabetes mellitus'],
      ['shingles', 'herpes zoster'],
      ['the flu', 'influenza'],
      ['flu', 'influenza'],
      ['water pill', 'diuretics'],
    ];
    for (const [phrase, target] of lay) {
      it(`maps the lay phrase "${phrase}" to ${target}`, () => {
        const hits = entriesForForm(phrase);
        assert.equal(hits.length, 1, `"${phrase}" → ${hits.map((e) => e.id).join(', ') || 'nothing'}`);
        assert.ok(hits[0].id === target || termKey(hits[0].name) === termKey(target), `"${phrase}" → ${hits[0].id}`);
      });
    }

    it('keeps HPO layperson synonyms verbatim (HPO licence: content unaltered)', () => {
      const hpoLay = new Map<string, Set<string>>();
      for (const n of hpoNodes()) {
        const id = n.id.replace('http://purl.obolibrary.org/obo/HP_', 'HP:');
        hpoLay.set(id, new Set((n.meta?.synonyms ?? []).filter((s) => s.synonymType?.endsWith('#layperson')).map((s) => s.val)));
      }
      const allHpoLay = new Set([...hpoLay.values()].flatMap((s) => [...s]));
      const bad: string[] = [];
      // ours too: the short forms of eponyms the build derives ("Addison's", scripts/kb/eponyms.mjs)
      const derived = new Set(report.eponymShortForms.map((a) => `${a.entry}: ${a.form}`));
      for (const e of entries) for (const l of e.layTerms ?? []) if (!ownLayTerms.has(l) && !allHpoLay.has(l) && !derived.has(`${e.id}: ${l}`)) bad.push(`${e.id}: ${l}`);
      assert.deepEqual(bad, [], 'every lay term is either ours (data/manual, or an eponym the build shortened) or an HPO layperson synonym, byte for byte');
    });

    it('ships every hand-written lay term as a lay term, never as a synonym (the jargon rule flags synonyms)', () => {
      const own = new Set([...ownLayTerms].map(termKey));
      const asSynonym = entries.flatMap((e) => (e.synonyms ?? []).filter((s) => own.has(termKey(s))).map((s) => `${e.id}: ${s}`));
      assert.deepEqual(asSynonym, []);
      for (const [phrase, id] of [
        ['slow pulse', 'bradycardia'],
        ['breathlessness', 'dyspnea'],
        ['canker sore', 'aphthous-stomatitis'],
        ['glandular fever', 'infectious-mononucleosis'],
        ['shortness of breath', 'dyspnea'], // an HPO layperson synonym that a source also lists as a synonym
      ])
        assert.ok(byId.get(id)?.layTerms?.some((l) => termKey(l) === termKey(phrase)), `${id}: "${phrase}" is not a lay term`);
    });

    it('ships no abbreviation as a lay term (lay terms match in any casing: "mi", "tb"); hand-written ones ship as abbreviations', () => {
      const abbreviationLike = (f: string) => !/\s/.test(f) && (f.match(/[A-Z]/g)?.length ?? 0) >= 2 && (f.match(/[A-Z]/g)?.length ?? 0) * 2 >= (f.match(/[A-Za-z]/g)?.length ?? 0);
      const shipped = entries.flatMap((e) => (e.layTerms ?? []).filter(abbreviationLike).map((l) => `${e.id}: ${l}`));
      assert.deepEqual(shipped, []);
      const written = [...ownLayTerms].filter(abbreviationLike);
      assert.deepEqual(written, [], 'data/manual: put these in abbreviations');
      for (const [abbreviation, id] of [
        ['MI', 'myocardial-infarction'],
        ['TIA', 'transient-cerebral-ischemia'],
        ['HBP', 'hypertension'],
        ['DVT', 'deep-venous-thrombosis'],
        ['BPH', 'prostatic-hypertrophy'],
        ['TB', 'tuberculosis'],
        ['AFib', 'atrial-fibrillation'],
      ])
        assert.ok(byId.get(id)?.abbreviations?.includes(abbreviation), `${id}: ${abbreviation} is not an abbreviation`);
      const kbase = bundledKb();
      const found = (text: string) => DocumentAnalysis.of(text).terms(kbase.termIndex).map((h) => text.slice(h.start, h.end));
      assert.deepEqual(found('Mi casa, a tb of data, a cash withdrawal, a cad.'), []);
      assert.deepEqual(found('She had an MI and TB.'), ['MI', 'TB']);
      assert.deepEqual(found('Withdrawal symptoms can last days.'), ['Withdrawal symptoms']);
    });

    it('ships the clinical names written by hand as synonyms, and never writes one form as both', () => {
      for (const [phrase, id] of [
        ['septicemia', 'bacterial-sepsis'],
        ['transient ischemic attack', 'transient-cerebral-ischemia'],
        ['varicella', 'chickenpox'],
        ['degenerative joint disease', 'osteoarthritis'], // HPO calls it a layperson synonym; data/manual says it is not
      ])
        assert.ok(byId.get(id)?.synonyms?.some((l) => termKey(l) === termKey(phrase)), `${id}: "${phrase}" is not a synonym`);
      const both = [...manualEntries, ...manualDefinitions].flatMap((x) => (x.layTerms ?? []).filter((l) => (x.synonyms ?? []).some((s) => termKey(s) === termKey(l))));
      assert.deepEqual(both, []);
    });

    it('does not flag everyday phrases as jargon, and still flags clinical synonyms', () => {
      const kbase = bundledKb();
      const jargon = (text: string) => {
        const analysis = DocumentAnalysis.of(text);
        return styleFindings({ text, hits: analysis.terms(kbase.termIndex), headings: analysis.headings }, kbase)
          .filter((f) => f.rule === 'jargon')
          .map((f) => text.slice(f.start, f.end));
      };
      const everyday = [
        'A slow pulse and breathlessness can go with high BP.',
        'A canker sore, glandular fever or a nettle rash is common.',
        'Some people feel nervousness, get welts or have low sugar.',
        'Shortness of breath and double vision need a doctor.',
        'Bruising, bed wetting and a sore throat that lasts are common; talking therapy can help.',
      ].join(' ');
      assert.deepEqual(jargon(everyday), []);
      assert.deepEqual(jargon('Septicemia can follow an infection.'), ['Septicemia']);
    });

    it('gives every name, synonym and lay term to one entry only, or reports the collision', () => {
      const owners = new Map<string, Set<string>>();
      for (const e of entries)
        for (const f of [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])]) {
          const k = termKey(f);
          if (!owners.has(k)) owners.set(k, new Set());
          owners.get(k)!.add(e.id);
        }
      const reported = new Set(report.aliasCollisions.filter((c) => c.alsoOn).map((c) => termKey(c.form)));
      const unreported = [...owners].filter(([k, ids]) => ids.size > 1 && !reported.has(k)).map(([k, ids]) => `${k}: ${[...ids].join(', ')}`);
      assert.deepEqual(unreported, []);
    });
  });

  describe('abbreviations', () => {
    const commonWords = new Set(
      repoText('data/manual/common-words.txt')
        .split('\n')
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter(Boolean),
    );
    const isWord = (a: string) => {
      const l = a.toLowerCase();
      return commonWords.has(l) || (l.endsWith('s') && commonWords.has(l.slice(0, -1))) || (l.endsWith('es') && commonWords.has(l.slice(0, -2)));
    };
    const contextual = new Set(kb.contextualAbbreviations ?? []);

    it('gives each abbreviation (case-sensitive) to one entry only', () => {
      const seen = new Map<string, string>();
      const shared: string[] = [];
      for (const e of entries)
        for (const a of e.abbreviations ?? []) {
          if (seen.has(a)) shared.push(`${a}: ${seen.get(a)}, ${e.id}`);
          seen.set(a, e.id);
        }
      assert.deepEqual(shared, []);
    });

    it('matches an abbreviation that is also an English word only in context', () => {
      const unsafe = entries.flatMap((e) => (e.abbreviations ?? []).filter((a) => isWord(a) && !contextual.has(a)).map((a) => `${a} (${e.id})`));
      assert.deepEqual(unsafe, []);
      for (const a of contextual) assert.ok(entries.some((e) => e.abbreviations?.includes(a)), `${a} is contextual but on no entry`);
    });

    for (const w of ['ALL', 'AIDS', 'COLD', 'MS']) {
      it(`treats ${w} as a contextual abbreviation`, () => assert.ok(contextual.has(w), `${w} not contextual`));
    }

    describe('every collision and its resolution (data/kb-report.json)', () => {
      it('lists at least the shared and common-word collisions', () => {
        assert.ok(report.abbreviationCollisions.some((c) => c.type === 'shared'));
        assert.ok(report.abbreviationCollisions.some((c) => c.type === 'common-word'));
      });
      for (const c of report.abbreviationCollisions) {
        it(`${c.abbreviation} (${c.type}: ${c.entries.join(', ')}) → ${c.resolution}`, () => {
          const holders = entries.filter((e) => e.abbreviations?.includes(c.abbreviation));
          if (c.keptOn === null) assert.ok(!holders.some((e) => c.entries.some((id) => e.id === id || Object.values(e.codes ?? {}).includes(id))), `${c.abbreviation} still on ${holders.map((e) => e.id)}`);
          else assert.equal(holders.length, 1, `${c.abbreviation} on ${holders.map((e) => e.id).join(', ')}`);
          if (c.type === 'common-word' && c.resolution === 'contextual') assert.ok(contextual.has(c.abbreviation));
          if (c.type === 'common-word' && c.resolution === 'drop') assert.equal(holders.length, 0);
        });
      }
    });
  });

  describe('hand-written text', () => {
    it('defines every entry the example article uses and every entry of an everyday-word abbreviation', () => {
      const article = repoText('examples/numbness-in-hands.md');
      const used = new Set(bundledKb().termIndex.findTerms(article, proseSpans(article)).map((h) => h.entryId));
      const contextual = entries.filter((e) => e.abbreviations?.some((a) => kb.contextualAbbreviations?.includes(a)));
      assert.ok(used.size > 50 && contextual.length >= 5);
      const undefinedIds = [...used, ...contextual.map((e) => e.id)].filter((id) => !entries.find((e) => e.id === id)?.definition);
      assert.deepEqual(undefinedIds, []);
    });

    const texts = (): { where: string; text: string }[] => [
      ...entries.flatMap((e) => [
        ...(e.definition ? [{ where: `${e.id} definition`, text: e.definition }] : []),
        ...(e.sayInstead ? [{ where: `${e.id} sayInstead`, text: e.sayInstead }] : []),
      ]),
      ...[...ownLayTerms].map((t) => ({ where: 'own lay term', text: t })),
    ];

    it('never copies a source definition (no shared run of 8 or more words with DOID, SYMP or HPO)', function () {
      this.timeout(20000);
      const copied = texts()
        .filter(({ text }) => copiesSourceDefinition(text))
        .map(({ where, text }) => `${where}: ${text}`);
      assert.deepEqual(copied, []);
    });

    it('has every definition at reading grade 8 or below (Flesch-Kincaid, src/core/readability)', () => {
      const hard = entries
        .filter((e) => e.definition && fleschKincaidGrade(e.definition) > 8)
        .map((e) => `${e.id} (grade ${fleschKincaidGrade(e.definition!).toFixed(1)})`);
      assert.deepEqual(hard, []);
    });

    it('has 1 to 3 sentences per definition', () => {
      const long = entries.filter((e) => e.definition && (e.definition.match(/[.!?]+(?=\s|$)/g) ?? []).length > 3).map((e) => e.id);
      assert.deepEqual(long, []);
    });

    it('keeps skin rash and erythema apart: skin rash keeps its own definition and sources, erythema is its own entry', () => {
      const hand = manualEntries.find((e) => e.id === 'skin-rash')!;
      const rash = byId.get('skin-rash')!;
      assert.equal(rash.definition, hand.definition);
      assert.deepEqual(rash.sources, hand.sources);
      const forms = (e: Entry) => [e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])].map(termKey);
      for (const f of ['erythema', 'skin redness', 'rubor', 'red skin']) assert.ok(!forms(rash).includes(termKey(f)), `skin rash has "${f}"`);
      const erythema = entries.find((e) => e.codes?.hpo === 'HP:0010783');
      assert.ok(erythema && erythema.id !== 'skin-rash' && erythema.definition && forms(erythema).includes(termKey('erythema')));
      assert.notEqual(rash.codes?.hpo, 'HP:0010783');
    });

    it('keeps Cushing syndrome off primary hyperaldosteronism (DOID merged the two): its own entry, and E26.0 for primary hyperaldosteronism', () => {
      const kbx = bundledKb();
      const hyper = entries.find((e) => e.codes?.doid === 'DOID:446')!;
      assert.match(hyper.codes?.icd10cm ?? '', /^E26\.0/);
      for (const form of ['Cushing syndrome', "Cushing's syndrome", "Cushing's"]) {
        const e = kbx.resolve(form);
        assert.ok(e && e.id !== hyper.id, `${form} → ${e?.id}`);
        assert.equal(e.id, 'cushing-syndrome', form);
        assert.deepEqual(entriesForForm(form).map((x) => x.id), ['cushing-syndrome'], form);
      }
      const cushing = byId.get('cushing-syndrome')!;
      assert.equal(cushing.codes?.icd10cm, 'E24.9'); // the header E24's own unspecified code (alias audit)
      assert.ok(cushing.definition && ownWords(cushing));
      assert.equal(kbx.resolve('primary aldosteronism')?.id, hyper.id);
      assert.equal(entries.find((e) => e.codes?.doid === 'DOID:12028')?.codes?.icd10cm, 'E26.01', "Conn's syndrome");
    });

    it("gives a hand-written entry its own definition, sources and review; a definitions record only fills a missing one, for the entry's own term", () => {
      const own = (e: Entry) => new Set(['doid', 'hpo', 'symp'].map((k) => (e.codes as Record<string, string> | undefined)?.[k]).filter(Boolean));
      const wrong: string[] = [];
      for (const hand of manualEntries) {
        const e = byId.get(hand.id)!;
        if (hand.definition) {
          if (e.definition !== hand.definition || JSON.stringify(e.sources) !== JSON.stringify(hand.sources) || JSON.stringify(e.review) !== JSON.stringify(hand.review))
            wrong.push(`${hand.id}: not its own text`);
        } else if (e.definition && !manualDefinitions.some((d) => d.definition === e.definition && own(hand).has(d.target)))
          wrong.push(`${hand.id}: definition from a record that is not for its own term`);
      }
      assert.deepEqual(wrong, []);
    });

    it('adds the lay terms of a definitions record to the hand-written entry it is merged into (or reports the collision)', () => {
      const reported = new Set(report.aliasCollisions.map((c) => termKey(c.form)));
      const lost: string[] = [];
      for (const d of manualDefinitions) {
        const e = entries.find((x) => Object.values(x.codes ?? {}).includes(d.target));
        if (!e || !manualEntries.some((m) => m.id === e.id)) continue;
        const forms = new Set([e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])].map(termKey));
        for (const l of d.layTerms ?? []) if (!forms.has(termKey(l)) && !reported.has(termKey(l))) lost.push(`${d.target} (${e.id}): ${l}`);
      }
      assert.deepEqual(lost, []);
      for (const [id, l] of [['hypothyroidism', 'low thyroid'], ['vitamin-b12-deficiency', 'B12 deficiency'], ['diabetes-mellitus', 'sugar diabetes']])
        assert.ok(byId.get(id)!.layTerms?.includes(l), `${id}: ${l}`);
    });

    it('keeps the lay terms of every definitions record that targets an entry, not only the first', () => {
      const reported = new Set(report.aliasCollisions.map((c) => termKey(c.form)));
      const lost: string[] = [];
      for (const d of manualDefinitions) {
        const e = entries.find((x) => Object.values(x.codes ?? {}).includes(d.target));
        if (!e) continue;
        const forms = new Set([e.name, ...(e.synonyms ?? []), ...(e.layTerms ?? [])].map(termKey));
        for (const l of [...(d.layTerms ?? []), ...(d.synonyms ?? [])]) if (!forms.has(termKey(l)) && !reported.has(termKey(l))) lost.push(`${d.target} (${e.id}): ${l}`);
      }
      assert.deepEqual(lost, []);
      for (const [phrase, target] of [
        ['high BP', 'DOID:10763'],
        ['low sugar', 'DOID:9993'],
        ['welts', 'DOID:1555'],
      ]) {
        const hits = entriesForForm(phrase);
        assert.ok(hits.length === 1 && hits[0].codes?.doid === target && hits[0].layTerms?.includes(phrase), `"${phrase}" → ${hits.map((e) => e.id).join(', ')}`);
      }
    });

    it('keeps seizure and epilepsy apart (and anxiety and anxiety disorder): each its own entry with its own definition', () => {
      for (const [event, condition, lay] of [
        ['HP:0001250', 'DOID:1826', 'convulsion'],
        ['HP:0000739', 'DOID:2030', 'nervousness'],
      ]) {
        const symptom = entries.find((e) => e.codes?.hpo === event)!;
        const disease = entries.find((e) => e.codes?.doid === condition)!;
        assert.ok(symptom && disease && symptom !== disease, `${event} and ${condition} are one entry`);
        assert.equal(symptom.kind, 'symptom');
        assert.equal(disease.kind, 'condition');
        assert.ok(symptom.definition && disease.definition && symptom.definition !== disease.definition);
        assert.notEqual(symptom.codes?.mesh, disease.codes?.mesh);
        assert.deepEqual(entriesForForm(lay).map((e) => e.id), [symptom.id]);
        assert.deepEqual(entriesForForm(symptom.name).map((e) => e.id), [symptom.id]);
      }
      assert.deepEqual(entriesForForm('seizure').map((e) => e.id), ['seizure']);
      assert.deepEqual(entriesForForm('epilepsy').map((e) => e.id), ['epilepsy']);
      assert.deepEqual(entriesForForm('seizure disorder').map((e) => e.id), ['epilepsy']);
    });

    it('keeps HPO signs out of the conditions that only share a UMLS concept with them (data/manual/separate-concepts.json)', () => {
      const ofHpo = (id: string) => entries.find((e) => e.codes?.hpo === id);
      const ofDoid = (id: string) => entries.find((e) => e.codes?.doid === id);
      for (const [sign, condition, form] of [
        ['HP:0005323', 'DOID:12705', 'Hemifacial enlargement'], // not Friedreich ataxia
        ['HP:0001041', 'DOID:8881', 'Red face'], // not rosacea
        ['HP:0002093', 'DOID:11650', 'Respiratory insufficiency'], // not bronchopulmonary dysplasia
        ['HP:0010298', 'DOID:1453', 'Smooth tongue'], // not atrophic glossitis
        ['HP:0012538', 'DOID:10608', 'Gluten sensitivity'], // not celiac disease
        ['HP:0000107', 'DOID:2975', 'Kidney cyst'], // not cystic kidney disease
        ['HP:0003077', 'DOID:1168', 'high blood fats'], // not familial hyperlipidemia
        ['HP:0001880', 'DOID:999', 'High blood eosinophil count'], // not hypereosinophilic syndrome
        ['HP:0000855', 'DOID:9352', 'Insulin resistance'], // not type 2 diabetes
      ]) {
        const s = ofHpo(sign);
        const d = ofDoid(condition);
        assert.ok(s && d && s !== d, `${sign} is merged into ${condition}`);
        assert.equal(s.kind, 'symptom');
        assert.deepEqual(entriesForForm(form).map((e) => e.id), [s.id], form);
      }
      // a sign kept out of one condition joins the condition of its own name
      assert.equal(ofHpo('HP:0030159')?.codes?.doid, 'DOID:0060325', 'Cervical polyp: cervical polyp, not cervical cancer');
      assert.equal(ofHpo('HP:0001297')?.codes?.doid, 'DOID:0051061', 'Stroke: stroke, not cerebrovascular disease');
      assert.deepEqual(entriesForForm('brain attack').map((e) => e.id), ['stroke']);
      assert.deepEqual(entriesForForm('high cholesterol').map((e) => e.codes?.hpo), ['HP:0003124']);
    });

    it('leads facial palsy to facial paralysis, not to Bell\'s palsy nor to an entry of its own', () => {
      const kbx = bundledKb();
      const paralysis = kbx.resolve('facial paralysis')!;
      assert.equal(paralysis.codes?.doid, 'DOID:13934');
      for (const form of ['facial palsy', 'Facial nerve palsy', 'facial paralysis']) {
        assert.equal(kbx.resolve(form)?.id, paralysis.id, form);
        assert.deepEqual(entriesForForm(form).map((e) => e.id), [paralysis.id], form);
      }
      assert.ok(paralysis.definition && ownWords(paralysis));
      assert.equal(entries.filter((e) => e.codes?.mesh === 'D005158').length, 1, 'one entry with the MeSH heading Facial Paralysis');
      assert.notEqual(kbx.resolve("Bell's palsy")?.id, paralysis.id);
    });

    it('leads the name of a narrower condition DOID merged into a broader term to its own entry, or to none (data/manual/wrong-synonyms.json)', () => {
      const kbx = bundledKb();
      const ofDoid = (id: string) => entries.find((e) => e.codes?.doid === id)!;
      // the subtype has an entry of its own (an HPO term)
      for (const [form, broad, own] of [
        ['anal fissure', 'DOID:3128', 'HP:0012390'], // not anus disease
        ['chronic hepatitis', 'DOID:2237', 'HP:0200123'], // not hepatitis
        ['acute hepatitis', 'DOID:2237', 'HP:0200119'],
        ['hydatidiform mole', 'DOID:3590', 'HP:0032192'], // not gestational trophoblastic neoplasm
        ['molar pregnancy', 'DOID:3590', 'HP:0032192'],
        ['chronic bronchitis', 'DOID:6132', 'HP:0004469'], // not bronchitis
        ['acute bronchitis', 'DOID:6132', 'HP:0012388'],
      ]) {
        const e = kbx.resolve(form);
        assert.ok(e, `${form}: no entry`);
        assert.notEqual(e.id, ofDoid(broad).id, form);
        assert.equal(e.codes?.hpo, own, form);
        assert.deepEqual(entriesForForm(form).map((x) => x.id), [e.id], form);
        // a writer who hovers it gets a card that explains it
        assert.ok(e.definition && ownWords(e), `${form}: no definition`);
      }
      // no entry of its own: the form leads nowhere, and the broader entry stays in the knowledge base
      for (const [form, broad] of [
        ['malignant neoplasm of floor of mouth', 'DOID:8618'],
        ['anal ulcer', 'DOID:3128'],
        ['chronic hepatitis B', 'DOID:2043'],
        ['gestational hypertension', 'DOID:10591'], // not pre-eclampsia
        ['chronic adenoiditis', 'DOID:0050145'],
      ]) {
        assert.ok(ofDoid(broad), `${broad} is not in the knowledge base`);
        assert.equal(kbx.resolve(form)?.id, undefined, form);
      }
      // a wrong synonym moved to the right entry
      assert.equal(kbx.resolve('lymphoblastic leukemia')?.codes?.doid, 'DOID:9952');
      assert.equal(kbx.resolve('fungal nail infection')?.codes?.doid, 'DOID:13074');
      assert.equal(kbx.resolve('Hereditary motor and sensory neuropathy')?.codes?.doid, 'DOID:10595');
      // the broader terms keep their own names
      for (const [form, broad] of [['anus disease', 'DOID:3128'], ['hepatitis', 'DOID:2237'], ['bronchitis', 'DOID:6132']]) assert.equal(kbx.resolve(form)?.id, ofDoid(broad).id, form);
    });

    it('leaves out HPO lay terms that are wrong or read badly on the signs kept apart', () => {
      const ofHpo = (id: string) => entries.find((e) => e.codes?.hpo === id)!;
      for (const [sign, form] of [
        ['HP:0030159', 'Cervical tumor'], // a cervical polyp is not a tumor
        ['HP:0002617', 'Wider than typical opening or gap'], // vascular dilatation
        ['HP:0000495', 'Recurrent corneal ulceration'], // an erosion is not an ulcer
      ]) {
        const e = ofHpo(sign);
        assert.ok(![...(e.layTerms ?? []), ...(e.synonyms ?? [])].map(termKey).includes(termKey(form)), `${e.id}: ${form}`);
        assert.deepEqual(entriesForForm(form), [], form);
      }
    });

    it('defines every entry data/manual/separate-concepts.json makes or changes: each sign kept out, and the condition it was kept out of', () => {
      const rules = (JSON.parse(repoText('data/manual/separate-concepts.json')) as { separateConcepts: { id: string; from: string; to?: string }[] }).separateConcepts;
      assert.ok(rules.length >= 26, `${rules.length}`);
      const ofCode = (id: string) => entries.find((e) => Object.values(e.codes ?? {}).includes(id));
      const missing: string[] = [];
      for (const { id, from, to } of rules)
        for (const code of [to ?? id, from]) {
          const e = ofCode(code);
          if (!e) missing.push(`${code}: no entry`);
          else if (!e.definition || !e.sources?.length || !ownWords(e)) missing.push(`${code} (${e.id}): no definition of our own`);
        }
      assert.deepEqual(missing, []);
      // the plain wording a writer reaches for leads to the sign, which now explains itself
      for (const [form, sign, plain] of [
        ['high cholesterol', 'HP:0003124', 'high cholesterol'],
        ['high blood fats', 'HP:0003077', 'high blood fats'],
        ['Kidney cyst', 'HP:0000107', 'kidney cyst'],
        ['Gluten sensitivity', 'HP:0012538', undefined],
        ['Red face', 'HP:0001041', 'red face'],
        ['weak immune system', 'HP:0002721', 'weak immune system'],
      ] as const) {
        const hits = entriesForForm(form);
        assert.deepEqual(hits.map((e) => e.codes?.hpo), [sign], form);
        assert.ok(hits[0].definition, `${form}: no definition`);
        assert.equal(hits[0].sayInstead, plain, `${form}: sayInstead`);
      }
    });

    it('cites sources and states its review for every definition', () => {
      const bad = entries.filter((e) => e.definition && (!e.sources?.length || !e.review || e.review.status === 'unreviewed')).map((e) => e.id);
      assert.deepEqual(bad, []);
    });
  });

  describe('build', () => {
    it('verifies the checksums of the raw sources', () => {
      assert.ok(existsSync(src('SHA256SUMS')));
      for (const dir of ['doid', 'symp', 'hpo', 'mondo', 'icd10cm'])
        assert.ok(readdirSync(src(dir)).some((f) => /^LICENSE|^NOTICE/.test(f)), `data/sources/${dir} has no licence file`);
    });

    it('rebuilds data/kb.json, data/kb-terms.tsv, data/kb-report.json and NOTICE byte for byte', function () {
      this.timeout(240_000); // about 30 s on a quiet 2-core machine; a loaded one takes minutes
      const dir = mkdtempSync(path.join(tmpdir(), 'medterms-kb-'));
      try {
        const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-kb.mjs'), '--out', path.join(dir, 'kb.json'), '--quiet'], { encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        assert.ok(readFileSync(path.join(dir, 'kb.json')).equals(readFileSync(path.join(ROOT, 'data/kb.json'))), 'data/kb.json is not what `npm run build:kb` makes: run it and commit the result');
        assert.ok(readFileSync(path.join(dir, 'kb-terms.tsv')).equals(readFileSync(path.join(ROOT, 'data/kb-terms.tsv'))), 'data/kb-terms.tsv is stale');
        assert.ok(readFileSync(path.join(dir, 'kb-report.json')).equals(readFileSync(path.join(ROOT, 'data/kb-report.json'))), 'data/kb-report.json is stale');
        assert.ok(readFileSync(path.join(dir, 'NOTICE')).equals(readFileSync(path.join(ROOT, 'NOTICE'))), 'NOTICE is stale');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
