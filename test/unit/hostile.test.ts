import { strict as assert } from 'node:assert';
import { checkText } from '../../src/cli/cli';
import { completeAt, DocumentAnalysis, finish, markedSnippet, MAX_QUERY_LENGTH, personFirstFindingsSliced, plainWordFindingsSliced, readingGradeFindingsSliced, snippetFindings, styleFindings } from '../../src/core';
import { bundledKb } from './helpers';

// Bounded work (issue 11): lines of 1 MB built to make a matcher or a rule read the line again
// per candidate, or a regular expression backtrack, go through the whole scan — prose, terms,
// the plain-language rules, the snippet checks — and through `medterms check`. Nothing here
// times anything: a quadratic case takes minutes on 1 MB, so it fails by the generous timeout
// (`npm run bench` measures these lines against an ordinary 1 MB document).

const MB = 1_000_000;
/** `unit` repeated to `length` characters. */
const repeat = (unit: string, length = MB) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The text of the first few bundled snippets, each on one line: pasted copies are found as such. */
function pastedSnippets(): string {
  const snippets = bundledKb().snippets.all.filter((s) => s.status !== 'retired').slice(0, 3);
  return snippets.map((s) => markedSnippet(s, '\n', false).text.replace(/\s+/g, ' ')).join(' ');
}

/** Each hostile line, by what it attacks. */
const LINES: [string, () => string][] = [
  ['a repeated abbreviation, "MS " (its line re-read per abbreviation: 49 s at 60 KB)', () => repeat('MS ')],
  ['a repeated abbreviation on a line that is not all capitals', () => `${repeat('MS ', MB - 24)}about multiple sclerosis`],
  ['an abbreviation repeated without spaces: one 1 MB word', () => repeat('MS')],
  ['a run of spaces between two words of a term', () => `multiple${' '.repeat(MB - 17)}sclerosis`],
  ['a run of spaces ending in a comma between two words of a term (the joiner backtracked)', () => `multiple${' '.repeat(MB - 18)},sclerosis`],
  ['a run of tabs and a line break between two words of a term', () => `multiple${'\t'.repeat(MB / 2)}\n${' '.repeat(MB / 2)}sclerosis`],
  ['"](" repeated', () => repeat('](')],
  ['"<!--" repeated', () => repeat('<!--')],
  ['tags that never close: "<a b=" and unclosed quotes (each `<` tried as a CommonMark tag)', () => repeat('<a b="x" c=\'y <a b= <a b="')],
  ['"](<" angled link destinations that never close', () => repeat('](<x ')],
  ['10,000 backticks, then terms', () => '`'.repeat(10_000) + repeat(' multiple sclerosis MS', MB - 10_000)],
  ['backtick runs of every length', () => repeat(Array.from({ length: 200 }, (_, i) => '`'.repeat(i + 1)).join(' x '))],
  ['"pins and needles " repeated', () => repeat('pins and needles ')],
  ['"(" repeated', () => repeat('(')],
  ['one 1 MB word', () => repeat('a')],
  ['wordless inline code spans (each word search ran on to the end of the text)', () => repeat('`.` ')],
  ['sentence ends between jargon', () => repeat('Peripheral neuropathy. ')],
  ['naming cues and brackets', () => repeat('This is called paresthesia (pins and needles) or MS (multiple sclerosis). ')],
  ['all capitals with a lower-case letter far away', () => `${repeat('MS AND YOU ', MB - 1)}x`],
  ['pasted snippet copies on one line (each copy re-read its line)', () => repeat(`${pastedSnippets()} `)],
  ['pasted snippet copies, edited, between sentences of the writer', () => repeat(`${pastedSnippets().replace(/ the /g, ' a ')} Some words of my own here. `)],
  ['general words and phrases that start but never finish, positive without a test word', () => repeat('prior prior to positive acute pain a false ')],
  ['general words near test words, explained in brackets, in link text', () => repeat('the test came back positive (found) [the prognosis page](x) ')],
  ['person-first phrases that start but never finish', () => repeat('confined to a confined to a diabetic diet ')],
  ['person-first labels, each a finding', () => repeat('Diabetics suffer from it. ')],
  ['mixed', () => repeat('MS (multiple  sclerosis) ](x) <!-- `a` pins and needles. MS\t-\tsclerosis *called* paresthesia, ')],
];

describe('bounded work on hostile 1 MB lines (issue 11)', function () {
  // A linear scan of 1 MB takes well under a second; a quadratic one, minutes.
  this.timeout(20_000);
  const kb = bundledKb();
  const today = '2027-01-01';

  for (const [what, make] of LINES) {
    it(`finishes the whole scan: ${what}`, () => {
      const text = make();
      assert.ok(text.length >= MB - 1);
      const analysis = DocumentAnalysis.of(text);
      const hits = analysis.terms(kb.termIndex);
      for (const hit of hits) assert.ok(hit.start >= 0 && hit.end <= text.length && hit.start < hit.end);
      const findings = styleFindings({ text, hits, headings: analysis.headings }, kb);
      const snippets = snippetFindings(text, analysis.prose, kb.snippets, { today, pasted: kb.snippets.pasted });
      const grades = finish(readingGradeFindingsSliced({ text, prose: analysis.prose, headings: analysis.headings, tables: analysis.tables }));
      const plainWords = finish(plainWordFindingsSliced({ text, prose: analysis.prose, hits }));
      const personFirst = finish(personFirstFindingsSliced(text, analysis.prose));
      const records = checkText(kb, 'hostile.md', text, [], today);
      assert.equal(records.length, findings.length + snippets.length + grades.length + plainWords.length + personFirst.length);
    });
  }

  it('finds what it should on the hostile lines', () => {
    const spaces = `multiple${' '.repeat(MB - 17)}sclerosis`;
    assert.deepEqual(kb.termIndex.findTerms(spaces).map((h) => [h.start, h.end, h.entryId]), [[0, spaces.length, 'multiple-sclerosis']]);
    assert.deepEqual(kb.termIndex.findTerms(`multiple${' '.repeat(MB - 18)},sclerosis`).map((h) => h.entryId), []);
    // "MS" counts where the text names multiple sclerosis, but not on a line in capitals.
    const named = `${repeat('MS ', MB - 40)}about multiple sclerosis`;
    assert.equal(kb.termIndex.findTerms(named).length, Math.ceil((MB - 40) / 3) + 1);
    assert.equal(kb.termIndex.findTerms(`${repeat('MS ', MB)}\nmultiple sclerosis`).length, 1);
    // Pasted copies: one finding per copy of each snippet.
    const pasted = pastedSnippets();
    const copies = Math.floor(MB / (pasted.length + 1));
    const text = repeat(`${pasted} `, copies * (pasted.length + 1));
    const found = snippetFindings(text, [{ start: 0, end: text.length }], kb.snippets, { today, pasted: kb.snippets.pasted });
    assert.ok(found.length >= copies, `${found.length} findings for ${copies} copies`);
  });

  it('answers a search or a completion for a 1 MB query, searching its first words', () => {
    const search = kb.search;
    for (const query of [repeat('qwzx'), repeat('neuropathy '), `a${' '.repeat(MB)}`, repeat('carpel tunnel ')]) {
      const results = search.search(query, 5);
      assert.deepEqual(results, search.search(query.slice(0, MAX_QUERY_LENGTH + 1), 5));
      completeAt(search, query);
    }
  });
});
