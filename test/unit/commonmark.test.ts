import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { DocumentAnalysis } from '../../src/core';
import { bundledKb } from './helpers';

/**
 * A peer's test suite for the prose ranges: the CommonMark spec's examples (npm `commonmark-spec`,
 * 0.31.2), each with its placeholder words (`foo`, `bar`, `baz`, `/url`…) replaced by medical
 * terms. markdown-it, which the extension uses, renders each example; the terms it shows as prose
 * text must be exactly the terms the scan finds, block by block: none in code spans, code blocks,
 * raw HTML, autolinks, link destinations or titles, none missed in emphasis, link text, image
 * alt text, headings, lists, tables or block quotes.
 *
 * Occurrences are compared per block: markdown-it's text tokens carry no offsets, but every
 * paragraph, heading and table row carries its lines. For each block, and for each entry, the
 * number of terms in the text markdown-it renders must equal the number of hits the scan finds
 * on those lines; a hit on a line of no block is a hit in non-prose. (A hit in non-prose and a
 * missed term of the same entry in the same block would cancel out; no cause seen here does that.)
 * Terms go into 566 of the 652 examples; the other 86 check that nothing is found.
 */

interface Example {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

// The spec writes tabs as `→`, and its own runner turns them back into tabs.
const EXAMPLES: readonly Example[] = (require('commonmark-spec') as { tests: Example[] }).tests.map((e) => ({ ...e, markdown: e.markdown.replace(/→/g, '\t') }));

/**
 * The placeholder words of the spec, each with the term that replaces it: single words the
 * bundled knowledge base knows, that never combine into a longer term (the only terms found in
 * the examples are these). A word that names an HTML tag is kept in the tag, so the replacement
 * keeps each example's structure. `Foo` becomes `Numbness` and `FOO` `NUMBNESS`, so that link
 * labels still match.
 */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  foo: 'numbness',
  bar: 'tingling',
  baz: 'fatigue',
  url: 'lupus',
  uri: 'gout',
  aaa: 'acne',
  bbb: 'asthma',
  bim: 'migraine',
  hi: 'measles',
  a: 'rash',
  b: 'cough',
  c: 'fever',
  d: 'nausea',
  one: 'eczema',
  two: 'vertigo',
  code: 'insomnia',
  paragraph: 'edema',
  block: 'mumps',
  quote: 'scurvy',
  text: 'anemia',
  hello: 'sepsis',
  okay: 'obesity',
  ok: 'rickets',
};
/** The placeholders that are also HTML tag names, kept in a tag (`<a`, `</code`). */
const TAG_NAMES = ['a', 'b', 'code'];
// A whole word, not a tag's name or a character reference (`&ouml;`).
const PLACEHOLDER = new RegExp(
  `(?<![A-Za-z0-9]|&#?)(?:(?<!</?)(?:${TAG_NAMES.join('|')})|${Object.keys(PLACEHOLDERS).filter((w) => !TAG_NAMES.includes(w)).join('|')})(?![A-Za-z0-9])`,
  'gi',
);

/** `markdown` with its placeholder words replaced by terms, in the word's casing. */
function withTerms(markdown: string): string {
  return markdown.replace(PLACEHOLDER, (word) => {
    const term = PLACEHOLDERS[word.toLowerCase()];
    if (word === word.toUpperCase()) return term.toUpperCase();
    if (word[0] === word[0].toUpperCase()) return term[0].toUpperCase() + term.slice(1);
    return term;
  });
}

/**
 * Disagreements between the scan and markdown-it, by cause, each example by its number in the
 * spec. The test fails on a disagreement not listed here, and on a listed example that now agrees
 * (remove it, and update the figures in the README's Reliability section).
 */
const KNOWN_DISAGREEMENTS: readonly { readonly cause: string; readonly examples: readonly number[] }[] = [
  // By design: MedTerms reads a `---` block at the top as YAML front matter, markdown-it as a rule and a heading.
  { cause: 'front matter, not prose by design', examples: [96] },
  // Too little read as prose: the scan takes every `](…)` for a link destination.
  { cause: '`](…)` skipped though markdown-it makes no link of it (escaped or unmatched `[`, a link inside link text, an invalid destination)', examples: [14, 493, 494, 497, 513, 518, 519] },
  // Too much read as prose: only `(dest)`, `(<dest>)` and `(dest "title")` on one line are understood.
  { cause: 'link title in a form the scan does not parse (in `\'…\'` or `(…)`, an escaped quote, on the next line)', examples: [505, 506, 509, 510] },
  // Too much read as prose: the label of a full reference link is hidden by markdown-it when it is defined.
  { cause: 'the `[label]` of a full reference link `[text][label]` read as prose', examples: [527, 539, 541, 544, 565, 569, 570, 571, 582, 583] },
  // (Set MEDTERMS_COMMONMARK_REPORT=1 to print every disagreement with its blocks and hits.)
];

/** At least this many examples agree (of 652): the figure measured on 2026-12-06. Raise it as causes are fixed. */
const AGREEING_AT_LEAST = 630;

// The parser the extension's prose ranges follow (src/core/markdown/prose.ts), with its inline rules on.
const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];

