import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { frontMatterLength, proseSpans, readProse, TermIndex, type Span } from '../../src/core';
import { definedAbbreviations } from '../../src/core/match/documentHits';
import { bundledKb, bundledLayer } from './helpers';
import { documentOf, params, RUNS } from './properties';

/** Asserts that `spans` are non-empty, inside `[0, length]`, sorted and do not overlap. */
function assertOrdered(spans: readonly Span[], length: number, what: string): void {
  let end = 0;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(s.start >= end, `${what}: sorted and not overlapping at ${s.start}`);
    assert.ok(s.end > s.start, `${what}: not empty at ${s.start}`);
    assert.ok(s.end <= length, `${what}: inside the text at ${s.end}`);
    end = s.end;
  }
}

/** Whether `inner` lies inside one of the sorted `spans`. */
const inside = (inner: Span, spans: readonly Span[]) => spans.some((s) => s.start <= inner.start && inner.end <= s.end);

/** Offsets of line starts as markdown-it counts lines: a line ends at CRLF, LF or a lone CR. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

// An independent reading of the code in a document: markdown-it's own full parse (inline rules
// on, default options), its fence, code block and HTML block tokens at any depth.
const oracle = new MarkdownIt({ html: true });

/** The spans of the lines markdown-it reads as fenced or indented code, or as HTML blocks. */
function codeLines(text: string): Span[] {
  const skip = frontMatterLength(text);
  const source = text.slice(0, skip).replace(/[^\r\n]/g, ' ') + text.slice(skip);
  const starts = lineStarts(text);
  const at = (line: number) => (line < starts.length ? starts[line] : text.length);
  return oracle
    .parse(source, {})
    .filter((t) => t.map && (t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block'))
    .map((t) => ({ start: at(t.map![0]), end: at(t.map![1]) }))
    .filter((s) => s.end > s.start);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

describe('properties of the core, for any document [property]', function () {
  // Generous: the properties run many cases, and `npm run test:fuzz` many more.
  this.timeout(0);

  it(`reads the prose of any text: spans inside it, sorted, never code, the same every time, a lone CR a line break (${RUNS} cases) [property]`, () => {
    fc.assert(
      fc.property(documentOf(), (text) => {
        const map = readProse(text, 0, text.length);
        assertOrdered(map.spans, text.length, 'prose');
        assertOrdered(map.flattened, text.length, 'flattened');
        for (const h of map.headings) assert.ok(h.start >= 0 && h.end <= text.length && h.start <= h.end, 'heading inside the text');
        for (const code of codeLines(text)) {
          const prose = map.spans.find((s) => overlaps(s, code));
          assert.equal(prose, undefined, `prose ${JSON.stringify(prose && text.slice(prose.start, prose.end))} in code ${JSON.stringify(text.slice(code.start, code.end))}`);
        }
        assert.deepEqual(readProse(text, 0, text.length), map, 'deterministic');
        // markdown-it reads a lone CR as a line break and NUL as U+FFFD: writing LF and U+FFFD
        // instead, which keeps every offset, must keep every span.
        const normal = text.replace(/\r(?!\n)/g, '\n').replace(/\0/g, '\uFFFD');
        if (normal !== text) {
          const { spans, headings, flattened } = readProse(normal, 0, normal.length);
          assert.deepEqual({ spans, headings, flattened }, { spans: map.spans, headings: map.headings, flattened: map.flattened }, 'the same with LF for lone CR and U+FFFD for NUL');
        }
      }),
      params(),
    );
  });

  it(`finds terms in any text: never throws, hits on the matched characters, inside prose, sorted, not overlapping, the same every time (${RUNS} cases) [property]`, () => {
    const index = bundledKb().termIndex;
    // A second index of the same terms, whose caches have seen other texts: the same hits.
    const other = TermIndex.fromText(bundledLayer().termIndex!.toText())!;
    fc.assert(
      fc.property(documentOf(), documentOf(6), (text, noise) => {
        const prose = proseSpans(text);
        const hits = index.findTerms(text, prose);
        assertOrdered(hits, text.length, 'hits');
        const defined = definedAbbreviations(text, index.scan(text, prose));
        for (const h of hits) {
          assert.ok(inside(h, prose), `hit ${JSON.stringify(text.slice(h.start, h.end))} inside prose`);
          const written = text.slice(h.start, h.end);
          const definedHere = h.field === 'abbreviation' && defined.get(written.replace(/['’]s?$/, '').replace(/s$/, '')) === h.entryId;
          assert.ok(index.lookup(written).includes(h.entryId) || definedHere, `${JSON.stringify(written)} is a form of ${h.entryId}, or an abbreviation the text defines`);
        }
        other.findTerms(noise);
        assert.deepEqual(other.findTerms(text, prose), hits, 'deterministic, whatever the caches hold');
      }),
      params(),
    );
  });

  it(`searches for any query without throwing, within the limit (${RUNS} cases) [property]`, () => {
    const search = bundledKb().search;
    // Mostly odd queries (any code point, symbols, surrogates, marks), which are cheap; words and
    // long queries less often, since the fuzzy search costs milliseconds for each.
    const query = fc.oneof(
      { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 12 },
      { arbitrary: fc.string({ unit: fc.constantFrom(...".'’-_ \t\0\u0301\uD83D\uDE00:/()[]*?+|^$\\"), maxLength: 12 }), weight: 4 },
      { arbitrary: fc.string({ maxLength: 10 }), weight: 2 },
      { arbitrary: fc.constantFrom('G56', 'g56.0', 'ms', 'pins and needls', 'multpile sclerosis', ' ', '', '\0', '.', '..', "'", '\uD83D', 'é'.repeat(50), 'a'.repeat(200)), weight: 1 },
      { arbitrary: documentOf(3).map((d) => d.slice(0, 40)), weight: 1 },
    );
    fc.assert(
      fc.property(query, fc.integer({ min: 0, max: 25 }), (q, limit) => {
        const results = search.search(q, limit);
        assert.ok(results.length <= limit, 'within the limit');
        assert.equal(new Set(results.map((r) => r.id)).size, results.length, 'each entry once');
        for (const r of results) assert.ok(Number.isFinite(r.score), 'a score');
      }),
      params(),
    );
  });
});
