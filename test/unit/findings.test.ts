import { strict as assert } from 'node:assert';
import { collectFindings, documentFindings, DocumentAnalysis, finish, KnowledgeBase, nestingFindings, type StyleFinding } from '../../src/core';
import { UNITS_PER_PAUSE } from '../../src/core/slices';
import { bundledKb, bundledLayer } from './helpers';

const finding = (start: number, rule: StyleFinding['rule'] = 'jargon'): StyleFinding => ({ rule, start, end: start + 1, message: 'm', fixes: [] });

describe('rule groups are contained', () => {
  it('a group that throws is reported, and the other groups’ findings are still returned, sorted', () => {
    const errors: string[] = [];
    const found = finish(
      collectFindings(
        [
          { name: 'first', run: function* () { return [finding(9), finding(2)]; } },
          {
            name: 'broken',
            run: function* () {
              yield;
              throw new Error('injected');
            },
          },
          { name: 'last', run: function* () { return [finding(5, 'abbreviation')]; } },
        ],
        (group, err) => errors.push(`${group}: ${(err as Error).message}`),
      ),
    );
    assert.deepEqual(
      found.map((f) => f.start),
      [2, 5, 9],
    );
    assert.deepEqual(errors, ['broken: injected']);
  });

  it('merges the groups in order of start, an earlier group first at the same start, pausing as it goes', () => {
    const many = (rule: StyleFinding['rule']) => Array.from({ length: 3_000 }, (_, i) => finding(3_000 - i, rule));
    const work = collectFindings(
      [
        { name: 'first', run: function* () { return many('jargon'); } },
        { name: 'second', run: function* () { return many('abbreviation'); } },
      ],
      () => assert.fail('no group fails'),
    );
    let pauses = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    const found = step.value;
    assert.equal(found.length, 6_000);
    assert.deepEqual(found.slice(0, 4).map((f) => [f.start, f.rule]), [[1, 'jargon'], [1, 'abbreviation'], [2, 'jargon'], [2, 'abbreviation']]);
    // Neither group pauses, so every pause is the merge's: at least one per UNITS_PER_PAUSE findings.
    assert.ok(pauses >= (3_000 + 6_000) / UNITS_PER_PAUSE, `${pauses} pauses`);
  });

  it('documentFindings runs the plain-language rules even when the snippet checks fail', () => {
    const kb = bundledKb();
    const text = 'MS can cause paresthesia.\n\nMultiple sclerosis is common.\n';
    const analysis = DocumentAnalysis.of(text);
    const input = { text, hits: analysis.terms(kb.termIndex), headings: analysis.headings, prose: analysis.prose };
    const failed: string[] = [];
    // A knowledge base whose snippet library breaks when read: the snippets group fails.
    class BrokenSnippets extends KnowledgeBase {
      override get snippets(): never {
        throw new Error('library unreadable');
      }
    }
    const broken = new BrokenSnippets([bundledLayer()]);
    const found = documentFindings(input, broken, { today: '2026-12-06' }, (group) => failed.push(group));
    assert.deepEqual(failed, ['snippets']);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['abbreviation', 'jargon'],
    );
  });
});

describe('text nested past the parser’s limit', () => {
  it('is still scanned, and noted as checked as plain text, at its lines', () => {
    const kb = bundledKb();
    const deep = `${'>'.repeat(120)} It can cause paresthesia.`;
    const text = `# Title\n\nIntro.\n\n${deep}\n\nAfter.\n`;
    const analysis = DocumentAnalysis.of(text);
    const input = { text, hits: analysis.terms(kb.termIndex), headings: analysis.headings, prose: analysis.prose, flattened: analysis.flattened };
    const found = documentFindings(input, kb, { today: '2026-12-06' }, () => assert.fail('no group may fail'));
    const nesting = found.filter((f) => f.rule === 'nesting');
    assert.equal(nesting.length, 1);
    assert.equal(text.slice(nesting[0].start, nesting[0].end), deep);
    assert.ok(found.some((f) => f.rule === 'jargon' && text.slice(f.start, f.end) === 'paresthesia'), 'the deep text was not checked');
    assert.deepEqual(nestingFindings([]), []);
  });
});
