import { strict as assert } from 'node:assert';
import { fleschKincaidGrade, parseSnippet, parseTemplate, snippetReadingGrade, snippetText, type Snippet } from '../../src/core';
import { bundledKb, bundledSnippetSources, copiesSourceDefinition, guardWords, sourceDefinitions } from './helpers';

// The vetted snippets MedTerms bundles (data/snippets/*.md): what the snippets issue asks of
// their content and their review metadata.

const sources = bundledSnippetSources();
const parsed = sources.map((source) => ({ source, ...parseSnippet(source) }));
const snippets: Snippet[] = parsed.flatMap((p) => (p.snippet ? [p.snippet] : []));
const mainTerms = new Set(snippets.map((s) => s.terms[0]));
/** Roles a reviewer may be named by; never a person's name. */
const ROLES = /^(MedTerms writer|MedTerms editor|medical writer|registered nurse|nurse practitioner|pharmacist|physician|clinical reviewer)$/;

describe('bundled snippets (data/snippets)', () => {
  it('has at least 60 snippets, every one loading without a problem', () => {
    assert.ok(sources.length >= 60, `${sources.length} files`);
    assert.deepEqual(parsed.flatMap((p) => p.problems.map((q) => `${q.file}:${q.line}: ${q.message}`)), []);
    assert.equal(snippets.length, sources.length);
  });

  it('loads into the bundled knowledge base without a problem', () => {
    const library = bundledKb().snippets;
    assert.deepEqual(library.problems, []);
    assert.equal(library.all.length, snippets.length);
  });

  it('has unique ids, each the name of its file', () => {
    assert.equal(new Set(snippets.map((s) => s.id)).size, snippets.length);
    assert.deepEqual(
      snippets.filter((s) => s.file !== `data/snippets/${s.id}.md`).map((s) => `${s.file}: ${s.id}`),
      [],
    );
  });

  it('names only knowledge-base entries in terms', () => {
    const kb = bundledKb();
    assert.deepEqual(snippets.flatMap((s) => s.terms.filter((t) => !kb.get(t)).map((t) => `${s.id}: ${t}`)), []);
  });

  it('has every template free of template problems (no variables, no nesting, all closed)', () => {
    assert.deepEqual(snippets.flatMap((s) => parseTemplate(s.body).problems.map((p) => `${s.id}@${p.offset}: ${p.message}`)), []);
  });

  it('records each snippet’s reading grade as computed, at grade 8 or below', () => {
    const wrong = snippets
      .filter((s) => s.readingGrade !== snippetReadingGrade(s, fleschKincaidGrade))
      .map((s) => `${s.id}: recorded ${s.readingGrade}, computed ${snippetReadingGrade(s, fleschKincaidGrade)}`);
    assert.deepEqual(wrong, [], 'run node scripts/check-snippets.mjs --write-grade');
    assert.deepEqual(snippets.filter((s) => s.readingGrade! > 8).map((s) => `${s.id}: ${s.readingGrade}`), []);
  });

  it('says truthfully what review each had: vetted, source-checked, by a role, never a person', () => {
    assert.deepEqual(snippets.filter((s) => s.status !== 'vetted').map((s) => s.id), []);
    assert.deepEqual(snippets.filter((s) => s.review !== 'source-checked').map((s) => s.id), [], 'bundled text has not been clinically reviewed');
    assert.deepEqual(snippets.filter((s) => !ROLES.test(s.reviewedBy)).map((s) => `${s.id}: ${s.reviewedBy}`), []);
  });

  it('has each review due after it was reviewed', () => {
    assert.deepEqual(snippets.filter((s) => !(s.reviewDue > s.reviewedOn)).map((s) => `${s.id}: ${s.reviewedOn} → ${s.reviewDue}`), []);
  });

  it('cites only https sources, at least one per snippet', () => {
    assert.deepEqual(snippets.filter((s) => s.sources.length === 0).map((s) => s.id), []);
    assert.deepEqual(snippets.flatMap((s) => s.sources.filter((r) => !/^https:\/\/[^\s/]+\.[^\s/]+/.test(r.url)).map((r) => `${s.id}: ${r.url}`)), []);
  });

  it('never copies a source definition (no shared run of 8 or more words with DOID, SYMP or HPO)', function () {
    this.timeout(20000);
    // The text as readers meet it (slots at their defaults), and every choice's options.
    const texts = snippets.flatMap((s) => [
      { where: s.id, text: snippetText(s) },
      ...s.parts.flatMap((p) => (p.kind === 'slot' ? (p.options ?? []).map((o) => ({ where: `${s.id} option`, text: o })) : [])),
    ]);
    assert.deepEqual(texts.filter(({ text }) => copiesSourceDefinition(text)).map(({ where, text }) => `${where}: ${text}`), []);
  });

  it('has a copy guard that reads the sources and catches a definition pasted into a sentence', function () {
    this.timeout(20000);
    const long = sourceDefinitions().filter((d) => guardWords(d).length >= 12);
    assert.ok(long.length > 5000, `${long.length} source definitions of 12 words or more`);
    for (const d of [long[0], long[Math.floor(long.length / 2)], long[long.length - 1]]) {
      const words = guardWords(d).slice(0, 10).join(' ');
      assert.ok(copiesSourceDefinition(`In short, ${words}, so ask your doctor.`), d);
    }
    assert.ok(!copiesSourceDefinition(snippetText(snippets[0])));
  });

  describe('covers what writers meet most', () => {
    const conditions = ['multiple-sclerosis', 'systemic-lupus-erythematosus', 'rheumatoid-arthritis', 'sjogrens-syndrome', 'peripheral-neuropathy', 'carpal-tunnel-syndrome'];
    for (const id of conditions) {
      it(`has a snippet mainly about ${id}, a condition of the example article`, () => {
        assert.ok(bundledKb().get(id), `${id} is not an entry`);
        assert.ok(mainTerms.has(id), `no snippet has ${id} as its first term`);
      });
    }

    const emergencies: [string, string][] = [
      ['stroke', 'stroke'],
      ['heart attack', 'myocardial-infarction'],
      ['severe allergic reaction', 'anaphylactic-shock'],
    ];
    for (const [name, id] of emergencies) {
      it(`tells when to get emergency help for a ${name}`, () => {
        const found = snippets.filter((s) => s.terms[0] === id && /emergency help/i.test(s.title));
        assert.equal(found.length, 1, `${found.map((s) => s.id)}`);
        assert.match(snippetText(found[0]), /\b911\b|emergency number/);
      });
    }

    it('has at least 5 "how to prepare for" snippets about tests', () => {
      const kb = bundledKb();
      const prepare = snippets.filter((s) => /how to prepare/i.test(s.title) && kb.get(s.terms[0])?.kind === 'test');
      assert.ok(prepare.length >= 5, prepare.map((s) => s.id).join(', '));
    });
  });
});
