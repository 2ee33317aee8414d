import { strict as assert } from 'node:assert';
import { finish, KnowledgeBase, TermSearch, type Sliced } from '../../src/core';
import { bundledKb, bundledLayer } from './helpers';

/** Runs `work` to its end, counting its pauses. */
function stepped<T>(work: Sliced<T>): { result: T; pauses: number } {
  for (let pauses = 0; ; pauses++) {
    const step = work.next();
    if (step.done) return { result: step.value, pauses };
  }
}

const QUERIES = ['rhuem', 'sjogren', 'carpel tun', 'G56', 'feeling very tired', 'pins and nee', 'iuis at'];

// The extension builds the search in idle time in steps (Session's idle preparation), so that a
// hover coming meanwhile waits for one step, not the whole build (half a second in the web worker).
describe('the search built in steps', () => {
  it('pauses between its indexes and answers exactly as the search built at once', () => {
    const { entries } = bundledKb();
    const { result: stepwise, pauses } = stepped(TermSearch.build(entries));
    const atOnce = new TermSearch(entries);
    assert.ok(pauses >= 4, `${pauses} pauses`);
    for (const query of QUERIES) assert.deepEqual(stepwise.search(query, 10), atOnce.search(query, 10), query);
  });

  it('parses the knowledge base’s entries in a step of its own', () => {
    const kb = new KnowledgeBase([bundledLayer()]);
    const { pauses } = stepped(kb.buildSearch());
    // The entries, then the forms, Fuse.js's index, the prefix index, the n-gram index, the word index.
    assert.equal(pauses, 5);
  });

  it('becomes the knowledge base’s search, unless a caller that could not wait built one first', () => {
    const kb = new KnowledgeBase([bundledLayer()]);
    const built = finish(kb.buildSearch());
    assert.equal(kb.search, built);

    const other = new KnowledgeBase([bundledLayer()]);
    const work = other.buildSearch();
    work.next(); // under way…
    const meanwhile = other.search; // …when a completion needs it now
    assert.equal(finish(work), meanwhile);
    assert.equal(other.search, meanwhile);
  });

  it('prepares the search one warm-up query at a time', () => {
    const kb = new KnowledgeBase([bundledLayer()]);
    const { pauses } = stepped(kb.prepareSearchSliced());
    assert.ok(pauses >= 5 + 16, `${pauses} pauses`);
    assert.equal(kb.search.search('rhuem', 1)[0]?.id, 'rheumatoid-arthritis');
  });
});
