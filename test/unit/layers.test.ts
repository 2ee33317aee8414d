import { strict as assert } from 'node:assert';
import { KnowledgeBase, knowledgeFileRole, knowledgeLayers, layerSchema, parseKbFile, renderCard, type Layer } from '../../src/core';
import { bundledLayer, repoText } from './helpers';

const layer = (file: string, text: string, format: 'json' | 'yaml' = 'json'): Layer => ({ file, ...parseKbFile(text, file, { layer: true, format }) });
const baseText = JSON.stringify({
  entries: [
    { id: 'alpha-itis', kind: 'condition', name: 'alpha-itis', abbreviations: ['AI'], definition: 'Base wording.' },
    { id: 'beta-pain', kind: 'symptom', name: 'beta pain', layTerms: ['beta ache'] },
  ],
});
const base = (): Layer => ({ file: 'base.json', ...parseKbFile(baseText, 'base.json') });

describe('knowledge layers (issue 15)', () => {
  it('adds entries, overrides the fields a later layer writes, and says where each came from', () => {
    const team = layer('.medterms/terms/team.json', '{"entries": [\n{"id": "alpha-itis", "definition": "Team wording."},\n{"id": "gamma-osis", "kind": "condition", "name": "gamma-osis"}\n]}');
    const kb = new KnowledgeBase([base(), team]);
    assert.deepEqual(kb.problems, []);
    assert.equal(kb.get('alpha-itis')?.definition, 'Team wording.');
    assert.deepEqual(kb.get('alpha-itis')?.abbreviations, ['AI']);
    // The base's review does not vouch for the team's wording (see the next test).
    assert.deepEqual(kb.originOf('alpha-itis'), { layer: 'base.json', fields: { definition: '.medterms/terms/team.json', review: '.medterms/terms/team.json' } });
    assert.deepEqual(kb.originOf('gamma-osis'), { layer: '.medterms/terms/team.json', fields: {} });
    assert.deepEqual(kb.originOf('beta-pain'), { layer: 'base.json', fields: {} });
    assert.deepEqual(kb.termIndex.findTerms('gamma-osis and beta ache').map((h) => h.entryId), ['gamma-osis', 'beta-pain']);
  });

  it('never passes a team’s wording off as reviewed: rewording an entry drops its review, and the card says who wrote it', () => {
    const reviewed = { status: 'source-checked', reviewedOn: '2026-01-01' };
    const reviewedBase = (): Layer => ({
      file: 'base.json',
      ...parseKbFile(JSON.stringify({ entries: [{ id: 'alpha-itis', kind: 'condition', name: 'alpha-itis', definition: 'Base wording.', review: reviewed }, { id: 'beta-pain', kind: 'symptom', name: 'beta pain', definition: 'Base pain.', review: reviewed }] }), 'base.json'),
    });
    const team = layer(
      '.medterms/terms/team.json',
      JSON.stringify({
        entries: [
          { id: 'alpha-itis', definition: 'Team wording.' },
          { id: 'beta-pain', synonyms: ['beta twinge'] },
          { id: 'gamma-osis', kind: 'condition', name: 'gamma-osis', definition: 'Team entry.', review: { status: 'written', reviewedOn: '2026-02-02' } },
          { id: 'delta-osis', kind: 'condition', name: 'delta-osis' },
        ],
      }),
    );
    const kb = new KnowledgeBase([reviewedBase(), team]);
    const reviewLine = (id: string) => renderCard(kb.get(id)!, kb).split('\n').at(-1);
    assert.equal(kb.get('alpha-itis')?.review, undefined);
    assert.equal(reviewLine('alpha-itis'), '*Review: Not reviewed: your team wrote this, and MedTerms has not checked it.*');
    // A synonym added leaves the bundled wording, and the review of it, as they were.
    assert.deepEqual(kb.get('beta-pain')?.review, reviewed);
    assert.equal(reviewLine('beta-pain'), '*Review: Written by the MedTerms team and checked against the sources above; not yet reviewed by a clinician. Last checked 2026-01-01.*');
    assert.equal(reviewLine('gamma-osis'), '*Review: Written by your team; not yet checked against sources or reviewed by a clinician. Written 2026-02-02.*');
    assert.equal(reviewLine('delta-osis'), '*Review: Not reviewed: your team wrote this, and MedTerms has not checked it.*');
    // A team may vouch for its own rewording with its own review.
    const vouched = new KnowledgeBase([reviewedBase(), layer('t.json', JSON.stringify({ entries: [{ id: 'alpha-itis', definition: 'Team wording.', review: { status: 'source-checked' } }] }))]);
    assert.equal(renderCard(vouched.get('alpha-itis')!, vouched).split('\n').at(-1), '*Review: Written by your team and checked against the sources above; not yet reviewed by a clinician.*');
  });

  it('suppresses an entry: it is neither found nor listed', () => {
    const kb = new KnowledgeBase([base(), layer('t.json', '{"entries": [{"id": "beta-pain", "suppress": true}]}')]);
    assert.equal(kb.get('beta-pain'), undefined);
    assert.deepEqual(kb.entries.map((e) => e.id), ['alpha-itis']);
    assert.deepEqual(kb.termIndex.findTerms('a beta ache'), []);
  });

  it('reports a new entry without kind or name, a suppression of an unknown id, and a dangling related id, at their line and column', () => {
    const text = '{"entries": [\n  {"id": "delta", "name": "delta"},\n  {"id": "nothing-here", "suppress": true},\n  {"id": "alpha-itis", "related": ["beta-pain", "no-such-id"]}\n]}';
    const kb = new KnowledgeBase([base(), layer('t.json', text)]);
    assert.deepEqual(
      kb.problems.map((p) => [p.line, p.column, p.severity]),
      [[2, 3, 'error'], [3, 10, 'warning'], [4, 49, 'warning']],
    );
    assert.match(kb.problems[0].message, /needs a kind/);
    assert.match(kb.problems[2].message, /"no-such-id" names no entry/);
    assert.equal(kb.get('delta'), undefined);
    assert.deepEqual(kb.get('alpha-itis')?.related, ['beta-pain', 'no-such-id']);
  });

  it('gives a colliding abbreviation to the later layer, and says which entry lost it', () => {
    const kb = new KnowledgeBase([base(), layer('t.json', '{"entries": [{"id": "arterial-insufficiency", "kind": "condition", "name": "arterial insufficiency", "abbreviations": ["AI"]}]}')]);
    assert.equal(kb.problems.length, 1);
    assert.match(kb.problems[0].message, /"AI" is also the abbreviation of "alpha-itis" \(alpha-itis, from base\.json\); "arterial-insufficiency" of this file wins/);
    assert.deepEqual(kb.get('alpha-itis')?.abbreviations, []);
    assert.deepEqual(kb.termIndex.findTerms('The AI got worse.').map((h) => h.entryId), ['arterial-insufficiency']);
    assert.equal(kb.originOf('alpha-itis')?.fields.abbreviations, 't.json');
  });

  it('keeps the valid entries of a file with a schema violation, and locates it by line and column', () => {
    const kb = new KnowledgeBase([base(), layer('t.json', '{"entries": [\n  {"id": "ok-one", "kind": "test", "name": "ok one"},\n  {"id": "bad", "kind": "illness", "name": "bad"}\n]}')]);
    assert.ok(kb.get('ok-one'));
    assert.deepEqual([kb.problems[0].line, kb.problems[0].column], [3, 25]);
  });

  it('reads YAML layers, and reports bad YAML and schema problems at their line and column', () => {
    const yaml = 'entries:\n  - id: epsilon\n    kind: symptom\n    name: epsilon\n  - id: zeta\n    kind: nope\n    name: zeta\n';
    const ok = layer('t.yaml', yaml, 'yaml');
    assert.deepEqual(ok.kb.entries.map((e) => e.id), ['epsilon']);
    assert.deepEqual([ok.problems[0].line, ok.problems[0].column], [6, 11]);
    const broken = layer('b.yaml', 'entries:\n  - id: a\n   kind: [unclosed\n', 'yaml');
    assert.equal(broken.kb.entries.length, 0);
    assert.match(broken.problems[0].message, /not valid YAML/);
    assert.ok(broken.problems[0].line >= 2);
  });

  it('reports bad JSON at its line and column, and the rest of the layers keep working', () => {
    const kb = new KnowledgeBase([base(), layer('bad.json', '{"entries": [\n  {"id": "x",, }\n]}'), layer('good.json', '{"entries": [{"id": "beta-pain", "sayInstead": "beta ache"}]}')]);
    assert.deepEqual([kb.problems[0].file, kb.problems[0].line, kb.problems[0].column], ['bad.json', 2, 14]);
    assert.equal(kb.get('beta-pain')?.sayInstead, 'beta ache');
  });

  it('layers over the bundled knowledge base change its prebuilt index in place of rebuilding it', () => {
    const kb = new KnowledgeBase([bundledLayer(), layer('t.json', '{"entries": [{"id": "multiple-sclerosis", "suppress": true}, {"id": "zorblax-syndrome", "kind": "condition", "name": "zorblax syndrome"}]}')]);
    assert.deepEqual(kb.problems, []);
    const ids = kb.termIndex.findTerms('Zorblax syndrome, multiple sclerosis and asthma.').map((h) => h.entryId);
    assert.ok(ids.includes('zorblax-syndrome') && ids.includes('asthma') && !ids.includes('multiple-sclerosis'), ids.join());
    assert.equal(kb.resolve('zorblax syndrome')?.id, 'zorblax-syndrome');
    assert.equal(kb.search.search('zorblax', 1)[0]?.id, 'zorblax-syndrome');
  });

  it('reads a knowledge folder: terms files as layers in path order, snippets together, anything else left alone', () => {
    assert.deepEqual(knowledgeFileRole('terms/a.yml'), { kind: 'terms', format: 'yaml' });
    assert.deepEqual(knowledgeFileRole('snippets/x.md'), { kind: 'snippet' });
    assert.equal(knowledgeFileRole('notes/readme.md'), undefined);
    assert.equal(knowledgeFileRole('terms/readme.txt'), undefined);
    const layers = knowledgeLayers([
      { relative: 'terms/b.json', file: 'B', text: '{"entries": []}' },
      { relative: 'snippets/s.md', file: 'S', text: '---\n---\n' },
      { relative: 'terms/a.yaml', file: 'A', text: 'entries: []' },
      { relative: 'README.md', file: 'R', text: '' },
    ]);
    assert.deepEqual(layers.map((l) => [l.file, l.snippets?.length ?? 0]), [['A', 0], ['B', 0], ['S', 1]]);
  });

  it('data/schema/layer.schema.json is the layer schema the loader uses', () => {
    assert.deepEqual(JSON.parse(repoText('data/schema/layer.schema.json')), JSON.parse(JSON.stringify(layerSchema())));
  });
});
