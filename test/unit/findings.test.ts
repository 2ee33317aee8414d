import { strict as assert } from 'node:assert';
import { collectFindings, documentFindings, DocumentAnalysis, KnowledgeBase, type StyleFinding } from '../../src/core';
import { bundledKb, bundledLayer } from './helpers';

const finding = (start: number, rule: StyleFinding['rule'] = 'jargon'): StyleFinding => ({ rule, start, end: start + 1, message: 'm', fixes: [] });

describe('rule groups are contained', () => {
  it('a group that throws is reported, and the other groups’ findings are still returned, sorted', () => {
    const errors: string[] = [];
    const found = collectFindings(
      [
        { name: 'first', run: () => [finding(9), finding(2)] },
        {
          name: 'broken',
          run: () => {
            throw new Error('injected');
          },
        },
        { name: 'last', run: () => [finding(5, 'abbreviation')] },
      ],
      (group, err) => errors.push(`${group}: ${(err as Error).message}`),
    );
    assert.deepEqual(
      found.map((f) => f.start),
      [2, 5, 9],
    );
    assert.deepEqual(errors, ['broken: injected']);
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