/** A block of prose as markdown-it renders it: its lines `[first, end)` and its visible text. */
interface Block {
  readonly first: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The text a reader sees of an inline token's children: text, line breaks, link text and image
 * alt text; code spans, raw HTML and autolinks are not prose. Markup between two runs of text
 * (emphasis, a link's start) is a word boundary.
 */
function visibleText(children: readonly Token[]): string {
  let out = '';
  let inAutolink = false;
  for (const t of children) {
    if (t.type === 'link_open' && t.markup === 'autolink') inAutolink = true;
    if (inAutolink) {
      if (t.type === 'link_close') inAutolink = false;
      out += ' ';
    } else if (t.type === 'text') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
    else if (t.type === 'image') out += ` ${visibleText(t.children ?? [])} `;
    else out += ' ';
  }
  return out;
}

/**
 * A bare URL, which MedTerms does not read as prose although markdown-it (without linkify)
 * renders it as text: `http://`, `https://` or `www.` after no word character, to white space,
 * `<`, `>` or a parenthesis (as in prose.ts).
 */
const BARE_URL = /(?<![A-Za-z0-9_])(?:https?:\/\/|www\.)[^\s<>()]+/g;

/** The prose blocks of `markdown` as markdown-it renders them (a table's cells by row). */
function renderedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const maps: [number, number][] = [];
  for (const token of md.parse(markdown, {})) {
    const map = (token.map as [number, number] | null) ?? maps[maps.length - 1];
    if (token.nesting === 1) maps.push(map);
    if (token.nesting === -1) maps.pop();
    if (token.type === 'inline' && map) blocks.push({ first: map[0], end: map[1], text: visibleText(token.children ?? []).replace(BARE_URL, (url) => ' '.repeat(url.length)) });
  }
  return blocks;
}

/** The line of each offset of `text`: lines end at LF, CRLF or a lone CR, as markdown-it counts them. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** How the scan and markdown-it compare on one example. */
interface Comparison {
  readonly number: number;
  readonly section: string;
  readonly markdown: string;
  /** Terms markdown-it renders as prose, over all blocks. */
  readonly terms: number;
  /** Per block and entry where the counts differ: `lines first–end entry: rendered N, found M (the hits' text)`. */
  readonly differences: string[];
}

/** Compares the terms the scan finds in an example with the terms markdown-it renders as prose. */
function compare(example: Example): Comparison {
  const index = bundledKb().termIndex;
  const markdown = withTerms(example.markdown);
  const blocks = renderedBlocks(markdown);
  const key = (first: number, end: number, entry: string) => `lines ${first}–${end} ${entry}`;
  const counts = new Map<string, { expected: number; found: string[] }>();
  const count = (k: string) => counts.get(k) ?? (counts.set(k, { expected: 0, found: [] }), counts.get(k)!);
  // What markdown-it shows: the blocks' visible text as one document, so that contextual
  // abbreviations are confirmed as in the scan; each term counted in its block.
  let visible = '';
  const starts: number[] = [];
  for (const b of blocks) {
    starts.push(visible.length);
    visible += `${b.text}\n\n`;
  }
  let expected = 0;
  for (const hit of index.findTerms(visible)) {
    let i = starts.length - 1;
    while (starts[i] > hit.start) i--;
    count(key(blocks[i].first, blocks[i].end, hit.entryId)).expected++;
    expected++;
  }
  // What the scan finds, each hit in the innermost block whose lines hold its start.
  for (const hit of DocumentAnalysis.of(markdown).terms(index)) {
    const line = lineOf(markdown, hit.start);
    let home: Block | undefined;
    for (const b of blocks) if (b.first <= line && line < b.end && (!home || b.end - b.first < home.end - home.first)) home = b;
    count(home ? key(home.first, home.end, hit.entryId) : `line ${line} (no prose block) ${hit.entryId}`).found.push(markdown.slice(hit.start, hit.end));
  }
  const differences: string[] = [];
  for (const [k, c] of counts) if (c.expected !== c.found.length) differences.push(`${k}: rendered ${c.expected}, found ${c.found.length} (${c.found.join(', ')})`);
  return { number: example.number, section: example.section, markdown, terms: expected, differences };
}

describe('CommonMark spec examples: prose ranges against markdown-it', () => {
  let results: Comparison[];
  const known = new Map(KNOWN_DISAGREEMENTS.flatMap(({ cause, examples }) => examples.map((n) => [n, cause] as const)));

  before(() => {
    results = EXAMPLES.map(compare);
    if (process.env.MEDTERMS_COMMONMARK_REPORT) {
      for (const r of results) {
        if (r.differences.length === 0) continue;
        console.log(`\n#${r.number} (${r.section})${known.has(r.number) ? ` [known: ${known.get(r.number)}]` : ''}\n${JSON.stringify(r.markdown)}\n  ${r.differences.join('\n  ')}`);
      }
    }
  });

  it('puts terms into at least 560 of the examples', () => {
    const withPlaceholders = EXAMPLES.filter((e) => e.markdown.search(PLACEHOLDER) !== -1).length;
    assert.ok(withPlaceholders >= 560, `${withPlaceholders}`);
  });

  it(`finds exactly the terms markdown-it renders as prose in at least ${AGREEING_AT_LEAST} of ${EXAMPLES.length} examples`, () => {
    const agreeing = results.filter((r) => r.differences.length === 0).length;
    console.log(`      ${agreeing} of ${results.length} examples agree; ${results.reduce((n, r) => n + r.terms, 0)} rendered terms compared`);
    assert.ok(agreeing >= AGREEING_AT_LEAST, `${agreeing} agree`);
  });

  it('disagrees only on the known examples, each for its listed cause', () => {
    const unknown = results.filter((r) => r.differences.length > 0 && !known.has(r.number));
    assert.deepEqual(
      unknown.map((r) => `#${r.number} (${r.section}) ${JSON.stringify(r.markdown)}: ${r.differences.join('; ')}`),
      [],
    );
  });

  it('lists no example that now agrees', () => {
    const fixed = results.filter((r) => r.differences.length === 0 && known.has(r.number)).map((r) => r.number);
    assert.deepEqual(fixed, [], 'these examples agree now: remove them from KNOWN_DISAGREEMENTS and update the README');
  });
});
